// A re-import's preview does not hold the request thread (issue #18): its check works in slices of
// a few milliseconds, so requests made while it runs are answered before it ends — before, the
// rows went in runs of 2000 and a sheet smaller than that was checked in one go, answering nothing
// from the moment the file was read until the preview was done.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALIDATE_CHUNK } from '../../backend/imports/limits';
import { adminCtx, type TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { csvBytes, makeId } from './make';

/** Fewer rows than the old runs of VALIDATE_CHUNK: the old check answered nothing in between. */
const N = 1500;
let b: TestBackend;
let ids: number[] = [];

const birth = (i: number) =>
  new Date(Date.UTC(1975, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
const roster = (employer: (i: number) => string) =>
  csvBytes(
    [
      '姓名,公民身份号码,工作单位,人员类别,负责乡镇',
      ...Array.from({ length: N }, (_, i) => `人员${i},${makeId(birth(i), '001')},${employer(i)},普查员,锦屏镇`),
    ].join('\n'),
    'utf8',
  );

beforeAll(async () => {
  expect(N).toBeLessThan(VALIDATE_CHUNK);
  b = await countyBackend();
  const up = await upload(
    b,
    'person',
    '花名册.csv',
    roster(() => '县统计局'),
  );
  await b.ok('import.preview', { importId: up.importId, pageSize: 10 });
  expect(await b.ok('import.commit', { importId: up.importId, onExisting: 'update' })).toMatchObject({ created: N });
  ids = b.db.prepare('SELECT id FROM people ORDER BY id').pluck().all() as number[];
}, 120_000);
afterAll(() => b.dispose());

describe('a re-import preview', () => {
  it('answers other requests while its rows are checked, then previews every row', async () => {
    const up = await upload(
      b,
      'person',
      '花名册-更新.csv',
      roster((i) => `县水务局（${i % 7}）`),
    );
    // The file read first: what follows is the check alone.
    while ((await b.ok('import.progress', { importId: up.importId })).phase === 'parsing') await nextTurn();

    let settled = false;
    const preview = b.dispatch('import.preview', { importId: up.importId, pageSize: 10 }, adminCtx);
    void preview.finally(() => (settled = true));
    /** Reads answered while the preview was still under way, and what progress said meanwhile. */
    const during: { phase: string; done: number; total: number; employer: string; listed: number }[] = [];
    while (!settled) {
      await nextTurn();
      const [progress, person, list] = await Promise.all([
        b.ok('import.progress', { importId: up.importId }),
        b.ok('person.get', { id: ids[N - 1] }),
        b.ok('person.list', { q: '人员', pageSize: 5 }),
      ]);
      if (!settled) during.push({ ...progress, employer: String(person.employer), listed: list.total });
    }
    const r = await preview;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.data as { counts: unknown }).counts).toMatchObject({ rows: N, update: N, errors: 0 });

    // Reads were answered while the rows were being checked, part-way through them, and saw the
    // data as stored (a preview writes nothing).
    const checking = during.filter((d) => d.phase === 'validating' && d.done > 0 && d.done < d.total);
    expect(checking.length).toBeGreaterThan(0);
    expect(checking.every((d) => d.total === N)).toBe(true);
    expect(during.every((d) => d.employer === '县统计局' && d.listed === N)).toBe(true);
    // Progress only goes forward.
    const done = during.map((d) => d.done);
    expect(done).toEqual([...done].sort((x, y) => x - y));
  }, 120_000);

  it('a cancel while its rows are checked stops it; previewing again gives every row', async () => {
    const up = await upload(
      b,
      'person',
      '花名册-再次更新.csv',
      roster((i) => `县财政局（${i % 5}）`),
    );
    while ((await b.ok('import.progress', { importId: up.importId })).phase === 'parsing') await nextTurn();
    const preview = b.dispatch('import.preview', { importId: up.importId, pageSize: 10 }, adminCtx);
    for (;;) {
      await nextTurn();
      const s = await b.ok('import.progress', { importId: up.importId });
      if (s.phase === 'validating' && s.done > 0) break;
      if (s.phase === 'ready') throw new Error('the check ended before any request was answered');
    }
    expect((await b.ok('import.cancel', { importId: up.importId })).cancelled).toBe(true);
    const r = await preview;
    expect(r.ok ? null : r.error.code).toBe('CANCELLED');
    const again = await b.ok('import.preview', { importId: up.importId, pageSize: 10 });
    expect(again.counts).toMatchObject({ rows: N, update: N, errors: 0 });
  }, 120_000);
});
