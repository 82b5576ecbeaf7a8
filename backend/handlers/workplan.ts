import type { workplanApi } from '../../core/api/workplan';
import { milestoneCreate } from '../../core/schemas/workplan';
import { addDays, todayIso } from '../../core/dates';
import { DUE_SOON_DAYS, milestoneState } from '../../core/milestones';
import { displayName } from '../../core/progressRules';
import { listRecords, type ListQuery } from '../../db/entity';
import { milestoneDef, milestoneListDef } from '../../db/entities/workplan';
import { UserError } from '../../db/errors';
import { crudHandlers } from '../crud';
import type { HandlerCtx } from '../context';
import type { AreaHandlers } from './types';
import { aggregateProgress, deleteProgress, getProgress, listPeriods, markReported, saveProgress } from './progress';
import { loadCategories } from './progressTable';

type Values = Record<string, unknown>;

const today = (ctx: HandlerCtx) => todayIso(ctx.now());

/**
 * A new milestone goes last unless placed; 完成日期 belongs to 已完成 only, defaults to today and
 * cannot lie in the future; leaving 已完成 clears it.
 */
function prepareMilestone(values: Values, ctx: HandlerCtx, existing?: Values) {
  const out = { ...values };
  if (out.seq == null) {
    if (existing) delete out.seq;
    else out.seq = (ctx.db.prepare('SELECT ifnull(max(seq), 0) + 1 AS n FROM milestones').get() as { n: number }).n;
  }
  const status = (out.status ?? existing?.status) as string;
  const given = 'completedDate' in out ? (out.completedDate as string | null) : undefined;
  const now = today(ctx);
  if (status !== '已完成') {
    if (given != null) {
      const message = `完成情况为“${status}”时不能填写完成日期`;
      throw new UserError('INVALID_INPUT', message, [{ path: 'completedDate', message }]);
    }
    out.completedDate = null;
  } else {
    const date = given === undefined ? ((existing?.completedDate as string | null) ?? null) : given;
    if (date !== null && date > now) {
      const message = `完成日期（${date}）不能晚于今天（${now}）`;
      throw new UserError('INVALID_INPUT', message, [{ path: 'completedDate', message }]);
    }
    out.completedDate = date ?? now;
  }
  return out;
}

const withState = (r: Values, on: string) => ({
  ...r,
  ...milestoneState(r.status as '未开始' | '进行中' | '已完成', (r.deadline as string | null) ?? null, on),
});

const milestones = crudHandlers(milestoneDef, milestoneCreate, { prepare: prepareMilestone });
type Fn = (input: never, ctx: HandlerCtx) => Values;
const one = (fn: Fn) => (input: never, ctx: HandlerCtx) => withState(fn(input, ctx), today(ctx));

function listMilestones(input: ListQuery, ctx: HandlerCtx) {
  const on = today(ctx);
  const r = listRecords(ctx.db, milestoneListDef(on, addDays(on, DUE_SOON_DAYS)), input);
  return { ...r, rows: r.rows.map((row) => withState(row, on)) };
}

function categories(_input: unknown, ctx: HandlerCtx) {
  const all = loadCategories(ctx.db);
  return all.map((c) => ({ ...c, displayName: displayName(c, all) }));
}

export const workplanHandlers = {
  ...milestones,
  'milestone.create': one(milestones['milestone.create'] as Fn),
  'milestone.get': one(milestones['milestone.get'] as Fn),
  'milestone.update': one(milestones['milestone.update'] as Fn),
  'milestone.list': listMilestones,
  'progress.categories': categories,
  'progress.get': getProgress,
  'progress.save': saveProgress,
  'progress.aggregate': aggregateProgress,
  'progress.markReported': markReported,
  'progress.delete': deleteProgress,
  'progress.periods': listPeriods,
} as unknown as AreaHandlers<typeof workplanApi>;
