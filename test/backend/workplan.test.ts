import { describe, expect, it } from 'vitest';
import { adminCtx } from '../helpers/backend';
import { tempBackendEachTest } from '../helpers/eachTest';
import type { InputOf, MethodName, OutputOf } from '../../core/api';

const b = tempBackendEachTest();

/** Calls made on a pinned day (noon UTC, so the local date is the same in any nearby time zone). */
function on(day: string) {
  const ctx = { ...adminCtx, now: () => new Date(`${day}T12:00:00Z`) };
  return {
    ok: async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
      const r = await b.dispatch(method, input, ctx);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
      return r.data as OutputOf<M>;
    },
    err: async (method: string, input: unknown) => {
      const r = await b.dispatch(method, input, ctx);
      if (r.ok) throw new Error(`${method} should have failed`);
      return r.error;
    },
  };
}
const auditCount = () => (b.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('milestones', () => {
  it('starts a new workspace with the 14 milestones of workplan.md', async () => {
    const list = await on('2018-01-15').ok('milestone.list', { pageSize: 100 });
    expect(list.total).toBe(14);
    expect(list.rows.map((m) => [m.pointNo, m.deadline])).toEqual([
      [1, '2018-01-31'],
      [1, '2018-01-31'],
      [2, '2018-03-31'],
      [3, '2018-03-31'],
      [4, '2018-05-31'],
      [5, '2018-06-30'],
      [6, '2018-06-30'],
      [10, '2018-07-31'],
      [7, '2018-08-31'],
      [7, '2018-11-30'],
      [8, '2018-12-31'],
      [9, '2019-03-31'],
      [11, null],
      [12, null],
    ]);
    expect(list.rows[1]).toMatchObject({
      seq: 2,
      pointTitle: '建好普查队伍',
      title: '各乡镇(街道)、村(居)落实联络员',
      status: '未开始',
    });
    expect(list.rows[13]).toMatchObject({
      title: '按期上报工作进度（持续）',
      daysLeft: null,
      dueSoon: false,
      effectiveStatus: '未开始',
    });
  });

  it('computes 已逾期, days left and 即将到期 from the pinned clock, and filters on them', async () => {
    const c = on('2018-07-20');
    const list = await c.ok('milestone.list', { pageSize: 100 });
    const training = list.rows.find((m) => m.pointNo === 10)!;
    expect(training).toMatchObject({ effectiveStatus: '未开始', daysLeft: 11, dueSoon: true, overdue: false });
    const first = list.rows[0];
    expect(first).toMatchObject({
      status: '未开始',
      effectiveStatus: '已逾期',
      overdue: true,
      dueSoon: false,
      daysLeft: -170,
    });

    // 7 deadlines before 2018-07-20; one of them done is no longer overdue.
    expect((await c.ok('milestone.list', { filters: { overdue: true } })).total).toBe(7);
    const done = await c.ok('milestone.update', { id: first.id, status: '已完成', evidence: '蓬污普〔2018〕1号' });
    expect(done).toMatchObject({ effectiveStatus: '已完成', overdue: false, completedDate: '2018-07-20' });
    expect((await c.ok('milestone.list', { filters: { overdue: true } })).total).toBe(6);
    expect((await c.ok('milestone.list', { filters: { status: '已逾期' } })).total).toBe(6);
    expect((await c.ok('milestone.list', { filters: { status: '已完成' } })).rows.map((m) => m.id)).toEqual([first.id]);
    expect((await c.ok('milestone.list', { filters: { status: '未开始' } })).total).toBe(7);
    expect((await c.ok('milestone.list', { filters: { overdue: false } })).total).toBe(8);
    expect((await c.ok('milestone.list', { filters: { dueSoon: true } })).rows.map((m) => m.pointNo)).toEqual([10]);
    expect((await c.ok('milestone.list', { filters: { dueSoon: false } })).total).toBe(13);
    expect((await c.ok('milestone.list', { filters: { pointNo: 7 } })).total).toBe(2);
    expect((await c.ok('milestone.list', { q: '联络员' })).total).toBe(1);
    expect((await c.ok('milestone.list', { q: '蓬污普' })).rows.map((m) => m.id)).toEqual([first.id]);
    const byDeadline = await c.ok('milestone.list', { sort: { field: 'deadline', dir: 'desc' }, pageSize: 1 });
    expect(byDeadline.rows[0].deadline).toBe('2019-03-31');
    // The same milestone a month later is overdue.
    expect((await on('2018-08-01').ok('milestone.get', { id: training.id })).effectiveStatus).toBe('已逾期');
  });

  it('creates, updates and deletes a milestone, with the completion date tied to 已完成', async () => {
    const c = on('2018-07-20');
    const m = await c.ok('milestone.create', {
      pointNo: 10,
      pointTitle: '强化宣传培训',
      title: '开展普查宣传月活动',
      deadline: '2018年9月30日',
    });
    expect(m).toMatchObject({ seq: 15, status: '未开始', deadline: '2018-09-30', completedDate: null, daysLeft: 72 });
    expect(await c.ok('milestone.get', { id: m.id })).toEqual(m);
    const done = await c.ok('milestone.update', {
      id: m.id,
      status: '已完成',
      completedDate: '2018-07-18',
      progressNote: '已完成',
    });
    expect(done).toMatchObject({ completedDate: '2018-07-18', effectiveStatus: '已完成' });
    const reopened = await c.ok('milestone.update', { id: m.id, status: '进行中' });
    expect(reopened.completedDate).toBeNull();
    expect(await c.ok('milestone.delete', { id: m.id })).toEqual({ id: m.id });

    const before = b.snapshot();
    expect((await c.err('milestone.delete', { id: m.id })).message).toBe(`工作要点不存在（编号 ${m.id}）`);
    expect((await c.err('milestone.create', { pointNo: 13.5, pointTitle: 'x', title: 'y' })).message).toBe(
      '工作要点序号应为整数',
    );
    expect(
      (await c.err('milestone.create', { pointNo: 1, pointTitle: 'x', title: 'y', status: '已逾期' })).message,
    ).toBe('完成情况应为以下之一：未开始、进行中、已完成');
    expect(
      (await c.err('milestone.create', { pointNo: 1, pointTitle: 'x', title: 'y', completedDate: '2018-07-01' }))
        .message,
    ).toBe('完成情况为“未开始”时不能填写完成日期');
    const future = await c.err('milestone.create', {
      pointNo: 1,
      pointTitle: 'x',
      title: 'y',
      status: '已完成',
      completedDate: '2018-08-01',
    });
    expect(future.message).toBe('完成日期（2018-08-01）不能晚于今天（2018-07-20）');
    expect(future.issues[0].path).toBe('completedDate');
    expect(
      (await c.err('milestone.create', { pointNo: 1, pointTitle: 'x', title: 'y', deadline: '2018-02-30' })).message,
    ).toBe('完成时限不是有效日期：2018-02-30');
    expect(b.snapshot()).toEqual(before);
  });
});

const fig = (rowCode: string, f: Record<string, number | null>, note?: string) => ({
  rowCode,
  ...f,
  ...(note ? { note } : {}),
});

describe('progress table', () => {
  it('returns the 13 rows before anything is saved, and the categories as seeded', async () => {
    const t = await on('2018-06-30').ok('progress.get', { period: '2018-06' });
    expect(t).toMatchObject({ reportId: null, status: null, source: '填报', previousPeriod: null, violations: [] });
    expect(t.rows.map((r) => r.rowCode)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
      '13',
    ]);
    expect(t.rows.every((r) => r.c2 === null && r.c9 === null)).toBe(true);
    const cats = await on('2018-06-30').ok('progress.categories', {});
    expect(cats.filter((c) => c.inTotal).map((c) => c.rowCode)).toEqual(['02', '03', '04', '10', '11', '12', '13']);
    expect(cats.find((c) => c.rowCode === '09')).toMatchObject({
      unit: '台',
      displayName: '生活源锅炉(台)',
      inTotal: false,
    });
    expect(cats.filter((c) => c.parentCode === '04').map((c) => c.rowCode)).toEqual(['05', '06', '07', '08']);
  });

  it('saves a draft with broken rules, computes 合计 and the rates, and marks it 已上报 once every rule holds or is explained', async () => {
    const c = on('2018-06-30');
    const n = auditCount();
    const saved = await c.ok('progress.save', {
      period: '2018-06',
      figures: [
        fig('02', { c1: 120, c2: 110, c3: 100, c4: 8, c5: 2, c6: 100, c7: 60, c8: 45, c10: 30, c11: 20 }),
        fig('03', { c1: 10, c2: 10, c3: 10, c6: 10, c7: 12, c8: 3 }),
        fig('04', { c2: 5, c6: 5 }),
        fig('05', { c2: 2, c6: 2 }),
        fig('09', { c2: 7 }),
      ],
      mainWork: '完成清查建库',
      problems: null,
      nextPlan: '开展入户调查',
    });
    expect(auditCount()).toBe(n + 1);
    expect(saved.status).toBe('草稿');
    const row = (code: string) => saved.rows.find((r) => r.rowCode === code)!;
    expect(row('01')).toMatchObject({
      computed: true,
      c1: 130,
      c2: 125,
      c6: 115,
      c7: 72,
      c8: 48,
      c9: 41.7,
      c11: 20,
      c12: 17.4,
      c13: null,
    });
    expect(row('02')).toMatchObject({ c9: 45, c12: 20 });
    expect(row('05').displayName).toBe('其中：污水处理厂');
    expect(saved.violations).toEqual([
      { rowCode: '03', column: 'c7', rule: '已入户数 12 不能大于入户应查数 10', noted: false },
    ]);

    const before = b.snapshot();
    const refused = await c.err('progress.markReported', { period: '2018-06' });
    expect(refused.code).toBe('RULES_BROKEN');
    expect(refused.message).toBe(
      '以下1处数据不符合填报规则，请修改或在该行备注中说明后再标记为已上报：第03行（规模化畜禽养殖场）：已入户数 12 不能大于入户应查数 10',
    );
    expect(refused.issues[0].path).toBe('figures.03.c7');
    expect(b.snapshot()).toEqual(before);

    const explained = await c.ok('progress.save', {
      period: '2018-06',
      figures: [
        ...saved.rows
          .filter((r) => !r.computed && r.c2 !== null)
          .map((r) =>
            fig(
              r.rowCode,
              {
                c1: r.c1,
                c2: r.c2,
                c3: r.c3,
                c4: r.c4,
                c5: r.c5,
                c6: r.c6,
                c7: r.c7,
                c8: r.c8,
                c10: r.c10,
                c11: r.c11,
              },
              r.rowCode === '03' ? '2户为新增养殖场，下期调整应查数' : undefined,
            ),
          ),
      ],
      mainWork: '完成清查建库',
    });
    expect(explained.violations[0].noted).toBe(true);
    const reported = await on('2018-07-01').ok('progress.markReported', { period: '2018-06' });
    // Marking is not a change of the figures: updatedAt (compared with the last export) stays.
    expect(reported).toMatchObject({
      status: '已上报',
      reportedAt: '2018-07-01T12:00:00.000Z',
      updatedAt: explained.updatedAt,
    });
    expect((await c.err('progress.markReported', { period: '2018-06' })).message).toBe(
      '2018-06 县级进度调度表已是已上报状态',
    );
    expect((await c.err('progress.delete', { period: '2018-06' })).message).toBe(
      '2018-06 县级进度调度表已上报，不能删除',
    );

    // Next period: a figure that fell needs a note, and the period before is named.
    const next = await on('2018-07-15').ok('progress.save', {
      period: '2018-07-上',
      figures: [fig('02', { c1: 120, c2: 110, c3: 100, c4: 8, c6: 100, c7: 58, c8: 50, c10: 40, c11: 30 })],
    });
    expect(next.previousPeriod).toBe('2018-06');
    expect(next.violations).toEqual([
      {
        rowCode: '02',
        column: 'c7',
        rule: '已入户数比上期（2018-06）减少（由60减为58），须在备注中说明',
        noted: false,
      },
    ]);
    // Changing a reported table makes it a draft again.
    const changed = await c.ok('progress.save', { period: '2018-06', figures: [fig('02', { c1: 121 })] });
    expect(changed.status).toBe('草稿');
  });

  it('refuses bad tables with the row named and leaves the data as it was', async () => {
    const c = on('2018-06-30');
    const before = b.snapshot();
    expect((await c.err('progress.save', { period: '2018-6', figures: [] })).message).toBe(
      '报告期格式不正确（按月为 2018-06，两周一报为 2018-06-上 或 2018-06-下）',
    );
    expect((await c.err('progress.save', { period: '2018-13', figures: [] })).issues[0].path).toBe('period');
    expect((await c.err('progress.save', { period: '2018-06', figures: [fig('02', { c2: -1 })] })).message).toBe(
      '第02行：清查数不能小于0',
    );
    expect((await c.err('progress.save', { period: '2018-06', figures: [fig('02', { c9: 50 })] })).message).toBe(
      '第02行：无法识别的字段：c9',
    );
    expect((await c.err('progress.save', { period: '2018-06', figures: [fig('01', { c2: 5 })] })).message).toBe(
      '第01行：合计由02、03、04、10、11、12、13行自动相加，不能直接填写',
    );
    expect(
      (
        await c.err('progress.save', {
          period: '2018-06',
          figures: [fig('14', { c2: 5 }), fig('02', {}), fig('02', {})],
        })
      ).message,
    ).toBe('第14行：进度统计类别中没有行代码“14”；第02行：重复填写');
    expect((await c.err('progress.save', { period: '2018-06', townshipId: 99, figures: [] })).message).toBe(
      '乡镇（街道）不存在（编号 99）',
    );
    expect((await c.err('progress.markReported', { period: '2018-06' })).message).toBe(
      '2018-06 县级进度调度表尚未填报',
    );
    expect((await c.err('progress.delete', { period: '2018-06' })).code).toBe('NOT_FOUND');
    expect(b.snapshot()).toEqual(before);
  });

  it('keeps a table per township, adds them up into the county table, lists the periods and deletes a draft', async () => {
    const c = on('2018-06-30');
    const t1 = await c.ok('township.create', { code: '511323100', name: '相如镇' });
    const t2 = await c.ok('township.create', { code: '511323200', name: '金溪乡' });
    await c.ok('progress.save', {
      period: '2018-06',
      townshipId: t1.id,
      figures: [fig('02', { c2: 30, c6: 20, c7: 10 }), fig('11', { c2: 5 }, '含撤并村1个')],
    });
    await c.ok('progress.save', {
      period: '2018-06',
      townshipId: t2.id,
      figures: [fig('02', { c2: 12, c6: 10, c7: 4 }), fig('09', { c2: 3 })],
    });
    await c.ok('progress.save', { period: '2018-05', townshipId: t1.id, figures: [fig('02', { c2: 25 })] });

    const own = await c.ok('progress.get', { period: '2018-06', townshipId: t1.id });
    expect(own).toMatchObject({ townshipName: '相如镇', previousPeriod: '2018-05', townshipReportCount: 2 });

    const sum = await c.ok('progress.get', { period: '2018-06', aggregate: true });
    expect(sum.source).toBe('乡镇汇总');
    const row = (t: typeof sum, code: string) => t.rows.find((r) => r.rowCode === code)!;
    expect(row(sum, '02')).toMatchObject({ c2: 42, c6: 30, c7: 14 });
    expect(row(sum, '01')).toMatchObject({ c2: 47, c6: 30, c7: 14 });
    expect(row(sum, '09').c2).toBe(3);
    expect(row(sum, '11').note).toBe('相如镇：含撤并村1个');
    expect((await c.err('progress.get', { period: '2018-06', townshipId: t1.id, aggregate: true })).message).toBe(
      '汇总各乡镇时不能指定乡镇（街道）',
    );

    const county = await c.ok('progress.aggregate', { period: '2018-06' });
    expect(county).toMatchObject({ source: '填报', status: '草稿', townshipId: null });
    expect(row(county, '01').c2).toBe(47);
    expect((await c.err('progress.aggregate', { period: '2018-04' })).message).toBe(
      '2018-04 尚无乡镇（街道）进度调度表，无法汇总',
    );

    expect((await c.ok('progress.periods', {})).map((p) => [p.period, p.townshipName, p.status])).toEqual([
      ['2018-06', null, '草稿'],
    ]);
    expect((await c.ok('progress.periods', { townshipId: t1.id })).map((p) => p.period)).toEqual([
      '2018-06',
      '2018-05',
    ]);
    const all = await c.ok('progress.periods', { allTownships: true });
    expect(all.map((p) => [p.period, p.townshipName])).toEqual([
      ['2018-06', null],
      ['2018-06', '相如镇'],
      ['2018-06', '金溪乡'],
      ['2018-05', '相如镇'],
    ]);

    // A township with tables cannot be deleted; its draft can.
    expect((await c.err('township.delete', { id: t2.id })).message).toBe(
      '无法删除乡镇（街道）：仍有1 条进度调度表引用它，请先处理这些记录',
    );
    const gone = await c.ok('progress.delete', { period: '2018-06', townshipId: t2.id });
    expect(gone.reportId).toBeGreaterThan(0);
    expect((await c.ok('progress.get', { period: '2018-06', townshipId: t2.id })).reportId).toBeNull();
    expect(b.db.prepare('SELECT count(*) AS n FROM progress_figures WHERE report_id = ?').get(gone.reportId)).toEqual({
      n: 0,
    });
  });
});
