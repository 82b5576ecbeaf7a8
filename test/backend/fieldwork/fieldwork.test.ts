// 入户调查 detail through dispatch (docs/spec/fieldwork-and-organisation.md §1): the progress table
// by 污染源类型, and the sample surveys and outfall monitoring per period.
import { describe, expect, it } from 'vitest';
import { tempBackendEachTest } from '../../helpers/eachTest';
import { callsAt } from '../../helpers/callsAt';

const b = tempBackendEachTest();

const { ok, err } = callsAt(
  () => b,
  () => new Date('2018-09-30T12:00:00Z'),
);
const auditCount = () => (b.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('progress subtotals by 污染源类型', () => {
  it('group the rows counted in 合计 by source type, add up to 合计 and leave the row codes as they are', async () => {
    await ok('progress.save', {
      period: '2018-09',
      figures: [
        { rowCode: '02', c1: 120, c2: 110, c6: 100, c7: 80, c8: 60 },
        { rowCode: '12', c1: 2, c2: 2, c6: 2, c7: 2, c8: 1 },
        { rowCode: '03', c1: 10, c2: 10, c6: 10, c7: 9, c8: 8 },
        { rowCode: '04', c2: 5, c6: 5, c7: 5, c8: 5 },
        { rowCode: '05', c2: 2, c6: 2 },
        { rowCode: '09', c2: 7, c6: 7 },
        { rowCode: '10', c2: 20, c6: 20, c7: 10 },
        { rowCode: '11', c2: 30, c6: 30, c7: 30, c8: 30 },
        { rowCode: '13', c2: 15, c6: 15, c7: 3 },
      ],
    });
    const t = await ok('fieldwork.sourceSubtotals', { period: '2018-09' });
    expect(t.rows.map((r) => [r.sourceType, r.rowCodes])).toEqual([
      ['工业源', ['02', '12']],
      ['农业源', ['03']],
      ['生活源', ['10', '11']],
      ['集中式污染治理设施', ['04']],
      ['移动源', ['13']],
    ]);
    const industry = t.rows[0].figures;
    expect(industry).toMatchObject({ c1: 122, c2: 112, c6: 102, c7: 82, c8: 61, c9: 59.8 });
    // Boilers (台) and the 其中 rows 05–08 are not added again; the subtotals sum to 合计.
    for (const col of ['c2', 'c6', 'c7', 'c8'] as const) {
      const sum = t.rows.reduce((s, r) => s + (r.figures[col] ?? 0), 0);
      expect(sum, col).toBe(t.total[col]);
    }
    expect(t.total.c2).toBe(192);
    const table = await ok('progress.get', { period: '2018-09' });
    expect(table.rows.map((r) => r.rowCode)).toHaveLength(13);
  });

  it('work on a township table and on the sum of the townships as progress.get does', async () => {
    const town = await ok('township.create', { code: '511323100', name: '相如镇' });
    await ok('progress.save', { period: '2018-09', townshipId: town.id, figures: [{ rowCode: '03', c6: 4, c7: 2 }] });
    const one = await ok('fieldwork.sourceSubtotals', { period: '2018-09', townshipId: town.id });
    expect(one.rows.find((r) => r.sourceType === '农业源')!.figures).toMatchObject({ c6: 4, c7: 2 });
    const sum = await ok('fieldwork.sourceSubtotals', { period: '2018-09', aggregate: true });
    expect(sum.total).toMatchObject({ c6: 4, c7: 2 });
    expect((await err('fieldwork.sourceSubtotals', { period: '2018-13' })).issues[0].path).toBe('period');
  });
});

describe('sample surveys and outfall monitoring per period', () => {
  it('records planned and done with the unit and 完成率, one row per period and item, each write audited', async () => {
    const before = auditCount();
    const e = await ok('surveyFigure.create', {
      period: '2018-09',
      item: '城乡居民能源使用抽样调查',
      planned: 300,
      done: 120,
    });
    expect(e).toMatchObject({ unit: '户', rate: 40, note: null });
    const m = await ok('surveyFigure.create', { period: '2018-09', item: '排污口水质监测', planned: 12, done: 0 });
    expect(m).toMatchObject({ unit: '个', rate: 0 });
    expect(auditCount()).toBe(before + 2);

    const dup = await err('surveyFigure.create', { period: '2018-09', item: '排污口水质监测', planned: 1 });
    expect(dup.code).toBe('DUPLICATE');

    const list = await ok('surveyFigure.list', { filters: { period: '2018-09' } });
    expect(list.total).toBe(2);
    await ok('surveyFigure.update', { id: m.id, done: 6 });
    expect((await ok('surveyFigure.get', { id: m.id })).rate).toBe(50);
  });

  it('refuses more done than planned without a note, and keeps nothing of the refused write', async () => {
    const snap = b.snapshot();
    const refused = await err('surveyFigure.create', {
      period: '2018-09',
      item: '农村居民生活用排水抽样调查',
      planned: 100,
      done: 110,
    });
    expect(refused.message).toBe('完成数（110）大于计划数（100），请在备注中说明');
    expect(refused.issues[0].path).toBe('done');
    expect(b.snapshot()).toEqual(snap);
    const noted = await ok('surveyFigure.create', {
      period: '2018-09',
      item: '农村居民生活用排水抽样调查',
      planned: 100,
      done: 110,
      note: '市普查办追加10户样本',
    });
    expect(noted.rate).toBe(110);
    // An update that takes the note away is refused too.
    expect((await err('surveyFigure.update', { id: noted.id, note: null })).issues[0].path).toBe('done');
  });
});
