// Big files: progress while the file is read and checked, and a cancel that stops either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCtx, type TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { bigRoster } from './bigRoster';
import { VALIDATE_CHUNK } from '../../backend/imports/limits';

/** Three chunks of the check: progress between them, and a moment to cancel in. */
const ROWS = 3 * VALIDATE_CHUNK;

let b: TestBackend;
let bytes: Buffer;
beforeAll(async () => {
  b = await countyBackend({ townships: false });
  bytes = bigRoster(ROWS);
});
afterAll(() => b.dispose());

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('progress and cancel', () => {
  it('reports reading, then rows checked of the total, then ready', async () => {
    const up = await upload(b, 'person', 'big.xlsx', bytes);
    const phases: { phase: string; done: number; total: number }[] = [];
    let finished = false;
    const preview = b.ok('import.preview', { importId: up.importId, pageSize: 10 }).finally(() => (finished = true));
    while (!finished) {
      phases.push(await b.ok('import.progress', { importId: up.importId }));
      await tick();
    }
    const p = await preview;
    expect(p.counts.valid).toBe(ROWS);
    expect(phases[0].phase).toBe('parsing');
    const checking = phases.filter((s) => s.phase === 'validating' && s.done > 0 && s.done < s.total);
    expect(checking.length).toBeGreaterThan(0);
    expect(checking.every((s) => s.total === ROWS)).toBe(true);
    expect(await b.ok('import.progress', { importId: up.importId })).toMatchObject({
      phase: 'ready',
      done: ROWS,
      total: ROWS,
    });
  });

  it('a cancel while the file is read stops the worker; the preview says so', async () => {
    const before = b.snapshot();
    const up = await upload(b, 'person', 'big.xlsx', bytes);
    const preview = b.dispatch('import.preview', { importId: up.importId }, adminCtx);
    expect(await b.ok('import.cancel', { importId: up.importId })).toEqual({ importId: up.importId, cancelled: true });
    const r = await preview;
    expect(r.ok ? null : r.error).toMatchObject({ code: 'CANCELLED', message: '已取消导入文件的读取' });
    expect(await b.ok('import.progress', { importId: up.importId })).toMatchObject({ phase: 'cancelled' });
    expect(b.snapshot()).toEqual(before);
    // The worker that was stopped is replaced: the next file reads as usual.
    const next = await upload(b, 'person', 'small.xlsx', bigRoster(5));
    expect((await b.ok('import.preview', { importId: next.importId })).counts.valid).toBe(5);
  });

  it('a cancel while rows are checked stops the check; previewing again starts it afresh', async () => {
    const up = await upload(b, 'person', 'big.xlsx', bytes);
    const preview = b.dispatch('import.preview', { importId: up.importId }, adminCtx);
    for (let polls = 0; ; polls++) {
      const s = await b.ok('import.progress', { importId: up.importId });
      if (s.phase === 'validating' && s.done > 0) break;
      if (polls > 20_000 || s.phase === 'ready') throw new Error(`never saw the check under way (${s.phase})`);
      await tick();
    }
    expect((await b.ok('import.cancel', { importId: up.importId })).cancelled).toBe(true);
    const r = await preview;
    expect(r.ok ? null : r.error?.code).toBe('CANCELLED');
    const p = await b.ok('import.preview', { importId: up.importId, pageSize: 10 });
    expect(p.counts.valid).toBe(ROWS);
  });

  it('a discarded import is gone', async () => {
    const up = await upload(b, 'person', 'small.xlsx', bigRoster(3));
    expect(await b.ok('import.discard', { importId: up.importId })).toEqual({ importId: up.importId, discarded: true });
    expect((await b.err('import.preview', { importId: up.importId })).code).toBe('IMPORT_NOT_FOUND');
  });
});
