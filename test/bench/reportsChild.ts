// Child process of the reports benchmark, so memory is measured in a process that does nothing
// else. `seed <dir> <n>` writes a county with n people. `build <dir>` runs what the export worker
// runs — read-only connection, read, lay out, write the roster (R1) — and prints the process's peak
// resident memory. `export <dir>` opens the app and exports through dispatch, sampling the
// process's memory while the worker works (the app's own start-up check of the file comes first
// and is not the export's). `cold <dir>` times the first export after start-up (the export worker
// starts with it); `coldfloor <dir>` the first bare write of the same cells (cells.json) in a
// fresh floor worker (reportsFloor.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openBackend } from '../../backend/app';
import { OFFICE, peopleRows } from '../reports/people20k';
import { insertPeople } from '../../db/entities/personnel';
import { buildFile } from '../../backend/reports/builders';
import { NO_PARAMS } from '../../backend/reports/context';
import { DEFAULT_REPORT_TEXTS } from '../../core/schemas/system';
import { ROSTER } from '../../core/reports/layouts/people';
import { floorWorker } from './reportsFloor';

const [mode, dir, n] = process.argv.slice(2);
const file = join(dir, 'county.db');
const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };
const mb = (bytes: number) => bytes / 1024 / 1024;
/** Start-up's own work (the backup, the file check) is done before the first export is timed. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

if (mode === 'seed') {
  const b = openBackend(file);
  const r = await b.dispatch('setup.init', { office: OFFICE, admin: { name: 'admin', password: 'demo1234' } }, admin);
  if (!r.ok) throw new Error(r.error.message);
  const rows = peopleRows(Number(n));
  b.db.transaction(() => insertPeople(b.db, rows))();
  b.close();
} else if (mode === 'build') {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const before = mb(process.resourceUsage().maxRSS * 1024);
  const t0 = performance.now();
  const out = await buildFile(
    db,
    {
      type: 'build',
      params: NO_PARAMS,
      office: { ...OFFICE, censusName: '第二次全国污染源普查', moneyUnit: '元', totalRowPosition: 'top' },
      texts: DEFAULT_REPORT_TEXTS,
      exportedAt: new Date().toISOString(),
      operator: null,
      dbPath: file,
    },
    () => undefined,
  );
  const ms = performance.now() - t0;
  db.close();
  console.log(
    JSON.stringify({ beforeMb: before, peakMb: mb(process.resourceUsage().maxRSS * 1024), ms, size: out.bytes.length }),
  );
} else if (mode === 'cold') {
  const b = openBackend(file);
  await settle();
  const t0 = performance.now();
  const r = await b.dispatch('report.export', { reportId: 'R1' }, admin);
  const ms = performance.now() - t0;
  b.close();
  if (!r.ok) throw new Error(r.error.message);
  console.log(JSON.stringify({ ms }));
} else if (mode === 'coldfloor') {
  const cells = JSON.parse(readFileSync(join(dir, 'cells.json'), 'utf8')) as unknown[][];
  await settle();
  const t0 = performance.now();
  const w = floorWorker(ROSTER.sheetName, cells);
  await w.write();
  const ms = performance.now() - t0;
  await w.stop();
  console.log(JSON.stringify({ ms }));
} else {
  const b = openBackend(file);
  const before = mb(process.memoryUsage().rss);
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, mb(process.memoryUsage().rss))), 10);
  const t0 = performance.now();
  const r = await b.dispatch('report.export', { reportId: 'R1' }, admin);
  const ms = performance.now() - t0;
  clearInterval(sample);
  peak = Math.max(peak, mb(process.memoryUsage().rss));
  b.close();
  if (!r.ok) throw new Error(r.error.message);
  console.log(JSON.stringify({ beforeMb: before, peakMb: peak, ms, size: (r.data as { size: number }).size }));
}
