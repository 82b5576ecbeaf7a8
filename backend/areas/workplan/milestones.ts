// The work plan's milestones (工作要点) with their state on the caller's day, and the progress
// table's row categories.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { milestoneCreate } from '../../../core/schemas/workplan';
import { addDays, todayIso } from '../../../core/dates';
import { DUE_SOON_DAYS, milestoneState } from '../../../core/milestones';
import { displayName } from '../../../core/progressRules';
import { listRecords } from '../../../db/entity';
import { milestoneDef, milestoneListDef } from '../../../db/entities/workplan';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';
import { loadCategories } from './progressTable';

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

/** create / get / update / delete; the list filters on the state, so it is milestoneList below. */
export const milestones = crudServices<'milestone'>(milestoneDef, milestoneCreate, {
  prepare: prepareMilestone,
  present: (r, ctx) => withState(r, today(ctx)),
});

export function listMilestones(ctx: HandlerCtx, input: ParsedInputOf<'milestone.list'>): OutputOf<'milestone.list'> {
  const on = today(ctx);
  const r = listRecords(ctx.db, milestoneListDef(on, addDays(on, DUE_SOON_DAYS)), input);
  return { ...r, rows: r.rows.map((row) => withState(row, on)) } as OutputOf<'milestone.list'>;
}

export function progressCategories(ctx: HandlerCtx): OutputOf<'progress.categories'> {
  const all = loadCategories(ctx.db);
  return all.map((c) => ({ ...c, displayName: displayName(c, all) }));
}
