// The same roster in every form clerks hand in: xlsx and xls from Excel, files saved by
// LibreOffice, CSV in each encoding Chinese Windows produces, an HTML table named .xls, and a
// workbook whose data is not on the first sheet.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, OWN_FIXTURES, preview, upload } from './helpers';
import { csvBytes, makeId, xlsxOf } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

const ID1 = makeId('19800101', '123');
const ID2 = makeId('19900215', '246');
const CSV = `序号,姓名,身份证号码,手机号码,所在乡镇,类别\n1,张三,${ID1},13800000001,锦屏镇,普查员\n2,李四,${ID2.slice(0, 17)}${ID2[17].toLowerCase()},13800000002,巨龙镇,普查指导员\n`;

describe('files saved by LibreOffice', () => {
  for (const file of ['roster-libreoffice.ods', 'roster-libreoffice.xlsx']) {
    it(`${file}: the county-style roster's outcome (55 valid, rows 14 16 18 20 22 refused)`, async () => {
      const p = await preview(b, 'person', file, readFileSync(new URL(file, OWN_FIXTURES)));
      expect(p.format).toBe(file.endsWith('.ods') ? 'ods' : 'xlsx');
      expect(p.counts).toMatchObject({ valid: 55, errors: 5 });
      expect([...new Set(p.errors.map((e) => e.row))]).toEqual([14, 16, 18, 20, 22]);
      // LibreOffice keeps Excel's 15 digits too: the damaged ID is still recognised.
      expect(p.errors.find((e) => e.row === 16)?.message).toMatch(/按数字存储/);
    });
  }
});

describe('CSV encodings', () => {
  for (const [encoding, label] of [
    ['utf8', 'UTF-8'],
    ['utf8bom', 'UTF-8（带BOM）'],
    ['gb18030', 'GB18030'],
    ['utf16le', 'UTF-16LE'],
  ] as const) {
    it(`${label}: decoded, names readable, IDs kept as text`, async () => {
      const text = encoding === 'utf16le' ? CSV.replace(/,/g, '\t') : CSV; // Excel's “Unicode 文本” is tab-separated
      const p = await preview(b, 'person', 'roster.csv', csvBytes(text, encoding));
      expect(p.encoding).toBe(label);
      expect(p.counts).toMatchObject({ rows: 2, valid: 2 });
      expect(p.rows.map((r) => r.values?.name)).toEqual(['张三', '李四']);
      expect(p.rows.map((r) => r.values?.idNumber)).toEqual([ID1, ID2]);
    });
  }

  it('an ID that went through a number cell before the CSV was saved (5.11323E+17) is reported as such', async () => {
    const p = await preview(
      b,
      'person',
      'roster.csv',
      csvBytes(`姓名,身份证号码,类别\n张三,5.11323E+17,普查员\n李四,511323198001011000,普查员\n`, 'gb18030'),
    );
    expect(p.errors.map((e) => [e.row, e.message])).toEqual([
      [2, expect.stringMatching(/被Excel按数字存储，末位已丢失（5\.11323E\+17）/)],
      [3, expect.stringMatching(/被Excel按数字存储，末位已丢失/)],
    ]);
  });
});

describe('other containers', () => {
  it('an Excel 97–2003 .xls with the ID in a number cell', async () => {
    const bytes = xlsxOf(
      [
        {
          name: '花名册',
          rows: [
            ['姓名', '公民身份号码', '人员类别'],
            ['张三', ID1, '普查员'],
            ['李四', Number(ID2.slice(0, 17)) * 10, '普查员'],
          ],
        },
      ],
      'xls',
    );
    const p = await preview(b, 'person', 'roster.xls', bytes);
    expect(p.format).toBe('xls');
    expect(p.rows[0].action).toBe('new');
    expect(p.rows[1].errors[0].message).toMatch(/按数字存储/);
  });

  it('an HTML table saved with an .xls name (what many web systems export)', async () => {
    const html = `<html><body><table><tr><td>姓名</td><td>公民身份号码</td><td>人员类别</td></tr><tr><td>张三</td><td>${ID1}</td><td>普查员</td></tr></table></body></html>`;
    const p = await preview(b, 'person', '导出.xls', Buffer.from(html, 'utf8'));
    expect(p.format).toBe('html');
    expect(p.rows[0].values).toMatchObject({ name: '张三', idNumber: ID1 });
  });
});

describe('choosing the sheet', () => {
  const book = xlsxOf([
    { name: '填表说明', rows: [['填表说明'], ['1. 身份证号请设为文本格式']] },
    {
      name: '花名册',
      rows: [
        ['姓名', '公民身份号码', '人员类别'],
        ['张三', ID1, '普查员'],
      ],
    },
    {
      name: '汇总',
      rows: [
        ['乡镇', '人数'],
        ['锦屏镇', 1],
      ],
    },
  ]);

  it('takes the sheet whose header names the most fields, and lists every sheet', async () => {
    const p = await preview(b, 'person', 'book.xlsx', book);
    expect(p.sheet).toBe('花名册');
    expect(p.sheets).toEqual([
      { name: '填表说明', rowCount: 2, hasHeader: false, hidden: false, veryHidden: false },
      { name: '花名册', rowCount: 2, hasHeader: true, hidden: false, veryHidden: false },
      { name: '汇总', rowCount: 2, hasHeader: false, hidden: false, veryHidden: false },
    ]);
  });

  it('takes the sheet the clerk names, and says which sheets exist when it is not there', async () => {
    const up = await upload(b, 'person', 'book.xlsx', book);
    const e = await b.err('import.preview', { importId: up.importId, sheet: '名单' });
    expect(e).toMatchObject({
      code: 'SHEET_NOT_FOUND',
      message: '工作簿中没有名为“名单”的工作表（有：填表说明、花名册、汇总）',
    });
    const e2 = await b.err('import.preview', { importId: up.importId, sheet: '填表说明' });
    expect(e2.code).toBe('NO_HEADER');
  });
});
