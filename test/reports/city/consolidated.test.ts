// The city's R2 (汇总报表) through dispatch: built from the filed reports (the newest version of
// each county), every 合计 the sum of the counties, missing counties named in every title block and
// counted nowhere, meta level 市; recorded so it re-exports byte for byte and 核对 reads it back
// (digest match), a hand-edited copy detected; cityReport.preview; and the province consolidating
// two cities' reports, its totals the sum of all counties.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import ExcelJS from 'exceljs';
import type { TestBackend } from '../../helpers/backend';
import { metaOf, sheetsOf } from '../helpers';
import { EXPORT_AT, PERIOD, at, call, countySummary, file, office } from './fixtures';
import type { OutputOf } from '../../../core/api';
import type { UnitSummary } from '../../../core/reports/city/summary';
import { parseWorkbook } from '../../../backend/reports/verify/parse';
import { verifyConsolidated } from '../../../backend/reports/city/verifyConsolidated';

const CITY = { code: '511300', name: '南充市', cityCode: '5113' };
const COUNTIES = [
  { code: '511302', name: '顺庆区' },
  { code: '511321', name: '南部县' },
  { code: '511322', name: '营山县' },
  { code: '511323', name: '蓬安县' },
];
const MISSING = COUNTIES[2];

type Grid = (string | number | null)[][];
type Exported = OutputOf<'report.export'> & { bytes: Buffer };

async function exportR2(b: TestBackend, mode: 'draft' | 'official', when = EXPORT_AT, reason?: string) {
  const r = await b.dispatch(
    'report.export',
    { reportId: 'R2', period: PERIOD, mode, ...(reason ? { correctionReason: reason } : {}) },
    at(when),
  );
  if (!r.ok) throw new Error(`report.export: ${r.error.code} ${r.error.message}`);
  const out = r.data as OutputOf<'report.export'>;
  return { ...out, bytes: Buffer.from(out.base64!, 'base64') } as Exported;
}

/** Rows of a sheet below its header row, as label → value (the header found by `anchor`). */
function rows(grid: Grid, anchor = '单位名称'): Record<string, string | number | null>[] {
  const h = grid.findIndex((r) => r.includes(anchor));
  const header = grid[h].map((v) => String(v ?? ''));
  const out: Record<string, string | number | null>[] = [];
  for (const r of grid.slice(h + 1)) {
    if (typeof r[0] === 'string' && r[0].startsWith('说明')) break;
    if (r.every((v) => v === null)) continue;
    if (typeof r[0] === 'string' && /负责人：/.test(r[0])) break;
    out.push(Object.fromEntries(header.map((k, i) => [k, r[i] ?? null])));
  }
  return out;
}

const sum = (list: readonly UnitSummary[], f: (s: UnitSummary) => number) => list.reduce((n, s) => n + f(s), 0);

let b: TestBackend;
let filed: UnitSummary[];
let report: Exported;
let grid: (name: string) => Grid;

beforeAll(async () => {
  b = await office('市', CITY, COUNTIES);
  filed = [];
  COUNTIES.forEach((c, i) => {
    if (c === MISSING) return;
    const v1 = countySummary(c.code, c.name, i + 1);
    file(b, v1);
    // 蓬安县 sent a correction: its v2 is what counts, v1 stays in history.
    if (c.code === '511323') {
      const v2 = countySummary(c.code, c.name, i + 5, 2);
      file(b, v2, '2018-11-05T02:00:00.000Z');
      filed.push(v2);
    } else filed.push(v1);
  });
  report = await exportR2(b, 'official');
  grid = sheetsOf(report.bytes).grid;
}, 120_000);
afterAll(() => b?.dispose());

