// The clerk picks the sheet and the header rows by hand when the guess is wrong (the preview's
// `sheet` and `headerRows`): what is honoured, and the Chinese reason when it cannot be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { xlsxOf } from './make';

let b: TestBackend;
beforeAll(async () => {
  b = await countyBackend();
});
afterAll(() => b.dispose());

// Villages on the second sheet under a title; a first sheet that names two village columns too
// (a summary), an empty third sheet, and a sheet whose name ends in a space.
const book = xlsxOf([
  {
    name: '汇总',
    rows: [
      ['乡镇', '村（社区）名称', '户数'],
      ['锦屏镇', '合计', 120],
    ],
  },
  {
    name: '村名单',
    rows: [
      ['蓬安县村（社区）名单'],
      ['村（居）代码', '村（社区）名称', '所属乡镇（街道）'],
      ['511323100201', '白马村', '锦屏镇'],
      ['511323100202', '青龙村', '锦屏镇'],
      ['5113231', '短码村', '锦屏镇'],
    ],
  },
  { name: '空表', rows: [] },
  { name: '备用 ', rows: [['说明'], ['村（居）代码', '村（社区）名称'], ['511323101201', '石梁村']] },
]);

let importId: string;
beforeAll(async () => {
  importId = (await upload(b, 'village', '村名单.xlsx', book)).importId;
});

const previewOf = (extra: Record<string, unknown> = {}) =>
  b.ok('import.preview', { importId, pageSize: 100, ...extra });
const refusal = (extra: Record<string, unknown>) => b.err('import.preview', { importId, ...extra });

describe('choosing the sheet', () => {
  it('takes the sheet whose header names the most fields, and lists every sheet with whether it has one', async () => {
    const p = await previewOf();
    expect(p.sheet).toBe('村名单');
    expect(p.header).toEqual({ first: 2, last: 2 });
    expect(p.sheets).toEqual([
      { name: '汇总', rowCount: 2, hasHeader: true, hidden: false, veryHidden: false },
      { name: '村名单', rowCount: 5, hasHeader: true, hidden: false, veryHidden: false },
      { name: '空表', rowCount: 0, hasHeader: false, hidden: false, veryHidden: false },
      { name: '备用 ', rowCount: 3, hasHeader: true, hidden: false, veryHidden: false },
    ]);
    expect(p.counts).toMatchObject({ rows: 3, new: 2, errors: 1 });
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([[5, 'A']]);
  });

  it('honours the sheet the clerk names, checking that sheet’s rows', async () => {
    const p = await previewOf({ sheet: '汇总' });
    expect(p.sheet).toBe('汇总');
    expect(p.columns.map((c) => c.field)).toEqual(['township', 'name', null]);
    expect(p.problems).toEqual([expect.stringContaining('缺少“村（居）代码”列')]);
    // Back to the right sheet: the check is that sheet's again.
    expect((await previewOf({ sheet: '村名单' })).counts).toMatchObject({ rows: 3, new: 2, errors: 1 });
  });

  it('finds a sheet whose own name ends in a space (the API trims what it is sent)', async () => {
    const p = await previewOf({ sheet: '备用 ' });
    expect(p.sheet).toBe('备用 ');
    expect(p.counts).toMatchObject({ rows: 1, new: 1 });
  });

  it('an empty sheet or one without a recognisable header is refused with the reason', async () => {
    expect(await refusal({ sheet: '空表' })).toMatchObject({
      code: 'EMPTY_SHEET',
      message: '工作表“空表”是空的，请选择有数据的工作表',
    });
    const other = await upload(
      b,
      'village',
      '说明.xlsx',
      xlsxOf([
        { name: '说明', rows: [['填表说明'], ['代码请设为文本']] },
        {
          name: '村',
          rows: [
            ['村（居）代码', '村（社区）名称'],
            ['511323100201', '白马村'],
          ],
        },
      ]),
    );
    const e = await b.err('import.preview', { importId: other.importId, sheet: '说明' });
    expect(e).toMatchObject({ code: 'NO_HEADER' });
    expect(e.message).toBe(
      '未能在工作表“说明”中找到表头：表头应包含“村（居）代码”“村（社区）名称”等列名。请检查是否选错了文件或工作表，或指定表头所在的行',
    );
  });
});

