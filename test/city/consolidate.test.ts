// The city's report (汇总报表) of the October batch: R2 exported OFFICIAL in the 市 office. Every
// 合计 it prints equals the sum of its counties' figures read from their own files (the newest
// filed version of each: v2 where a correction came, the hand-edited file where it was accepted
// with a note); each county's row is that county's own total; the county that sent only a draft
// is named in every title block and counted nowhere; its meta says level 市.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { TestBackend } from '../helpers/backend';
import { cityBatch, type CityBatch } from './generate';
import { exportCityReport, filledNanchong } from './office';
import { gridsOf, metaOf, readCounty, type CountyRead } from './read';
import { expectedTotals, pickLabels, tableRows, type Row } from './sums';
import { CITY, COUNTIES, PERIOD } from './units';

let batch: CityBatch;
let b: TestBackend;
let counties: CountyRead[];
let grids: Record<string, (string | number | null)[][]>;
let meta: Record<string, string>;
let sent: Buffer;
let want: ReturnType<typeof expectedTotals>;

beforeAll(async () => {
  batch = await cityBatch();
  ({ b } = await filledNanchong(batch));
  const report = await exportCityReport(b, PERIOD, 'official', '2018-11-10T10:00:00+08:00');
  sent = report.bytes;
  grids = gridsOf(report.bytes);
  meta = metaOf(grids);
  counties = Object.values(batch.filed).map((p) => readCounty(readFileSync(p)));
  want = expectedTotals(counties);
}, 600_000);
afterAll(() => b?.dispose());

const rowsOf = (sheet: string, anchor?: string) => tableRows(grids[sheet], anchor);
const totalOf = (rows: Row[], label = '合计') =>
  rows.find((r) => r['单位名称'] === label || String(r['单位名称'] ?? '').startsWith(label));
const byCode = (rows: Row[], code: string) => rows.find((r) => r['区划代码'] === code);
const missing = COUNTIES.find((c) => c.code === '511341')!;

describe('the city report of 2018年10月', () => {
  it('is an official level-市 report of 南充市, version 1', () => {
    expect(meta).toMatchObject({
      reportId: 'R2',
      level: '市',
      countyCode: CITY.officeCode,
      countyName: CITY.name,
      cityCode: CITY.code,
      period: PERIOD,
      status: 'official',
      version: '1',
    });
    expect(meta.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the county that has not reported in every sheet’s title block', () => {
    expect(batch.missingUnit).toBe(missing.code);
    const visible = Object.keys(grids).filter((n) => n !== '_meta');
    expect(visible.length).toBeGreaterThanOrEqual(6);
    for (const name of visible) {
      const head = grids[name].slice(0, 4).flat().filter(Boolean).join(' ');
      expect(head, name).toContain(`未报：${missing.name}`);
    }
  });

  it('两员情况: 合计 = the sum of the counties’ own 合计, and each county’s row is its own', () => {
    const rows = rowsOf('两员情况');
    expect(pickLabels(totalOf(rows), want.staff)).toEqual(want.staff);
    for (const c of counties) {
      const own = expectedTotals([c]).staff;
      expect(pickLabels(byCode(rows, c.meta.countyCode), own), c.meta.countyName).toEqual(own);
    }
    expect(byCode(rows, missing.code)).toBeUndefined();
  });

  it('经费情况, 培训情况, 第三方合同: each county’s row is that county’s own total', () => {
    for (const c of counties) {
      const own = expectedTotals([c]);
      for (const [sheet, want1] of [
        ['经费情况', own.budget],
        ['培训情况', own.training],
        ['第三方合同', own.contracts],
      ] as const)
        expect(pickLabels(byCode(rowsOf(sheet), c.meta.countyCode), want1), `${sheet} ${c.meta.countyName}`).toEqual(
          want1,
        );
    }
  });

  it('经费情况: 合计 = the sum of the counties’ budget, allocated, spent, balance; 执行率 from the sums', () => {
    expect(pickLabels(totalOf(rowsOf('经费情况')), want.budget)).toEqual(want.budget);
  });

  it('培训情况: 合计 and 累计 = the sums of the counties’', () => {
    const rows = rowsOf('培训情况');
    expect(pickLabels(totalOf(rows), want.training)).toEqual(want.training);
    expect(want.training['参训人数']).toBeGreaterThan(0);
    expect(pickLabels(totalOf(rows, '累计'), want.cumulative)).toEqual(want.cumulative);
  });

  it('第三方合同: 合计 = contracts, amounts and nodes summed over the counties', () => {
    expect(pickLabels(totalOf(rowsOf('第三方合同')), want.contracts)).toEqual(want.contracts);
    // The data has something to add up: overdue nodes still unpaid in some counties.
    expect(want.contracts['逾期节点']).toBeGreaterThan(0);
    expect(want.contracts['未付金额']).toBeGreaterThan(0);
  });

  it('进度调度表: under every row code the 合计 = the sum of that row over the counties, rates from the sums', () => {
    const rows = rowsOf('进度调度表', '普查对象类别');
    const codes = Object.keys(want.progress).sort();
    expect(codes).toContain('01');
    for (const code of codes) {
      const block = rows.filter((r) => String(r['代码'] ?? '') === code);
      const sum = block.find((r) => r['单位名称'] === '合计');
      expect(pickLabels(sum, want.progress[code]), `代码 ${code}`).toEqual(want.progress[code]);
      // Each included county under it, no more.
      expect(block.filter((r) => r !== sum).length, `代码 ${code}`).toBe(counties.length);
    }
  });

  it('工作进度: every county’s overdue milestones, and only those', () => {
    const rows = rowsOf('工作进度');
    const listed: Record<string, number> = {};
    for (const r of rows) if (r['区划代码']) listed[String(r['区划代码'])] = (listed[String(r['区划代码'])] ?? 0) + 1;
    const expected = Object.fromEntries(Object.entries(want.overdue).filter(([, n]) => n > 0));
    expect(listed).toEqual(expected);
    expect(Object.values(expected).reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
  });

  it('汇总单位: every county, whether included, in which version', () => {
    const rows = rowsOf('汇总单位');
    expect(rows.map((r) => r['区划代码'])).toEqual(COUNTIES.map((c) => c.code));
    for (const c of counties)
      expect(byCode(rows, c.meta.countyCode)!['汇总版本'], c.meta.countyName).toBe(Number(c.meta.version));
    expect(byCode(rows, batch.correctedUnit)!['汇总版本']).toBe(2);
    expect(byCode(rows, missing.code)!['汇总版本'] ?? null).toBeNull();
  });

  it('is recorded as sent: re-exported byte for byte, and 核对 in the city office finds it whole — or names a hand edit', async () => {
    const history = await b.ok('report.history', { filters: { reportId: 'R2' }, pageSize: 10 });
    expect(history.rows).toHaveLength(1);
    const again = await b.ok('report.reexport', { exportId: history.rows[0].id });
    expect(Buffer.from(again.base64!, 'base64').equals(sent)).toBe(true);
    const checked = await b.ok('report.read', { base64: sent.toString('base64') });
    expect(checked).toMatchObject({ digest: 'match', findings: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sent as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('两员情况')!.getCell('D6');
    cell.value = Number(cell.value) + 1;
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const found = await b.ok('report.read', { base64: edited.toString('base64') });
    expect(found.digest).toBe('mismatch');
    expect(found.findings.map((f) => f.sheet)).toContain('两员情况');
  });
});
