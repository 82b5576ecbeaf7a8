// Lookups by a complete 公民身份号码 from callers who may not reveal (person.list with such a q, a
// duplicate-number refusal on person.create/update) are counted per session and per operator: a
// clerk checking a few people is never stopped, a script trying candidate numbers soon is. Each
// lookup is also in the audit log (person.list) or refused with no holder named (the rules).
// The daily count per operator starts, in each process, from the operator's lookups in the audit
// log of the last day: closing and reopening the program (anyone at the PC can) grants no fresh 60.
// The per-session count needs no such thing: sessions end with the process.
import type { Database } from 'better-sqlite3';
import { UserError } from '../db/errors';
import type { HandlerCtx } from './context';
import { perWorkspace, SlidingWindow, waitText } from './rateLimit';

/** Per session: 10 in 10 minutes. */
export const SESSION_LOOKUPS = { max: 10, windowMs: 10 * 60_000 };
/** Per operator, whatever session: 60 a day (logging in again does not start a fresh count). */
export const OPERATOR_LOOKUPS = { max: 60, windowMs: 24 * 60 * 60_000 };

const limitsOf = perWorkspace(() => ({
  session: new SlidingWindow(SESSION_LOOKUPS),
  operator: new SlidingWindow(OPERATOR_LOOKUPS),
  /** Operators whose audited lookups of the last day were counted in (once per process). */
  seeded: new Set<number>(),
}));

/** The operator's audited lookups by complete number (person.list's `lookup` entries) within the window. */
function auditedLookups(db: Database, operatorId: number, now: number): number[] {
  const since = new Date(now - OPERATOR_LOOKUPS.windowMs).toISOString();
  const rows = db
    .prepare(`SELECT at FROM audit_log WHERE action = 'lookup' AND operator_id = ? AND at > ? ORDER BY id`)
    .pluck()
    .all(operatorId, since) as string[];
  return rows.map((at) => Date.parse(at)).filter((t) => t <= now);
}

/** Counts one lookup by the caller, or refuses it (in Chinese, with how long to wait) when over a limit. */
export function countIdLookup(ctx: HandlerCtx): void {
  const limits = limitsOf(ctx.workspace ?? ctx);
  const now = ctx.now().getTime();
  const sessionKey = ctx.session ?? `operator:${ctx.operator?.id ?? ctx.operator?.name ?? ''}`;
  const operatorKey = `operator:${ctx.operator?.id ?? ctx.operator?.name ?? ''}`;
  const id = ctx.operator?.id;
  if (typeof id === 'number' && !limits.seeded.has(id)) {
    limits.seeded.add(id);
    for (const t of auditedLookups(ctx.db, id, now)) limits.operator.add(operatorKey, t);
  }
  const wait = Math.max(limits.session.waitMs(sessionKey, now), limits.operator.waitMs(operatorKey, now));
  if (wait > 0)
    throw new UserError(
      'LOOKUP_LIMIT',
      `按公民身份号码查询过于频繁（每个会话10分钟内最多${SESSION_LOOKUPS.max}次，每人每天最多${OPERATOR_LOOKUPS.max}次），请在${waitText(wait)}后再试；如需核对大量人员，请联系管理员`,
    );
  limits.session.add(sessionKey, now);
  limits.operator.add(operatorKey, now);
}
