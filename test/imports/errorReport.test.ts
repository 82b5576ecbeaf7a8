// The error workbook: the sheet's header rows, each refused row as it was with a 错误原因, so the
// clerk fixes the file and imports it again.
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, fixture, upload } from './helpers';
import { readBack } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

describe('import.errors', () => {
  it('holds the header rows and the 5 refused rows of the county roster with their reasons', async () => {
    const up = await upload(b, 'person', '花名册.xlsx', fixture('roster-county-style.xlsx'));
    await b.ok('import.preview', { importId: up.importId });
    const before = b.snapshot();
    const report = await b.ok('import.errors', { importId: up.importId });
    expect(b.snapshot()).toEqual(before);
    expect(report).toMatchObject({ fileName: '花名册-错误行.xlsx', rowCount: 5 });

    const [sheet] = readBack(Buffer.from(report.contentBase64, 'base64'));
    expect(sheet.name).toBe('花名册');
    expect(sheet.rows[0].slice(0, 2)).toEqual(['序号', '基本信息']);
    expect(sheet.rows[1].slice(1, 3)).toEqual(['姓名', '性别']);
    expect(sheet.rows[1].slice(13)).toEqual(['错误原因', '原行号']);
    expect(sheet.merges).toEqual(expect.arrayContaining(['B1:G1', 'H1:M1', 'A1:A2']));
    const body = sheet.rows.slice(2);
    expect(body.map((r) => r[14])).toEqual([14, 16, 18, 20, 22]);
    expect(body[1][4]).toBe(511323197907226200); // the cell as it was, so the clerk sees what went wrong
    expect(body.map((r) => r[13])).toEqual([
      expect.stringMatching(/^基本信息\/公民身份号码：公民身份号码校验位错误/),
      expect.stringMatching(/^基本信息\/公民身份号码：公民身份号码被Excel按数字存储/),
      expect.stringMatching(/^基本信息\/公民身份号码：与第7行重复/),
      expect.stringMatching(/^工作信息\/联系电话：手机格式不正确/),
      '基本信息/姓名：姓名不能为空',
    ]);
  });

  it('fixed by the clerk, the same file imports again', async () => {
    const up = await upload(b, 'person', '花名册.xlsx', fixture('roster-county-style.xlsx'));
    await b.ok('import.preview', { importId: up.importId });
    await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    const report = await b.ok('import.errors', { importId: up.importId });

    const wb = XLSX.read(Buffer.from(report.contentBase64, 'base64'), { type: 'buffer' });
    const ws = wb.Sheets[wb.SheetNames[0]];
    const set = (ref: string, v: string) => (ws[ref] = { t: 's', v });
    set('E3', '511323198006189421'); // checksum corrected
    set('E4', '511323197907226205'); // typed again as text
    set('E5', '51132319820210005X'); // the duplicate was someone else
    set('I6', '13912345678');
    set('B7', '孙丽');
    const fixed = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

    const again = await upload(b, 'person', '花名册-错误行.xlsx', fixed);
    const p = await b.ok('import.preview', { importId: again.importId });
    expect(p.counts).toMatchObject({ rows: 5, valid: 5, new: 5 });
    expect(p.columns.slice(-2).map((c) => [c.header, c.field])).toEqual([
      ['错误原因', null],
      ['原行号', null],
    ]);
    await b.ok('import.commit', { importId: again.importId, onExisting: 'update' });
    expect((await b.ok('person.list', {})).total).toBe(60);
  });
});
