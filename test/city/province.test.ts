// The chain county → city → province: 南充市 takes in its October batch and 广安市 its four
// counties, each exports its report OFFICIAL; a 省 office (四川省, 510000) takes both in (zip and
// loose), refuses a county's file (wrong level) and a city's draft; its own report's 合计 equal
// the sums over all the counties of both cities, read from the counties' own files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestBackend } from '../helpers/backend';
import { cityBatch, city2Files, type CityBatch } from './generate';
import { exportCityReport, filledNanchong, officeBackend, receive, unitsOf, type Received } from './office';
import { gridsOf, metaOf, readCounty, type CountyRead } from './read';
import { expectedTotals, pickLabels, tableRows, type Row } from './sums';
import { makeZip } from './zip';
import { CITY, CITY2, CITY2_COUNTIES, PERIOD, PROVINCE } from './units';

const CITY_AT = '2018-11-10T10:00:00+08:00';
const PROVINCE_AT = '2018-11-12T10:00:00+08:00';

let batch: CityBatch;
let nanchong: TestBackend;
let guangan: TestBackend;
let province: TestBackend;
let dir: string;
let counties: CountyRead[];
let received: Received[];
let report: Promise<Record<string, (string | number | null)[][]>> | undefined;
/** The province's own report, exported once (the tests below read it). */
const provinceReport = () =>
  (report ??= exportCityReport(province, PERIOD, 'official', '2018-11-15T10:00:00+08:00').then((r) =>
    gridsOf(r.bytes),
  ));
let cityFiles: { name: string; path: string }[];

const byName = (rows: Row[], name: string) => rows.find((r) => String(r['单位名称'] ?? '').startsWith(name));

beforeAll(async () => {
  batch = await cityBatch();
  dir = mkdtempSync(join(tmpdir(), 'province-'));
  ({ b: nanchong } = await filledNanchong(batch));
  const city2 = await city2Files();
  guangan = await officeBackend(
    '市',
    { code: CITY2.officeCode, name: CITY2.name, cityCode: CITY2.code },
    unitsOf(CITY2_COUNTIES),
  );
  const taken = await receive(guangan, city2, '2018-11-03T10:00:00+08:00');
  expect(taken.results.map((r) => r.outcome)).toEqual(city2.map(() => '新收'));

  const a = await exportCityReport(nanchong, PERIOD, 'official', CITY_AT);
  const b = await exportCityReport(guangan, PERIOD, 'official', CITY_AT);
  const draft = await exportCityReport(guangan, PERIOD, 'draft', CITY_AT);
  cityFiles = [a, b, draft].map((f, i) => {
    const path = join(dir, `${i}-${f.fileName}`);
    writeFileSync(path, f.bytes);
    return { name: f.fileName, path };
  });
  province = await officeBackend('省', { code: PROVINCE.officeCode, name: PROVINCE.name, cityCode: null }, [
    { code: CITY.officeCode, name: CITY.name },
    { code: CITY2.officeCode, name: CITY2.name },
  ]);
  // 南充's in a zip (GBK names, as Windows writes them), 广安's loose, then its draft and a county's file.
  const zip = join(dir, '各市10月汇总.zip');
  writeFileSync(zip, makeZip([{ name: a.fileName, bytes: a.bytes }], 'gbk'));
  const county = city2[0];
  received = (
    await receive(
      province,
      [
        { name: '各市10月汇总.zip', path: zip },
        cityFiles[1],
        cityFiles[2],
        { name: county.fileName, path: county.path },
      ],
      PROVINCE_AT,
    )
  ).results;
  counties = [
    ...Object.values(batch.filed).map((p) => readCounty(readFileSync(p))),
    ...city2.map((f) => readCounty(readFileSync(f.path))),
  ];
}, 900_000);
afterAll(() => {
  for (const b of [nanchong, guangan, province]) b?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a province office takes in its cities’ reports', () => {
  it('files both cities’ official reports, refuses a city’s draft and a county’s file', () => {
    expect(received.map((r) => [r.unitCode, r.outcome, r.reasonCode])).toEqual([
      [CITY.officeCode, '新收', null],
      [CITY2.officeCode, '新收', null],
      [CITY2.officeCode, '拒收', 'DRAFT'],
      [CITY2_COUNTIES[0].code, '拒收', 'WRONG_LEVEL'],
    ]);
    expect(received[0].unitName).toBe(CITY.name);
  });

  it('exports its own report as level 省 of 四川省', async () => {
    expect(metaOf(await provinceReport())).toMatchObject({
      level: '省',
      countyCode: PROVINCE.officeCode,
      countyName: PROVINCE.name,
      cityCode: '',
      status: 'official',
      version: '1',
    });
  });

  it('prints 合计 equal to the sums over all the counties of both cities, read from the counties’ files', async () => {
    const grids = await provinceReport();
    const want = expectedTotals(counties);
    const total = (sheet: string, label = '合计') => byName(tableRows(grids[sheet]), label);
    expect(pickLabels(total('两员情况'), want.staff)).toEqual(want.staff);
    expect(pickLabels(total('经费情况'), want.budget)).toEqual(want.budget);
    expect(pickLabels(total('培训情况'), want.training)).toEqual(want.training);
    expect(pickLabels(total('培训情况', '累计'), want.cumulative)).toEqual(want.cumulative);
    expect(pickLabels(total('第三方合同'), want.contracts)).toEqual(want.contracts);
    const progress = tableRows(grids['进度调度表'], '普查对象类别');
    for (const [code, row] of Object.entries(want.progress)) {
      const sum = progress.find((r) => String(r['代码']) === code && r['单位名称'] === '合计');
      expect(pickLabels(sum, row), `代码 ${code}`).toEqual(row);
    }
  });

  it('has a row per city equal to that city’s own 合计', async () => {
    const grids = await provinceReport();
    const nanchongCounties = counties.filter((c) => c.meta.cityCode === CITY.code);
    const own = expectedTotals(nanchongCounties).staff;
    expect(pickLabels(byName(tableRows(grids['两员情况']), CITY.name), own)).toEqual(own);
  });
});
