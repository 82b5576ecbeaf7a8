// Exports run in a worker thread: while a 6 000-person roster is being written, the thread that
// answers the UI keeps answering, and report.progress says how far the export has got.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { threadId } from 'node:worker_threads';
import * as XLSX from '@e965/xlsx';
import { tempBackend, type TestBackend } from '../helpers/backend';
import { countyWithPeople } from './people20k';
import { exportReport } from './helpers';
import { exportWorkerThreadId } from '../../backend/reports/pool';
import { ROSTER } from '../../core/reports/layouts/people';

/** Big enough for a dozen progress reports (one per 500 rows). */
const N = 6_000;
let b: TestBackend;
beforeAll(async () => {
  b = tempBackend();
  await countyWithPeople(b, N);
}, 60_000);
afterAll(() => b?.dispose());

it('answers other calls and reports progress while a big roster is exported off-thread', async () => {
  const events: string[] = [];
  const exporting = exportReport(b, { reportId: 'R1', jobId: 'roster-20k' }).then((out) => {
    events.push('export');
    return out;
  });
  const seen: { phase: string; done: number; total: number }[] = [];
  let office = false;
  while (!events.includes('export')) {
    if (!office) {
      await b.ok('office.get', {});
      events.push('office.get');
      office = true;
    }
    const p = await b.ok('report.progress', { jobId: 'roster-20k' });
    if (p) seen.push(p);
    await new Promise((r) => setTimeout(r, 5));
  }
  const out = await exporting;

  expect(events[0]).toBe('office.get');
  const writing = seen.filter((p) => p.phase === '写入' && p.done > 0 && p.done < N);
  expect(new Set(writing.map((p) => p.done)).size).toBeGreaterThan(1);
  expect(writing.every((p) => p.total === N)).toBe(true);
  expect(await b.ok('report.progress', { jobId: 'roster-20k' })).toEqual({
    jobId: 'roster-20k',
    phase: '完成',
    done: 1,
    total: 1,
  });
  expect(exportWorkerThreadId()).not.toBeNull();
  expect(exportWorkerThreadId()).not.toBe(threadId);

  const ws = XLSX.read(out.bytes, { type: 'buffer', sheets: ROSTER.sheetName }).Sheets[ROSTER.sheetName];
  const range = XLSX.utils.decode_range(ws['!ref']!);
  // Title, 填报单位 line, header, N people, the two 说明 lines and the footer.
  expect(range.e.r + 1).toBe(3 + N + 2 + 2);
  expect(ws[`A${3 + N}`].v).toBe(N);
}, 120_000);
