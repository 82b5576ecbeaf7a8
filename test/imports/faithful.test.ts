// Only values read faithfully are stored (issue 13): bare numbers in a date column are not
// taken for Excel serials (2018 → 1905-07-10 before), error cells and formulas without a result
// are row errors naming the cell, hidden sheets and rows are not imported unless chosen, a header
// merged down over two rows is one header, and hire dates are checked against the birth date.
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, preview, upload } from './helpers';
import { csvBytes, makeId, sheet } from './make';
import { editedXlsx } from './zipFiles';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

const A = makeId('19800101', '001');
const B = makeId('19850505', '002');
const C = makeId('19900909', '003');
const D = makeId('19700303', '004');
const HEADER = ['姓名', '公民身份号码', '人员类别', '聘用开始日期'];

type CellSpec = XLSX.CellObject | string | number | null;

/** A workbook from cell objects (number formats, error values) and sheet/row visibility. */
function book(
  sheets: { name: string; rows: CellSpec[][]; hidden?: 0 | 1 | 2; hiddenRows?: number[]; merges?: string[] }[],
) {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(
      s.rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? null : c))),
    );
    s.rows.forEach((r, ri) =>
      r.forEach((c, ci) => {
        if (c !== null && typeof c === 'object') ws[XLSX.utils.encode_cell({ r: ri, c: ci })] = c;
      }),
    );
    if (s.hiddenRows) ws['!rows'] = s.rows.map((_, i) => (s.hiddenRows!.includes(i + 1) ? { hidden: true } : {}));
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ?? 0 })) };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellStyles: true }) as Buffer;
}

const errorsOf = (p: Awaited<ReturnType<typeof preview>>, row: number) =>
  p.rows.find((r) => r.row === row)!.errors.map((e) => e.message);

describe('dates', () => {
  it('bare numbers that are no date are refused with the forms that work; date cells and serials in range are read', async () => {
    const p = await preview(
      b,
      'person',
      '花名册.xlsx',
      book([
        {
          name: '花名册',
          rows: [
            HEADER,
            ['甲', A, '普查员', 2018],
            ['乙', B, '普查员', 2018.3],
            ['丙', C, '普查员', 201803],
            ['丁', D, '普查员', 12],
            ['戊', makeId('19810101', '005'), '普查员', { t: 'n', v: 43164, z: 'yyyy-mm-dd' }],
            ['己', makeId('19820101', '006'), '普查员', 43164],
            ['庚', makeId('19830101', '007'), '普查员', 20180305],
          ],
        },
      ]),
    );
    const forms = '请填写完整的年月日，如 2018-03-05、2018/3/5、2018.3.5、2018年3月5日 或 20180305';
    expect(errorsOf(p, 2)).toEqual([`聘用开始日期“2018”不是完整的日期：${forms}`]);
    expect(errorsOf(p, 3)).toEqual([`聘用开始日期“2018.3”不是完整的日期：${forms}`]);
    expect(errorsOf(p, 4)).toEqual([`聘用开始日期“201803”不是完整的日期：${forms}`]);
    expect(errorsOf(p, 5)).toEqual([`聘用开始日期“12”不是完整的日期：${forms}`]);
    for (const row of [6, 7, 8])
      expect(p.rows.find((r) => r.row === row)!.values).toMatchObject({ hireStart: '2018-03-05' });
  });

  it('as text (CSV): 2018.03, 2018.10 and 201803 are refused too', async () => {
    const csv = csvBytes(
      `${HEADER.join(',')}\n甲,${A},普查员,2018.03\n乙,${B},普查员,2018.10\n丙,${C},普查员,201803\n丁,${D},普查员,2018.3.5\n`,
      'utf8',
    );
    const p = await preview(b, 'person', '花名册.csv', csv);
    expect(errorsOf(p, 2)[0]).toMatch(/^聘用开始日期“2018.03”不是完整的日期/);
    expect(errorsOf(p, 3)[0]).toMatch(/^聘用开始日期“2018.10”不是完整的日期/);
    expect(errorsOf(p, 4)[0]).toMatch(/^聘用开始日期“201803”不是完整的日期/);
    expect(p.rows.find((r) => r.row === 5)!.values).toMatchObject({ hireStart: '2018-03-05' });
  });

  it('a hire before the 16th birthday is refused, through the import and person.create alike', async () => {
    const young = makeId('20050101', '011');
    const p = await preview(b, 'person', '花名册.xlsx', sheet([HEADER, ['小明', young, '普查员', '2018-03-05']]));
    expect(errorsOf(p, 2)).toEqual([
      '聘用开始日期（2018-03-05）时未满16周岁（出生日期 2005-01-01，据公民身份号码）：请核对聘用开始日期',
    ]);
    const e = await b.err('person.create', {
      name: '小明',
      idNumber: young,
      roles: ['普查员'],
      hireStart: '2018-03-05',
    });
    expect(e.message).toBe(
      '聘用开始日期（2018-03-05）时未满16周岁（出生日期 2005-01-01，据公民身份号码）：请核对聘用开始日期',
    );
    await b.ok('person.create', { name: '小明', idNumber: young, roles: ['普查员'], hireStart: '2021-03-05' });
  });
});