describe('the city report (R2 in a 市 office)', () => {
  it('is recorded as the city’s official v1 and says level 市 in its meta', () => {
    expect(report).toMatchObject({ status: 'official', version: 1 });
    expect(report.fileName).toBe('南充市_工作进度月报_2018年10月_v1.xlsx');
    expect(metaOf(report.bytes)).toMatchObject({
      level: '市',
      countyCode: '511300',
      countyName: '南充市',
      cityCode: '5113',
      reportId: 'R2',
      period: PERIOD,
      status: 'official',
      version: '1',
    });
  });

  it('names the county that has not reported in every sheet’s title block, and counts it nowhere', () => {
    const names = sheetsOf(report.bytes).wb.SheetNames.filter((n) => n !== '_meta');
    expect(names).toEqual([
      '工作进度',
      '进度调度表',
      '两员情况',
      '经费情况',
      '培训情况',
      '第三方合同',
      '工作情况',
      '汇总单位',
    ]);
    for (const n of names) {
      expect(String(grid(n)[0][0])).toContain('南充市');
      expect(grid(n)[1].join(' '), n).toContain(`未报：${MISSING.name}`);
    }
    const staff = rows(grid('两员情况'));
    expect(staff.map((r) => r['单位名称'])).not.toContain(MISSING.name);
    const units = rows(grid('汇总单位'));
    expect(units.map((r) => [r['单位名称'], r['报送情况'], r['汇总版本']])).toEqual([
      ['顺庆区', '已报', 1],
      ['南部县', '已报', 1],
      ['营山县', '未报', null],
      ['蓬安县', '已报', 2],
    ]);
  });

  it('has one row per county and a 合计 that is their sum on 两员情况, 经费情况, 培训情况 and 第三方合同', () => {
    const staff = rows(grid('两员情况'));
    const total = staff.find((r) => r['单位名称'] === '合计')!;
    expect(total['普查员（在岗）']).toBe(sum(filed, (s) => s.staff.enumerators));
    expect(total['已参保']).toBe(sum(filed, (s) => s.staff.insured));
    expect(staff.find((r) => r['单位名称'] === '蓬安县')!['普查小区数']).toBe(filed[2].staff.districts);

    const budget = rows(grid('经费情况')).find((r) => r['单位名称'] === '合计')!;
    expect(budget['预算']).toBeCloseTo(sum(filed, (s) => s.budget.budget) / 100, 2);
    expect(budget['支出']).toBeCloseTo(sum(filed, (s) => s.budget.spent) / 100, 2);

    const training = rows(grid('培训情况'));
    const t = training.find((r) => r['单位名称'] === '合计')!;
    const c = training.find((r) => String(r['单位名称']).startsWith('累计'))!;
    expect(t['期次']).toBe(sum(filed, (s) => s.training.period.sessions));
    expect(t['参训人数']).toBe(sum(filed, (s) => s.training.period.attendees));
    expect(c['参训人数']).toBe(sum(filed, (s) => s.training.cumulative.attendees));
    expect(t['培训经费(元)']).toBeCloseTo(sum(filed, (s) => s.training.period.cost) / 100, 2);

    const contracts = rows(grid('第三方合同')).find((r) => r['单位名称'] === '合计')!;
    expect(contracts['合同数']).toBe(sum(filed, (s) => s.contracts.contracts));
    expect(contracts['逾期节点']).toBe(sum(filed, (s) => s.contracts.overdue));
  });

  it('prints 进度调度表 one block per row code: the 合计 then each county', () => {
    const progress = rows(grid('进度调度表'), '代码').filter((r) => r['代码'] !== '甲');
    const block = progress.filter((r) => r['代码'] === '02');
    expect(block.map((r) => r['单位名称'])).toEqual(['合计', '顺庆区', '南部县', '蓬安县']);
    expect(block[0]['名录库底册数']).toBe(sum(filed, (s) => s.progress['02'].values.c1!));
    // 14 发现差错数 is empty in some counties: the sum of those that have it.
    expect(block[0]['发现差错数']).toBe(sum(filed, (s) => s.progress['02'].values.c14 ?? 0));
    const codes = [...new Set(progress.map((r) => r['代码']))];
    expect(codes).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13']);
  });

  it('lists each county’s overdue milestones and texts', () => {
    const overdue = rows(grid('工作进度'));
    expect(overdue.map((r) => r['单位名称'])).toEqual(['顺庆区']);
    expect(overdue[0]['工作内容']).toBe('顺庆区清查底册核对');
    const works = rows(grid('工作情况'));
    expect(works.map((r) => r['单位名称'])).toEqual(['顺庆区', '南部县', '蓬安县']);
  });

  it('re-exports the recorded version byte for byte', async () => {
    const r = await call(b, 'report.reexport', { exportId: report.exportId! }, at('2018-12-20T10:00:00+08:00'));
    expect(r.sha256).toBe(report.sha256);
    expect(Buffer.from(r.base64!, 'base64').equals(report.bytes)).toBe(true);
  });

  it('is read back by 核对: the record matches cell by cell and the digest holds', async () => {
    const r = await call(b, 'report.read', { base64: report.bytes.toString('base64') }, at(EXPORT_AT));
    expect(r).toMatchObject({ basis: 'record', digest: 'match', findings: [] });
    expect(r.identity).toMatchObject({ countyCode: '511300', version: 1, status: 'official' });
  });

  it('detects a hand-edited copy: the cell, the 合计 it breaks and the digest', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('两员情况')!;
    // Row 5 is the 合计 (top by default), row 6 the first county: its 普查员 (column D) raised by one.
    const cell = ws.getCell('D6');
    cell.value = Number(cell.value) + 1;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await call(b, 'report.read', { base64: bytes.toString('base64') }, at(EXPORT_AT));
    expect(r.digest).toBe('mismatch');
    const found = r.findings.map((f) => [f.kind, f.sheet, f.cell]);
    expect(found).toContainEqual(['changed', '两员情况', 'D6']);
    expect(found).toContainEqual(['total', '两员情况', 'D5']);
    expect(found.some(([k]) => k === 'digest')).toBe(true);
    // Another office (no record) still sees the broken 合计 and the digest.
    const other = await office('市', CITY, COUNTIES);
    onTestFinished(() => other.dispose());
    const elsewhere = verifyConsolidated(other.db, await parseWorkbook(bytes));
    expect(elsewhere).toMatchObject({ basis: 'digest', digest: 'mismatch' });
    expect(elsewhere.findings.map((f) => [f.kind, f.cell])).toContainEqual(['total', 'D5']);
  });

  it('previews the units and the version each would include', async () => {
    const r = await call(b, 'cityReport.preview', { period: PERIOD }, at(EXPORT_AT));
    expect(r.level).toBe('市');
    expect(r.includedCount).toBe(3);
    expect(r.missingText).toBe('未报：营山县');
    expect(r.units.find((u) => u.code === '511323')).toMatchObject({ version: 2, versionsReceived: 2 });
  });

  it('a draft says 「草稿」 and records nothing; v2 needs a reason, and a second v1 of the same figures is refused', async () => {
    const draft = await exportR2(b, 'draft');
    expect(draft.fileName).toBe('南充市_工作进度月报_2018年10月_草稿.xlsx');
    expect(String(sheetsOf(draft.bytes).grid('两员情况')[0][0])).toContain('「草稿」');
    const r = await b.dispatch(
      'report.export',
      { reportId: 'R2', period: PERIOD, mode: 'official', correctionReason: '重报' },
      at(EXPORT_AT),
    );
    expect(r.ok ? null : r.error.code).toBe('NOTHING_CORRECTED');
  });
});

