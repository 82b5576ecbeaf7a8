// 质量核查 through dispatch (docs/spec/quality-and-problems.md §1–§3): the record's rules, its error
// rate against the office's threshold, and the progress table's columns 13–14 taken from the
// records for the periods the clerk switches over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempBackend, type TestBackend } from '../../helpers/backend';
import { callsAt } from '../../helpers/callsAt';
import type { InputOf, OutputOf } from '../../../core/api';
import { at, exportReport, sheetsOf } from '../../reports/helpers';

let b: TestBackend;
const { ok, err } = callsAt(
  () => b,
  () => new Date('2018-09-30T12:00:00Z'),
);
const auditCount = () => (b.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

let townA: number;
let townB: number;
let districtB: number;
beforeEach(async () => {
  b = tempBackend();
  await ok('office.save', {
    countyName: '蓬安县',
    countyCode: '511323',
    cityName: '南充市',
    cityCode: '5113',
    unitName: '蓬安县第二次全国污染源普查领导小组办公室',
    headName: '张主任',
    statsHeadName: '李统计',
    preparerName: '王填表',
    phone: '0817-8622001',
  });
  townA = (await ok('township.create', { code: '511323100', name: '相如镇' })).id;
  townB = (await ok('township.create', { code: '511323101', name: '锦屏镇' })).id;
  districtB = (
    await ok('district.create', { code: '511323101001001', name: '锦屏一区', townshipId: townB, basis: '行政村' })
  ).id;
});
afterEach(() => b.dispose());

const record = (over: Partial<InputOf<'qualityCheck.create'>> = {}): InputOf<'qualityCheck.create'> => ({
  period: '2018-06',
  stage: '清查',
  rowCode: '02',
  checker: '王核查',
  checkDate: '2018-06-20',
  sampledCount: 50,
  errorCount: 2,
  correctedCount: 1,
  ...over,
});

describe('质量核查 records', () => {
  it('keep their counts in order: errors within the sample, corrections within the errors', async () => {
    const before = auditCount();
    const e1 = await err('qualityCheck.create', record({ errorCount: 51 }));
    expect(e1.issues).toContainEqual({ path: 'errorCount', message: '发现差错数（51）不能大于抽查数（50）' });
    const e2 = await err('qualityCheck.create', record({ correctedCount: 3 }));
    expect(e2.issues.map((i) => i.path)).toEqual(['correctedCount']);
    expect(auditCount()).toBe(before);
    const q = await ok('qualityCheck.create', record());
    const e3 = await err('qualityCheck.update', { id: q.id, sampledCount: 1 });
    expect(e3.message).toContain('发现差错数（2）不能大于抽查数（1）');
  });

  it('are checked by the end of the period they are reported in, against a real row of the progress table', async () => {
    const late = await err('qualityCheck.create', record({ checkDate: '2018-07-02' }));
    expect(late.issues[0]).toMatchObject({ path: 'checkDate' });
    expect(late.message).toContain('2018-06-30');
    const half = await err('qualityCheck.create', record({ period: '2018-06-上', checkDate: '2018-06-20' }));
    expect(half.message).toContain('2018-06-15');
    expect((await err('qualityCheck.create', record({ rowCode: '01' }))).issues[0]).toMatchObject({
      path: 'rowCode',
      message: expect.stringContaining('应为以下之一：02、03、04'),
    });
    expect((await err('qualityCheck.create', record({ rowCode: '99' }))).issues[0].path).toBe('rowCode');
  });

  it('take the township of their 普查小区 and refuse a district outside the township chosen', async () => {
    const q = await ok('qualityCheck.create', record({ districtId: districtB }));
    expect(q).toMatchObject({ townshipId: townB, townshipName: '锦屏镇', scopeText: '锦屏镇 锦屏一区' });
    const e = await err('qualityCheck.create', record({ districtId: districtB, townshipId: townA }));
    expect(e.issues).toContainEqual({ path: 'townshipId', message: '普查小区“锦屏一区”不在所选乡镇（街道）内' });
    expect((await ok('qualityCheck.create', record())).scopeText).toBe('全县');
  });

  it('show their error rate and are flagged above the threshold the office sets', async () => {
    const q = await ok('qualityCheck.create', record({ sampledCount: 40, errorCount: 3, correctedCount: 0 }));
    expect(q.errorRate).toBe(7.5);
    expect(q.aboveThreshold).toBe(true); // default 差错率上限 5%
    expect((await ok('quality.settings', {})).errorRateThreshold).toBe(5);
    const before = auditCount();
    await ok('quality.saveSettings', { errorRateThreshold: 8 });
    expect(auditCount()).toBe(before + 1);
    expect((await ok('qualityCheck.get', { id: q.id })).aboveThreshold).toBe(false);
    expect((await ok('qualityCheck.list', { filters: { aboveThreshold: true } })).total).toBe(0);
    await ok('quality.saveSettings', { errorRateThreshold: 7.5 });
    expect((await ok('qualityCheck.list', { filters: { aboveThreshold: true } })).total).toBe(0); // not above: equal
    await ok('quality.saveSettings', { errorRateThreshold: 7 });
    expect((await ok('qualityCheck.list', { filters: { aboveThreshold: true } })).total).toBe(1);
    expect((await err('quality.saveSettings', { errorRateThreshold: 120 })).issues[0].path).toBe('errorRateThreshold');
  });

  it('put a dashboard check on records above the threshold whose count is the list it opens', async () => {
    const above = await ok('qualityCheck.create', record({ sampledCount: 10, errorCount: 1, correctedCount: 0 }));
    await ok('qualityCheck.create', record({ sampledCount: 100, errorCount: 1, correctedCount: 0 }));
    const check = async () => {
      const c = (await ok('dashboard.checks', {})).checks.find((x) => x.id === 'qualityAboveThreshold')!;
      expect(c.link!.method).toBe('qualityCheck.list');
      if (c.count > 0) expect(c.severity).toBe('error');
      expect((await ok('qualityCheck.list', { filters: c.link!.filters })).total).toBe(c.count);
      return c.count;
    };
    expect(await check()).toBe(1);
    // Correcting the errors clears it: the record stays above the threshold, with nothing left to chase.
    await ok('qualityCheck.update', { id: above.id, correctedCount: 1 });
    expect((await ok('qualityCheck.get', { id: above.id })).aboveThreshold).toBe(true);
    expect(await check()).toBe(0);
    expect((await ok('qualityCheck.list', { filters: { uncorrected: false } })).total).toBe(1);
  });
});

const row = (t: OutputOf<'progress.get'>, code: string) => t.rows.find((r) => r.rowCode === code)!;

describe('columns 13–14 of the progress table', () => {
  it('stay as typed until the clerk takes them from the quality records for the period', async () => {
    await ok('progress.save', { period: '2018-06', figures: [{ rowCode: '02', c1: 100, c2: 90, c13: 7, c14: 1 }] });
    await ok('qualityCheck.create', record({ sampledCount: 30, errorCount: 3, correctedCount: 3 }));
    await ok('qualityCheck.create', record({ rowCode: '03', sampledCount: 5, errorCount: 0, correctedCount: 0 }));
    let t = await ok('progress.get', { period: '2018-06' });
    expect([row(t, '02').c13, row(t, '02').c14]).toEqual([7, 1]);

    const before = auditCount();
    const feed = await ok('quality.setSource', { period: '2018-06', source: '质量核查' });
    expect(auditCount()).toBe(before + 1);
    expect(feed).toMatchObject({ source: '质量核查', sampled: 35, errors: 3, errorRate: 8.6 });
    t = await ok('progress.get', { period: '2018-06' });
    expect([row(t, '02').c13, row(t, '02').c14, row(t, '02').c1]).toEqual([30, 3, 100]);
    expect([row(t, '03').c13, row(t, '03').c14]).toEqual([5, 0]);
    expect([row(t, '01').c13, row(t, '01').c14]).toEqual([35, 3]); // 合计 adds the rows up
    expect([row(t, '04').c13, row(t, '04').c14]).toEqual([null, null]);

    // A new record shows at once; the switch back gives the typed figures again.
    await ok('qualityCheck.create', record({ checkDate: '2018-06-28', sampledCount: 10, errorCount: 1 }));
    expect(row(await ok('progress.get', { period: '2018-06' }), '02').c13).toBe(40);
    await ok('quality.setSource', { period: '2018-06', source: '填报' });
    expect(row(await ok('progress.get', { period: '2018-06' }), '02').c13).toBe(7);
  });

  it('are cumulative to the period end, and a township table counts its own township only', async () => {
    await ok('qualityCheck.create', record({ townshipId: townA, sampledCount: 20, errorCount: 2 }));
    await ok(
      'qualityCheck.create',
      record({ districtId: districtB, sampledCount: 8, errorCount: 0, correctedCount: 0 }),
    );
    await ok(
      'qualityCheck.create',
      record({ period: '2018-07', checkDate: '2018-07-10', townshipId: townA, sampledCount: 5, errorCount: 1 }),
    );
    await ok('quality.setSource', { period: '2018-06', source: '质量核查' });
    await ok('quality.setSource', { period: '2018-07', source: '质量核查' });
    expect(row(await ok('progress.get', { period: '2018-06' }), '02').c13).toBe(28);
    expect(row(await ok('progress.get', { period: '2018-07' }), '02').c13).toBe(33);
    const a = await ok('progress.get', { period: '2018-07', townshipId: townA });
    expect([row(a, '02').c13, row(a, '02').c14]).toEqual([25, 3]);
    const bTable = await ok('progress.get', { period: '2018-07', townshipId: townB });
    expect(row(bTable, '02').c13).toBe(8);
    const feed = await ok('quality.feed', { period: '2018-07', townshipId: townA });
    expect(feed.rows).toEqual([{ rowCode: '02', sampled: 25, errors: 3, corrected: 2, records: 2 }]);
  });

  it('count a 其中 row’s records in its parent row too, so the parts never exceed it', async () => {
    await ok('qualityCheck.create', record({ rowCode: '05', sampledCount: 3, errorCount: 1 }));
    await ok('qualityCheck.create', record({ rowCode: '04', sampledCount: 2, errorCount: 0, correctedCount: 0 }));
    await ok('quality.setSource', { period: '2018-06', source: '质量核查' });
    const t = await ok('progress.get', { period: '2018-06' });
    expect([row(t, '04').c13, row(t, '05').c13, row(t, '01').c13]).toEqual([5, 3, 5]);
    expect(t.violations).toEqual([]);
    expect((await ok('quality.feed', { period: '2018-06' })).sampled).toBe(5);
  });

  it('reach R2 as the progress table shows them', async () => {
    await ok('progress.save', { period: '2018-06', figures: [{ rowCode: '02', c1: 100, c13: 1, c14: 0 }] });
    await ok('qualityCheck.create', record({ sampledCount: 12, errorCount: 2 }));
    await ok('quality.setSource', { period: '2018-06', source: '质量核查' });
    const out = await exportReport(b, { reportId: 'R2', period: '2018-06' }, at('2018-07-02T10:00:00+08:00'));
    const grid = sheetsOf(out.bytes).grid('进度调度表');
    const header = grid.findIndex((r) => r.includes('质量核查抽查数'));
    const c13 = grid[header].indexOf('质量核查抽查数');
    const line = grid.find((r) => r.includes('02'))!;
    expect([line[c13], line[c13 + 1]]).toEqual([12, 2]);
  });
});
