// Lookups by a complete 公民身份号码 from callers who may not reveal (person.list with such a q, a
// duplicate-number refusal on person.create/update) are counted per session and per operator: a
// clerk checking a few people is never stopped, a script trying candidate numbers soon is. Each
// lookup is also in the audit log (person.list) or refused with no holder named (the rules).
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
}));

/** Counts one lookup by the caller, or refuses it (in Chinese, with how long to wait) when over a limit. */
export function countIdLookup(ctx: HandlerCtx): void {
  const limits = limitsOf(ctx.workspace ?? ctx);
  const now = ctx.now().getTime();
  const sessionKey = ctx.session ?? `operator:${ctx.operator?.id ?? ctx.operator?.name ?? ''}`;
  const operatorKey = `operator:${ctx.operator?.id ?? ctx.operator?.name ?? ''}`;
  const wait = Math.max(limits.session.waitMs(sessionKey, now), limits.operator.waitMs(operatorKey, now));
  if (wait > 0)
    throw new UserError(
      'LOOKUP_LIMIT',
      `按公民身份号码查询过于频繁（每个会话10分钟内最多${SESSION_LOOKUPS.max}次，每人每天最多${OPERATOR_LOOKUPS.max}次），请在${waitText(wait)}后再试；如需核对大量人员，请联系管理员`,
    );
  limits.session.add(sessionKey, now);
  limits.operator.add(operatorKey, now);
}