describe('naming the header rows', () => {
  it('reads the header at the rows named, on the sheet named', async () => {
    const p = await previewOf({ sheet: '村名单', headerRows: { first: 2, last: 2 } });
    expect(p.header).toEqual({ first: 2, last: 2 });
    expect(p.counts).toMatchObject({ rows: 3, new: 2, errors: 1 });
  });

  it('a wrong header row is honoured: its texts become the columns, and the missing fields are the problems', async () => {
    const p = await previewOf({ sheet: '村名单', headerRows: { first: 3, last: 3 } });
    expect(p.header).toEqual({ first: 3, last: 3 });
    expect(p.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', '511323100201', null],
      ['B', '白马村', null],
      ['C', '锦屏镇', null],
    ]);
    expect(p.problems).toHaveLength(2);
    // The clerk maps the columns by hand; the rows under the header are checked with that mapping.
    const mapped = await previewOf({
      sheet: '村名单',
      headerRows: { first: 3, last: 3 },
      mapping: { A: 'code', B: 'name', C: 'township' },
    });
    expect(mapped).toMatchObject({ problems: [], mappingSource: 'given', counts: { rows: 2, new: 1, errors: 1 } });
  });

  it.each([
    [{ first: 3, last: 2 }, 'headerRows.first', '表头首行（第3行）不能晚于表头末行（第2行）'],
    [{ first: 2, last: 9 }, 'headerRows.last', '工作表“村名单”只有5行，表头不能在第2–9行'],
    [{ first: 7, last: 7 }, 'headerRows.first', '工作表“村名单”只有5行，表头不能在第7行'],
    [{ first: 1, last: 3 }, 'headerRows.last', '表头最多两行（分组标题一行、列名一行），第1–3行共3行'],
  ])('header rows %j are refused: %s', async (headerRows, path, message) => {
    const e = await refusal({ sheet: '村名单', headerRows });
    expect(e).toMatchObject({ code: 'BAD_HEADER_ROWS', message, issues: [{ path, message }] });
  });

  it('a blank row cannot be the header', async () => {
    const spaced = await upload(
      b,
      'village',
      '空行.xlsx',
      xlsxOf([{ name: '村', rows: [['村（居）代码', '村（社区）名称'], [], ['511323100201', '白马村']] }]),
    );
    const e = await b.err('import.preview', { importId: spaced.importId, headerRows: { first: 2, last: 2 } });
    expect(e).toMatchObject({ code: 'BAD_HEADER_ROWS', message: '工作表“村”第2行是空行，不能作为表头' });
  });

  it('row 0 is refused by the schema, naming the field', async () => {
    const e = await refusal({ headerRows: { first: 0, last: 1 } });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues[0]).toMatchObject({ path: 'headerRows.first' });
    expect(e.issues[0].message).toContain('表头首行');
  });

  it('a refused header leaves the staged file usable and writes nothing', async () => {
    const before = b.snapshot();
    await refusal({ sheet: '村名单', headerRows: { first: 3, last: 2 } });
    expect((await previewOf({ sheet: '村名单' })).counts.new).toBe(2);
    expect(b.snapshot()).toEqual(before);
  });
});

describe('when no sheet has a header the guess can find', () => {
  it('the preview says so, import.sheets still lists the sheets, and naming the header rows goes on', async () => {
    const odd = xlsxOf([
      { name: '封面', rows: [['蓬安县村级区划']] },
      {
        name: '数据',
        rows: [
          ['编号', '单位'],
          ['511323100201', '白马村'],
        ],
      },
    ]);
    const up = await upload(b, 'village', '怪表头.xlsx', odd);
    expect((await b.err('import.preview', { importId: up.importId })).code).toBe('NO_HEADER');
    expect(await b.ok('import.sheets', { importId: up.importId })).toEqual({
      importId: up.importId,
      sheets: [
        { name: '封面', rowCount: 1, hasHeader: false, hidden: false, veryHidden: false },
        { name: '数据', rowCount: 2, hasHeader: false, hidden: false, veryHidden: false },
      ],
    });
    const p = await b.ok('import.preview', {
      importId: up.importId,
      sheet: '数据',
      headerRows: { first: 1, last: 1 },
      mapping: { A: 'code', B: 'name' },
    });
    expect(p).toMatchObject({ sheet: '数据', problems: [], counts: { rows: 1, new: 1 } });
  });

  it('import.sheets of an unknown import says to choose the file again', async () => {
    expect((await b.err('import.sheets', { importId: 'gone' })).code).toBe('IMPORT_NOT_FOUND');
  });
});
