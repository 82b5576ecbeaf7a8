// The chain county → city → province with one format: a city office takes in its counties' R2s and
// exports its own (level 市); a province office takes that in through the same intake, verified as
// a consolidated report and filed with the summary a province consolidates; a county's R2 sent to
// the province, or a city report sent to a city, is refused for its level.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { exportReport, metaOf, nowCtx } from '../reports/helpers';
import { edited, filedRows, intakeFiles, provinceBackend, receive } from './fixtures';

const { f, city: cityOffice, track } = intakeFiles();
let city: TestBackend;
let province: TestBackend;
let cityReport: Buffer;

beforeAll(async () => {
  city = await cityOffice();
  await receive(city, '蓬安县.xlsx', f.pengan1);
  await receive(city, '顺庆区.xlsx', f.shunqing);
  cityReport = (await exportReport(city, { reportId: 'R2', period: '2018-10', mode: 'official' })).bytes;
  province = track(
    await provinceBackend([
      { code: '511300', name: '南充市' },
      { code: '511500', name: '宜宾市' },
    ]),
  );
}, 300_000);

describe('a province office takes in a city report', () => {
  it('files the city R2 (level 市) with a summary of its totals and the counties it included', async () => {
    expect(metaOf(cityReport)).toMatchObject({ level: '市', countyCode: '511300', status: 'official', version: '1' });
    const r = (await receive(province, '南充市_工作进度月报_2018年10月_v1.xlsx', cityReport)).results[0];
    expect(r).toMatchObject({ outcome: '新收', unitCode: '511300', unitName: '南充市', period: '2018-10', version: 1 });
    const [filed] = filedRows(province);
    expect(filed).toMatchObject({ level: '市', digest_ok: 1, version: 1 });
    const summary = JSON.parse(String(filed.summary_json));
    expect(summary).toMatchObject({ unitCode: '511300', level: '市', period: '2018-10' });
    // The city's totals are its two counties' sums.
    const counties = filedRows(city).map((x) => JSON.parse(String(x.summary_json)));
    expect(summary.staff.enumerators).toBe(counties.reduce((n, c) => n + c.staff.enumerators, 0));
    expect(summary.included.map((u: { code: string }) => u.code).sort()).toEqual(['511302', '511323']);
  });

  it('refuses a county R2 sent to the province, a city report sent to a city, and a city report edited by hand', async () => {
    expect((await receive(province, '蓬安县.xlsx', f.pengan1)).results[0]).toMatchObject({
      outcome: '拒收',
      reasonCode: 'WRONG_LEVEL',
      reason: '这是县（区）的月报：省普查办收取各市（州）的汇总表',
    });
    expect((await receive(city, '南充市.xlsx', cityReport)).results[0]).toMatchObject({
      outcome: '拒收',
      reasonCode: 'WRONG_LEVEL',
      reason: '这是市级汇总表：市普查办收取各县（区）的月报',
    });
    const tampered = await edited(cityReport, (wb) => {
      const ws = wb.getWorksheet('两员情况')!;
      ws.eachRow((row) => {
        if (row.number > 4 && typeof row.getCell(3).value === 'number') row.getCell(3).value = 12345;
      });
    });
    const r = (await receive(province, '南充市改.xlsx', tampered)).results[0];
    expect(r).toMatchObject({ outcome: '拒收', reasonCode: 'DIGEST', acceptable: true });
    expect(r.findings.some((x) => x.kind === 'digest')).toBe(true);
  });

  it('refuses a city of another province', async () => {
    const other = await provinceBackend([{ code: '511300', name: '南充市' }]);
    try {
      other.db.prepare(`UPDATE office_profile SET county_code = '500000'`).run();
      expect((await receive(other, '南充市.xlsx', cityReport, nowCtx)).results[0]).toMatchObject({
        outcome: '拒收',
        reasonCode: 'OTHER_PROVINCE',
      });
    } finally {
      other.dispose();
    }
  });
});