describe('the official export of a city office', () => {
  it('is refused before any county has reported (a draft is always possible)', async () => {
    const empty = await office('市', CITY, COUNTIES);
    try {
      const r = await empty.dispatch(
        'report.export',
        { reportId: 'R2', period: PERIOD, mode: 'official' },
        at(EXPORT_AT),
      );
      expect(r.ok ? null : r.error.code).toBe('NOT_SENDABLE');
      expect(r.ok ? '' : r.error.message).toContain('尚未收到任何单位');
      const draft = await exportR2(empty, 'draft');
      expect(sheetsOf(draft.bytes).grid('两员情况')[1].join(' ')).toContain('未报：顺庆区、南部县、营山县、蓬安县');
    } finally {
      empty.dispose();
    }
  });
});

describe('the province (R2 in a 省 office over two cities)', () => {
  it('totals equal the sum of all counties, and its meta says level 省', async () => {
    const second = { code: '511100', name: '乐山市', cityCode: '5111' };
    const secondCounties = [
      { code: '511102', name: '市中区' },
      { code: '511111', name: '沙湾区' },
    ];
    const c2 = await office('市', second, secondCounties);
    const p = await office('省', { code: '510000', name: '四川省', cityCode: null }, [
      { code: '511100', name: '乐山市' },
      { code: '511300', name: '南充市' },
    ]);
    try {
      const more = secondCounties.map((c, i) => countySummary(c.code, c.name, i + 7));
      for (const s of more) file(c2, s);
      const r2 = await exportR2(c2, 'official');
      // The province takes both cities' reports in through intake (verified, then filed with their summaries).
      for (const [bytes, name] of [
        [report.bytes, report.fileName],
        [r2.bytes, r2.fileName],
      ] as const) {
        const got = await call(
          p,
          'intake.receive',
          { fileName: name, base64: bytes.toString('base64') },
          at(EXPORT_AT),
        );
        expect(got.results.map((x) => [x.outcome, x.reasonCode ?? null])).toEqual([['新收', null]]);
      }
      // A city report edited by hand after export is refused for its digest.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.bytes as unknown as ArrayBuffer);
      wb.getWorksheet('经费情况')!.getCell('C6').value = 1;
      const edited = Buffer.from(await wb.xlsx.writeBuffer());
      const refused = await call(
        p,
        'intake.receive',
        { fileName: '南充市_改.xlsx', base64: edited.toString('base64') },
        at(EXPORT_AT),
      );
      expect(refused.results.map((x) => [x.outcome, x.reasonCode])).toEqual([['拒收', 'DIGEST']]);
      const prov = await exportR2(p, 'official');
      expect(metaOf(prov.bytes)).toMatchObject({ level: '省', countyCode: '510000', cityCode: '' });
      const all = [...filed, ...more];
      const pg = sheetsOf(prov.bytes).grid;
      const staff = rows(pg('两员情况')).find((r) => r['单位名称'] === '合计')!;
      expect(staff['普查员（在岗）']).toBe(sum(all, (s) => s.staff.enumerators));
      const progress = rows(pg('进度调度表'), '代码').filter((r) => r['代码'] === '01');
      expect(progress[0]['已入户数']).toBe(sum(all, (s) => s.progress['01'].values.c7!));
      expect(progress.map((r) => r['单位名称'])).toEqual(['合计', '乐山市', '南充市']);
      const training = rows(pg('培训情况')).find((r) => String(r['单位名称']).startsWith('累计'))!;
      expect(training['参训人数']).toBe(sum(all, (s) => s.training.cumulative.attendees));
      // Counties' overdue work reaches the province with the city it came through.
      const overdue = rows(pg('工作进度')).map((r) => r['单位名称']);
      expect(overdue).toEqual(expect.arrayContaining(['南充市·顺庆区', '乐山市·市中区']));
      const back = verifyConsolidated(p.db, await parseWorkbook(prov.bytes));
      expect(back).toMatchObject({ digest: 'match', basis: 'record', findings: [] });
    } finally {
      c2.dispose();
      p.dispose();
    }
  }, 120_000);
});

