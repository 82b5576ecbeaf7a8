// A city report resaved by LibreOffice (as .xlsx and .xls) reads back to the same figures: 核对 in
// the city office matches its record cell by cell, and a province office (no record) finds its digest
// intact — the figures, the very hidden meta and the multi-line title block all survive the resave.
// Skips itself, saying why, where soffice is not installed (CI installs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { resaved, sofficeReady } from '../verifyCases';
import { EXPORT_AT, PERIOD, at, call, countySummary, file, office } from './fixtures';
import { parseWorkbook } from '../../../backend/reports/verify/parse';
import { verifyConsolidated } from '../../../backend/reports/city/verifyConsolidated';
import { summaryOfConsolidated } from '../../../core/reports/city/read';

if (!sofficeReady) console.log('跳过 LibreOffice 另存检查：未安装 soffice');

const UNITS = [
  { code: '511302', name: '顺庆区' },
  { code: '511303', name: '高坪区' },
  { code: '511304', name: '嘉陵区' },
];

let city: TestBackend;
let province: TestBackend;
let files: { xlsx: Buffer; xls: Buffer };

beforeAll(async () => {
  if (!sofficeReady) return;
  city = await office('市', { code: '511300', name: '南充市', cityCode: '5113' }, UNITS);
  province = await office('省', { code: '510000', name: '四川省', cityCode: null }, [
    { code: '511300', name: '南充市' },
  ]);
  UNITS.slice(0, 2).forEach((u, i) => file(city, countySummary(u.code, u.name, i + 1)));
  const out = await call(city, 'report.export', { reportId: 'R2', period: PERIOD, mode: 'official' }, at(EXPORT_AT));
  files = resaved({ city: Buffer.from(out.base64!, 'base64') }).city;
}, 300_000);
afterAll(() => {
  city?.dispose();
  province?.dispose();
});

describe.skipIf(!sofficeReady)('a city report resaved by LibreOffice', () => {
  for (const format of ['xlsx', 'xls'] as const) {
    it(`as .${format}: matches its record in the city and its digest in the province`, async () => {
      const mine = await call(city, 'report.read', { base64: files[format].toString('base64') }, at(EXPORT_AT));
      expect(mine).toMatchObject({ basis: 'record', digest: 'match', findings: [] });
      const theirs = verifyConsolidated(province.db, await parseWorkbook(files[format]));
      expect(theirs).toMatchObject({ basis: 'digest', digest: 'match', findings: [] });
      const summary = summaryOfConsolidated(theirs.figures, {
        code: '511300',
        name: '南充市',
        version: 1,
        level: '市',
      });
      expect(summary.missing).toEqual([{ code: '511304', name: '嘉陵区' }]);
      expect(summary.included?.map((u) => u.version)).toEqual([1, 1]);
    });
  }
});
