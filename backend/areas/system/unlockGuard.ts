// Back-off after wrong 恢复码 typed at setup.unlock, with the login back-off's counting
// (backend/backoff.ts: five free failures, then 30 s doubling to 15 min): per session and for the data
// file as a whole (one code per office, so the office is the "account"). While waiting, an attempt is
// refused before any key is derived, so guessing costs no scrypt.
import { UserError } from '../../../db/errors';
import { beginAttempt, type Count } from '../../backoff';
import { perWorkspace, waitText } from '../../rateLimit';

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
  return beginAttempt(countsOf(owner), ['file', `session:${session ?? 'local'}`], now, {
    throttled: unlockThrottled,
  });
}
