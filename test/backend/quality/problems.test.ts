// The problem and 督办 ledger through dispatch (docs/spec/quality-and-problems.md §4–§6): numbering,
// the rules of closing an item, overdue items on the dashboard (count = the list it opens), and
// the draft of R2's 存在问题.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempBackend, type TestBackend } from '../../helpers/backend';
import { callsAt } from '../../helpers/callsAt';
import type { InputOf } from '../../../core/api';
import { at, exportReport, sheetsOf } from '../../reports/helpers';

let b: TestBackend;
let today = '2018-07-20';
const { ok, err } = callsAt(
  () => b,
  () => new Date(`${today}T12:00:00Z`),
);
const auditCount = () => (b.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

beforeEach(() => {
  b = tempBackend();
  today = '2018-07-20';
});
afterEach(() => b.dispose());

const item = (over: Partial<InputOf<'problem.create'>> = {}): InputOf<'problem.create'> => ({
  kind: '督办件',
  raisedDate: '2018-07-02',
  source: '南充市污普办',
  subject: '锦屏镇',
  content: '清查进度滞后，清查数仅为名录库底册数的六成',
  dueDate: '2018-07-10',
  ...over,
});

describe('the problem ledger', () => {
  it('numbers items by the year raised and keeps a number typed by hand', async () => {
    expect((await ok('problem.create', item())).refNo).toBe('2018-001');
    expect((await ok('problem.create', item())).refNo).toBe('2018-002');
    expect((await ok('problem.create', item({ refNo: '南污普督〔2018〕7号' }))).refNo).toBe('南污普督〔2018〕7号');
    expect((await ok('problem.create', item({ raisedDate: '2019-01-05', dueDate: null }))).refNo).toBe('2019-001');
    const dup = await err('problem.create', item({ refNo: '2018-001' }));
    expect(dup.code).toBe('DUPLICATE');
  });

  it('closes an item only with the reply and the day it was closed, never before it was raised', async () => {
    const p = await ok('problem.create', item());
    const before = auditCount();
    const e = await err('problem.update', { id: p.id, status: '已办结' });
    expect(e.issues.map((i) => i.path).sort()).toEqual(['resolution', 'resolvedDate']);
    const early = await err('problem.update', {
      id: p.id,
      status: '已办结',
      resolution: '已督促锦屏镇加派人手',
      resolvedDate: '2018-06-30',
    });
    expect(early.issues[0]).toMatchObject({ path: 'resolvedDate' });
    const open = await err('problem.update', { id: p.id, resolvedDate: '2018-07-08' });
    expect(open.message).toContain('未办结的事项不能有办结日期');
    expect((await err('problem.create', item({ dueDate: '2018-07-01' }))).issues[0].path).toBe('dueDate');
    expect(auditCount()).toBe(before);
    const closed = await ok('problem.update', {
      id: p.id,
      status: '已办结',
      resolution: '已督促锦屏镇加派人手，清查数已达底册数的九成',
      resolvedDate: '2018-07-08',
    });
    expect(closed).toMatchObject({ status: '已办结', overdue: false });
    expect(auditCount()).toBe(before + 1);
  });

  it('counts open items past their due date on the dashboard, as many as the list it opens', async () => {
    await ok('problem.create', item()); // due 07-10, open: overdue on 07-20
    await ok('problem.create', item({ dueDate: '2018-07-20' })); // due today: not yet overdue
    await ok('problem.create', item({ dueDate: null }));
    const done = await ok('problem.create', item({ dueDate: '2018-07-05' }));
    await ok('problem.update', { id: done.id, status: '已办结', resolution: '已回复', resolvedDate: '2018-07-06' });
    const c = (await ok('dashboard.checks', {})).checks.find((x) => x.id === 'problemsOverdue')!;
    expect(c).toMatchObject({
      count: 1,
      severity: 'error',
      link: { method: 'problem.list', filters: { overdue: true } },
    });
    const list = await ok('problem.list', { filters: c.link!.filters });
    expect(list.total).toBe(c.count);
    expect(list.rows[0]).toMatchObject({ overdue: true, daysOverdue: 10 });
    today = '2018-07-25';
    const later = (await ok('dashboard.checks', {})).checks.find((x) => x.id === 'problemsOverdue')!;
    expect(later.count).toBe(2);
  });
});

describe('the draft of R2’s 存在问题', () => {
  it('names the items open at the period end and those raised or closed in it, and sums up 审核退回', async () => {
    await ok(
      'problem.create',
      item({
        kind: '上级通报',
        raisedDate: '2018-05-20',
        dueDate: '2018-06-10',
        subject: '全县',
        content: '入户调查培训未按期完成',
      }),
    );
    const old = await ok(
      'problem.create',
      item({ kind: '发现问题', raisedDate: '2018-05-02', dueDate: null, subject: '相如镇', content: '底册重复' }),
    );
    await ok('problem.update', { id: old.id, status: '已办结', resolution: '已剔除重复', resolvedDate: '2018-05-15' });
    const fixed = await ok(
      'problem.create',
      item({
        kind: '发现问题',
        raisedDate: '2018-06-03',
        dueDate: null,
        subject: '锦屏镇',
        content: '清查表漏填行业代码',
      }),
    );
    await ok('problem.update', { id: fixed.id, status: '已办结', resolution: '已补填', resolvedDate: '2018-06-12' });
    await ok(
      'problem.create',
      item({
        kind: '审核退回',
        raisedDate: '2018-06-05',
        dueDate: '2018-06-08',
        subject: '普查员 王五',
        content: '排放量单位错误',
      }),
    );
    const back = await ok(
      'problem.create',
      item({ kind: '审核退回', raisedDate: '2018-06-06', dueDate: null, subject: '普查员 赵六', content: '坐标缺失' }),
    );
    await ok('problem.update', { id: back.id, status: '已办结', resolution: '已补充', resolvedDate: '2018-06-09' });
    await ok('problem.create', item({ raisedDate: '2018-07-02' })); // after the period

    const d = await ok('problem.draft', { period: '2018-06' });
    expect(d).toMatchObject({ period: '2018-06', items: 4, open: 2, overdue: 2 });
    expect(d.text.split('\n')).toEqual([
      '1. 【发现问题】南充市污普办：锦屏镇——清查表漏填行业代码（已于2018-06-12办结（已补填））',
      '2. 【上级通报】南充市污普办：全县——入户调查培训未按期完成（限2018-06-10前办结，已逾期，正在督办）',
      '3. 【审核退回】数据审核中退回普查员或第三方机构核实的问题2条，已办结1条，尚有1条正在核实。',
    ]);
    expect((await ok('problem.draft', { period: '2018-04' })).text).toBe(
      '2018年04月问题台账中无未办结或本期新增的问题。',
    );
  });

  it('is what the clerk edits and saves with the progress table, and R2 carries what was saved', async () => {
    await ok('problem.create', item({ raisedDate: '2018-06-05', dueDate: '2018-06-20' }));
    const d = await ok('problem.draft', { period: '2018-06' });
    const edited = `${d.text}\n（已电话督促，锦屏镇承诺7月5日前完成）`;
    const t = await ok('progress.save', { period: '2018-06', figures: [], problems: edited });
    expect(t.problems).toBe(edited);
    await ok('office.save', {
      countyName: '蓬安县',
      countyCode: '511323',
      cityName: '南充市',
      cityCode: '5113',
      unitName: '蓬安县污普办',
      headName: '张主任',
      statsHeadName: '李统计',
      preparerName: '王填表',
      phone: '0817-8622001',
    });
    const out = await exportReport(b, { reportId: 'R2', period: '2018-06' }, at('2018-07-02T10:00:00+08:00'));
    const cells = sheetsOf(out.bytes).grid('工作进度').flat().map(String);
    expect(cells.some((c) => c.includes('（已电话督促，锦屏镇承诺7月5日前完成）') && c.includes('【督办件】'))).toBe(
      true,
    );
  });
});
