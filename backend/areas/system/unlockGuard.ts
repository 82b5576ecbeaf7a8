// Back-off after wrong 恢复码 typed at setup.unlock, as after failed logins (backend/loginGuard.ts's
// schedule: five free failures, then 30 s doubling to 15 min): per session and for the data file
// as a whole (one code per office, so the office is the "account"). While waiting, an attempt is
// refused before any key is derived, so guessing costs no scrypt.
import { UserError } from '../../../db/errors';
import { FREE_FAILURES, waitAfter } from '../../loginGuard';
import { perWorkspace, waitText } from '../../rateLimit';

const FORGET_MS = 60 * 60_000;

interface Count {
  failures: number;
  pending: number;
  last: number;
  until: number;
}

const countsOf = perWorkspace(() => new Map<string, Count>());

export const unlockThrottled = (waitMs: number) =>
  new UserError('RECOVERY_CODE_THROTTLED', `恢复码错误次数过多，请在${waitText(waitMs)}后再试`);

/**
 * Starts an unlock attempt for `owner` (the workspace) from `session`, or refuses it while either
 * must wait; `end(true)` after the right code, `end(false)` after a wrong one.
 */
export function beginUnlock(
  owner: object,
  session: string | undefined,
  now: () => number,
): { end: (succeeded: boolean) => void } {
  const counts = countsOf(owner);
  const keys = ['file', `session:${session ?? 'local'}`];
  const at = now();
  let wait = 0;
  for (const key of keys) {
    const c = counts.get(key);
    if (!c) continue;
    if (c.pending === 0 && at - c.last > FORGET_MS) counts.delete(key);
    else if (c.until > at) wait = Math.max(wait, c.until - at);
    else if (c.pending > 0 && c.failures + c.pending >= FREE_FAILURES) wait = Math.max(wait, 1000);
  }
  if (wait > 0) throw unlockThrottled(wait);
  for (const key of keys) {
    const c = counts.get(key) ?? { failures: 0, pending: 0, last: at, until: 0 };
    c.pending++;
    c.last = at;
    counts.set(key, c);
  }
  let ended = false;
  return {
    end: (succeeded) => {
      if (ended) return;
      ended = true;
      const t = now();
      for (const key of keys) {
        const c = counts.get(key);
        if (!c) continue;
        c.pending--;
        if (succeeded) {
          if (c.pending === 0) counts.delete(key);
          else c.failures = 0;
          continue;
        }
        c.failures++;
        c.last = t;
        c.until = t + waitAfter(c.failures);
      }
    },
  };
}
