// What a county office's first run writes besides the office and its 管理员 (in setup.init's one
// transaction): the townships and villages kept from the division dataset, and the work plan — the
// seed milestones moved to the office's 标准时点, or none. Moving 标准时点 later may move the
// deadlines the same way (office.moveReferenceDate), in one audited write.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import type { FirstRunTownship } from '../../../core/schemas/firstRun';
import { PLAN_REFERENCE_DATE, moveDeadline, planShiftDays, type WorkPlan } from '../../../core/workPlan';
import { insertRecord } from '../../../db/entity';
import { townshipDef, villageDef } from '../../../db/entities/regions';
import { getOffice } from '../../../db/entities/system';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';

/** Creates the townships and their villages; what the audit entry keeps of them. */
export function createTownships(ctx: HandlerCtx, townships: readonly FirstRunTownship[]) {
  return townships.map((t) => {
    const townshipId = insertRecord(ctx.db, townshipDef, { code: t.code, name: t.name });
    for (const v of t.villages) insertRecord(ctx.db, villageDef, { townshipId, code: v.code, name: v.name });
    return { code: t.code, name: t.name, villages: t.villages.map((v) => `${v.code} ${v.name}`) };
  });
}

type Deadline = { id: number; title: string; deadline: string | null };
const deadlines = (ctx: HandlerCtx) =>
  ctx.db.prepare('SELECT id, title, deadline FROM milestones ORDER BY seq').all() as Deadline[];

/** Moves every milestone's deadline as far as 标准时点 moves; the deadlines before and after, for the audit entry. */
function shiftAll(ctx: HandlerCtx, from: string, to: string) {
  const before = deadlines(ctx);
  const update = ctx.db.prepare('UPDATE milestones SET deadline = ?, updated_at = ? WHERE id = ?');
  const at = ctx.now().toISOString();
  for (const m of before) if (m.deadline !== null) update.run(moveDeadline(m.deadline, from, to), at, m.id);
  return { before, after: deadlines(ctx) };
}

/**
 * The plan chosen at the first run: the seed plan's deadlines, written for 标准时点 2017-12-31,
 * moved to the office's own; or no milestones at all. What the audit entry keeps.
 */
export function applyWorkPlan(ctx: HandlerCtx, plan: WorkPlan, referenceDate: string) {
  if (plan === '空白') {
    const removed = (ctx.db.prepare('DELETE FROM milestones').run().changes as number) ?? 0;
    return { plan, removed };
  }
  shiftAll(ctx, PLAN_REFERENCE_DATE, referenceDate);
  return {
    plan,
    from: PLAN_REFERENCE_DATE,
    to: referenceDate,
    shiftedDays: planShiftDays(PLAN_REFERENCE_DATE, referenceDate),
  };
}

/**
 * 标准时点 moved: the profile gets the new day and, when asked, every deadline moves the same
 * way (core/workPlan.ts moveDeadline; done milestones too: their deadline is the plan's, the day they
 * were done stays).
 */
export function moveReferenceDate(
  ctx: HandlerCtx,
  input: ParsedInputOf<'office.moveReferenceDate'>,
): OutputOf<'office.moveReferenceDate'> {
  const office = getOffice(ctx.db);
  if (!office) throw new UserError('NOT_FOUND', '尚未填写单位信息');
  const from = String(office.referenceDate ?? PLAN_REFERENCE_DATE);
  const days = planShiftDays(from, input.referenceDate);
  ctx.db
    .prepare('UPDATE office_profile SET reference_date = ?, updated_at = ? WHERE id = 1')
    .run(input.referenceDate, ctx.now().toISOString());
  const moved = input.shiftDeadlines && days !== 0 ? shiftAll(ctx, from, input.referenceDate) : null;
  ctx.audit(
    'moveReferenceDate',
    'office',
    1,
    { referenceDate: from, deadlines: moved?.before ?? null },
    { referenceDate: input.referenceDate, shiftedDays: moved ? days : 0, deadlines: moved?.after ?? null },
  );
  return {
    referenceDate: input.referenceDate,
    shiftedDays: moved ? days : 0,
    milestonesMoved: moved ? moved.before.filter((m) => m.deadline !== null).length : 0,
  };
}
