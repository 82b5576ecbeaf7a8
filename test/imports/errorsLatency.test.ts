// The error workbook of a sheet at the row limit (issue 13): import.errors for ~100,000 refused
// rows lets other requests be answered while it is built (before the limits, a merge down a whole
// column made 1,048,575 phantom rows and import.errors held every request ~40 s). How long the
// request thread is held at most: `npm run bench -- hostile`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { findStaged } from '../../backend/imports/store';
import { countyBackend, upload } from './helpers';
import { csvBytes } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

describe('import.errors at the row limit', () => {
  it('builds the workbook of 99,999 refused rows without holding the request thread', async () => {
    const lines = ['姓名,公民身份号码,人员类别'];
    for (let i = 0; i < 99_999; i++) lines.push(`人${i},51132319800101${String(i % 1000).padStart(3, '0')}0,普查员`);
    const up = await upload(b, 'person', '花名册.csv', csvBytes(lines.join('\n'), 'utf8'));
    const p = await b.ok('import.preview', { importId: up.importId, pageSize: 10 });
    expect(p.counts.errors).toBeGreaterThan(99_000);

    // A gauge, not a clock: the furthest row of the sheet the workbook has read (it copies each refused
    // row in order). Writing the rows is the long part (~2.4 s in one piece before the yields); zipping
    // them afterwards lets requests through anyway, so only answers while rows are written count.
    const sheet = findStaged(b.db, up.importId).checked!.layout.sheet as { rows: unknown[] };
    let furthestRow = 0;
    sheet.rows = new Proxy(sheet.rows, {
      get: (rows, key, receiver) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) furthestRow = Math.max(furthestRow, Number(key));
        return Reflect.get(rows, key, receiver);
      },
    });

    // Requests sent one after another while import.errors runs, each noting how far the rows were.
    let done = false;
    const errors = b.ok('import.errors', { importId: up.importId }).finally(() => (done = true));
    const rowAtAnswers: number[] = [];
    while (!done) {
      expect((await b.ok('import.kinds', {})).length).toBeGreaterThan(0);
      if (!done) rowAtAnswers.push(furthestRow);
      // One request per event-loop turn, so a turn held by the build answers none.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { rowCount } = await errors;
    expect(rowCount).toBe(p.counts.errors);
    // Requests answered while the refused rows were being written, well after the first, well before the last.
    const midway = rowAtAnswers.filter((n) => n > 0.05 * rowCount && n < 0.95 * rowCount);
    // Held in one piece, at most one is (the request already sent); yielding every 1,000 rows, ~90 are.
    expect(midway.length).toBeGreaterThanOrEqual(20);
  }, 120_000);
});