describe('cells with no faithful value', () => {
  it('an Excel error value is a row error naming the cell; a person named #N/A is never created', async () => {
    const p = await preview(
      b,
      'person',
      '花名册.xlsx',
      book([
        {
          name: '花名册',
          rows: [
            HEADER,
            [{ t: 'e', v: 0x2a }, A, '普查员', null],
            ['乙', { t: 'e', v: 0x17 }, '普查员', null],
            ['丙', C, '普查员', { t: 'e', v: 0x0f }],
            ['丁', D, '普查员', null],
          ],
        },
      ]),
    );
    expect(errorsOf(p, 2)[0]).toBe('单元格 A2 是 Excel 错误值 #N/A，请改正该单元格（或其公式引用的数据）后重新导入');
    expect(errorsOf(p, 3)[0]).toMatch(/^单元格 B3 是 Excel 错误值 #REF!/);
    expect(errorsOf(p, 4)[0]).toMatch(/^单元格 D4 是 Excel 错误值 #VALUE!/);
    expect(p.rows.find((r) => r.row === 2)!.cells[0]).toBe('#N/A');
    expect(p.counts).toMatchObject({ valid: 1, errors: 3 });
    await b.ok('import.commit', { importId: p.importId, onExisting: 'update' });
    expect((await b.ok('person.list', { q: '#N/A' })).rows).toHaveLength(0);
    // The error workbook hands the cell back as Excel showed it.
    const errors = await b.ok('import.errors', { importId: p.importId });
    const back = XLSX.read(Buffer.from(errors.contentBase64, 'base64'), { type: 'buffer' });
    expect(XLSX.utils.sheet_to_json<unknown[]>(back.Sheets[back.SheetNames[0]], { header: 1 })[1][0]).toBe('#N/A');
  });

  it('a formula saved without its result is a row error asking to resave in Excel', async () => {
    const bytes = editedXlsx([HEADER, ['张三', A, '普查员', null], ['李四', B, '普查员', '2018-03-05']], (xml) =>
      xml
        .replace(/<c r="A2"[^>]*>[\s\S]*?<\/c>/, '<c r="A2" t="str"><f>CONCAT(X1,Y1)</f></c>')
        .replace(/<c r="D3"[^>]*>[\s\S]*?<\/c>/, '<c r="D3"><f>DATE(2018,3,5)</f></c>'),
    );
    const p = await preview(b, 'person', '花名册.xlsx', bytes);
    expect(errorsOf(p, 2)[0]).toBe(
      '单元格 A2 是公式（=CONCAT(X1,Y1)），但文件中没有保存计算结果：请在 Excel 或 WPS 中打开该文件，保存后再导入',
    );
    // SheetJS drops a formula cell without a type or value; it is not read as an empty cell.
    expect(errorsOf(p, 3)[0]).toMatch(/^单元格 D3 是公式（=DATE\(2018,3,5\)），但文件中没有保存计算结果/);
  });
});

describe('hidden sheets and rows', () => {
  const visible = {
    name: '花名册',
    rows: [
      ['姓名', '公民身份号码'],
      ['张三', A],
    ],
  };
  const hiddenCopy = { name: '旧表', rows: [HEADER, ['李四', B, '普查员', '2018-03-05']] };

  it('a hidden sheet with more matching columns is not chosen; it is listed as hidden and can be chosen', async () => {
    const bytes = book([visible, { ...hiddenCopy, hidden: 1 }, { name: '代码', rows: [HEADER], hidden: 2 }]);
    const p = await preview(b, 'person', '花名册.xlsx', bytes);
    expect(p.sheet).toBe('花名册');
    expect(p.sheets.map((s) => [s.name, s.hidden, s.veryHidden])).toEqual([
      ['花名册', false, false],
      ['旧表', true, false],
      ['代码', true, true],
    ]);
    const chosen = await preview(b, 'person', '花名册.xlsx', bytes, { sheet: '旧表' });
    expect(chosen.sheet).toBe('旧表');
    expect(chosen.counts.rows).toBe(1);
  });

  it('a workbook whose only data is on a veryHidden sheet imports nothing by default', async () => {
    const up = await upload(
      b,
      'person',
      '花名册.xlsx',
      book([
        { name: '空', rows: [] },
        { ...hiddenCopy, hidden: 2 },
      ]),
    );
    const e = await b.err('import.preview', { importId: up.importId });
    expect(e).toMatchObject({ code: 'NO_HEADER' });
    expect(e.message).toMatch(/隐藏的工作表“旧表”不会自动导入/);
  });

  it('hidden rows (by hand or by an autofilter) are listed and left out unless the clerk includes them', async () => {
    const bytes = book([
      {
        name: '花名册',
        rows: [HEADER, ['甲', A, '普查员', null], ['乙', B, '普查员', null], ['丙', C, '普查员', null]],
        hiddenRows: [3],
      },
    ]);
    const p = await preview(b, 'person', '花名册.xlsx', bytes);
    expect(p.dataRows).toMatchObject({ count: 2, hidden: [3], hiddenIncluded: false });
    expect(p.rows.map((r) => r.row)).toEqual([2, 4]);
    const all = await b.ok('import.preview', { importId: p.importId, includeHiddenRows: true });
    expect(all.dataRows).toMatchObject({ count: 3, hidden: [3], hiddenIncluded: true });
    expect(all.rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });
});

describe('a header merged down over two rows', () => {
  it('is read as one header: no bogus error row', async () => {
    const bytes = sheet(
      [HEADER, [null, null, null, null], ['张三', A, '普查员', '2018-03-05']],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2'],
    );
    const p = await preview(b, 'person', '花名册.xlsx', bytes);
    expect(p.header).toEqual({ first: 1, last: 2 });
    expect(p.counts).toMatchObject({ rows: 1, valid: 1, errors: 0 });
  });
});
