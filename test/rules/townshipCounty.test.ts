// domain.md §9.5: region codes start with their parent's code — a township's with the office's
// county. township.create/update and the township import refuse one outside it, naming the field
// and the county; nothing is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, upload } from '../imports/helpers';
import { sheet } from '../imports/make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend({ townships: false });
});
afterEach(() => b.dispose());

const OUTSIDE = '乡镇（街道）代码 510101001 不属于本县（511323 蓬安县）：应以 511323 开头';

describe('a township code outside the office county', () => {
  it('is refused by township.create, naming the field and the county, and leaves no trace', async () => {
    const before = b.snapshot();
    const e = await b.err('township.create', { code: '510101001', name: '外县镇' });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe(OUTSIDE);
    expect(e.issues).toEqual([{ path: 'code', message: OUTSIDE }]);
    expect(b.snapshot()).toEqual(before);
    await b.ok('township.create', { code: '511323100', name: '锦屏镇' });
  });

  it('is refused by township.update; a rename keeps working', async () => {
    const t = await b.ok('township.create', { code: '511323100', name: '锦屏镇' });
    const e = await b.err('township.update', { id: t.id, code: '510101001' });
    expect(e.message).toBe(OUTSIDE);
    expect((await b.ok('township.update', { id: t.id, name: '锦屏镇（新）' })).code).toBe('511323100');
    // Stored before the office's county changed: a form that sends its code unchanged still saves.
    b.db.prepare(`UPDATE office_profile SET county_code = '511304', county_name = '嘉陵区'`).run();
    const kept = await b.ok('township.update', { id: t.id, code: '511323100', name: '锦屏镇' });
    expect(kept.name).toBe('锦屏镇');
  });

  it('is a row error of the township import, and the other rows land', async () => {
    const up = await upload(
      b,
      'township',
      'township.xlsx',
      sheet([
        ['乡镇（街道）代码', '乡镇（街道）名称'],
        ['511323100', '锦屏镇'],
        ['510101001', '外县镇'],
      ]),
    );
    const p = await b.ok('import.preview', { importId: up.importId, pageSize: 100 });
    expect(p.errors.map((x) => [x.row, x.message])).toEqual([[3, OUTSIDE]]);
    const done = await b.ok('import.commit', {
      importId: up.importId,
      onExisting: 'update',
      acceptDuplicateFile: true,
    });
    expect(done).toMatchObject({ created: 1, rejected: 1 });
    expect((await b.ok('township.list', {})).rows.map((t) => t.code)).toEqual(['511323100']);
  });

  it('is judged by the office level: a city office keeps its 4 leading digits', async () => {
    b.db.prepare(`UPDATE office_profile SET level = '市', county_code = '511300', county_name = '南充市'`).run();
    await b.ok('township.create', { code: '511302001', name: '市辖区街道' });
    const e = await b.err('township.create', { code: '510101001', name: '外市镇' });
    expect(e.message).toBe('乡镇（街道）代码 510101001 不属于本市（511300 南充市）：应以 5113 开头');
  });
});
