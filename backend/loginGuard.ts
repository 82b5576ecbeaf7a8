// Back-off after failed logins, per account (the user name as typed, so unknown names count too)
// and per session (the window, or browser mode's callers before login). Five failures in a row
// are free; from then on each failure makes the next attempt wait longer (30 s, 1 min, 2 min …
// up to 15 min). While waiting, an attempt is refused at once, before any password is checked, so
// a guessing flood costs no hashing; attempts still being checked count as failures until they
// end, so a burst sent at once cannot slip past the count. A success clears both counts; an hour
// without attempts too.
import { UserError } from '../db/errors';
import type { HandlerCtx } from './context';
import { perWorkspace, waitText } from './rateLimit';

/** Failures before any wait. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
/** A count left alone this long starts afresh. */
const FORGET_MS = 60 * 60_000;

interface Count {
  failures: number;
  /** Attempts being checked now. */
  pending: number;
  last: number;
  until: number;
}

/** How long the next attempt waits after this many failures in a row. */
export const waitAfter = (failures: number) =>
  failures < FREE_FAILURES ? 0 : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES));

const countsOf = perWorkspace(() => new Map<string, Count>());

const keysOf = (ctx: HandlerCtx, name: string) => [
  `account:${name.trim().toLowerCase()}`,
  `session:${ctx.session ?? 'local'}`,
];

/**
 * Starts an attempt, or refuses it (in Chinese, with how long to wait) while the account or the
 * session must wait. The answer ends it: `end(true)` after a success, `end(false)` after a failure.
 */
export function beginLogin(ctx: HandlerCtx, name: string): { end: (succeeded: boolean) => void } {
  const counts = countsOf(ctx.workspace ?? ctx);
  const now = ctx.now().getTime();
  const keys = keysOf(ctx, name);
  let wait = 0;
  for (const key of keys) {
    const c = counts.get(key);
    if (!c) continue;
    if (c.pending === 0 && now - c.last > FORGET_MS) counts.delete(key);
    else if (c.until > now) wait = Math.max(wait, c.until - now);
    else if (c.pending > 0 && c.failures + c.pending >= FREE_FAILURES) wait = Math.max(wait, 1000);
  }
  if (wait > 0)
    throw new UserError(
      'LOGIN_THROTTLED',
      `登录失败次数过多，请在${waitText(wait)}后再试。如忘记密码，请联系管理员重设`,
    );
  for (const key of keys) {
    const c = counts.get(key) ?? { failures: 0, pending: 0, last: now, until: 0 };
    c.pending++;
    c.last = now;
    counts.set(key, c);
  }
  let ended = false;
  return {
    end: (succeeded) => {
      if (ended) return;
      ended = true;
      const at = ctx.now().getTime();
      for (const key of keys) {
        const c = counts.get(key);
        if (!c) continue;
        c.pending--;
        if (succeeded) {
          if (key.startsWith('account:') || c.pending === 0) counts.delete(key);
          else c.failures = 0;
          continue;
        }
        c.failures++;
        c.last = at;
        c.until = at + waitAfter(c.failures);
      }
    },
  };
}