describe('a city office with 合计 last and money in 万元', () => {
  it('places every 合计 last, prints 经费情况 in 万元, and reads back with its digest intact', async () => {
    const c = await office('市', CITY, COUNTIES);
    try {
      c.db.prepare(`UPDATE office_profile SET total_row_position = 'bottom', money_unit = '万元'`).run();
      const list = COUNTIES.map((u, i) => countySummary(u.code, u.name, i + 1));
      for (const s of list) file(c, s);
      const out = await exportR2(c, 'official');
      const g = sheetsOf(out.bytes).grid;
      const budget = rows(g('经费情况'));
      expect(budget.at(-1)!['单位名称']).toBe('合计');
      expect(budget.at(-1)!['预算']).toBeCloseTo(sum(list, (s) => s.budget.budget) / 1_000_000, 6);
      expect(g('经费情况')[1].join(' ')).toContain('万元');
      expect(rows(g('两员情况')).at(-1)!['单位名称']).toBe('合计');
      const training = rows(g('培训情况')).map((r) => String(r['单位名称']));
      expect(training.slice(-2)).toEqual(['合计', '累计（截至本期末）']);
      const read = await call(c, 'report.read', { base64: out.bytes.toString('base64') }, at(EXPORT_AT));
      expect(read).toMatchObject({ basis: 'record', digest: 'match', findings: [] });
    } finally {
      c.dispose();
    }
  }, 120_000);
});
