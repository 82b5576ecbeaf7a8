// The staging cap counts what a staged import holds in memory (issue 13): its parsed sheets as
// the worker estimates them, not the compressed file. Before, four staged uploads of small
// zip files held 4.3 GB. The cap is lowered here so files of a few hundred KB show it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { makeId, sheet } from './make';
import type * as Limits from '../../backend/imports/limits';

vi.mock('../../backend/imports/limits', async (importOriginal) => ({
  ...(await importOriginal<typeof Limits>()),
  MAX_STAGED_BYTES: 12 * 1024 * 1024,
}));

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

/** A roster of 20,000 rows: ~0.5 MB as .xlsx, several MB once read into grids. */
function roster(tag: string): Buffer {
  const rows: unknown[][] = [['姓名', '公民身份号码', '人员类别', '备注']];
  for (let i = 0; i < 20_000; i++)
    rows.push([`人${i}`, makeId('19800101', String(i % 1000).padStart(3, '0')), '普查员', `${tag}${i}`]);
  return sheet(rows);
}

describe('staged imports', () => {
  it('are dropped, oldest first, by the memory their parsed sheets hold, not by their compressed size', async () => {
    const files = ['甲', '乙', '丙'].map(roster);
    expect(Math.max(...files.map((f) => f.length))).toBeLessThan(2 * 1024 * 1024);
    const ids: string[] = [];
    for (const [i, bytes] of files.entries()) {
      const up = await upload(b, 'person', `花名册${i}.xlsx`, bytes);
      await b.ok('import.sheets', { importId: up.importId });
      ids.push(up.importId);
    }
    // Three files of well under 2 MB each fit any cap by their size; read, they no longer fit 12 MB.
    expect(await b.err('import.sheets', { importId: ids[0] })).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    expect((await b.ok('import.sheets', { importId: ids[2] })).sheets).toHaveLength(1);
  }, 60_000);
});
