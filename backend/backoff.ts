// The failure counting shared by the login and 恢复码 back-offs (loginGuard.ts, areas/system/unlockGuard.ts):
// per key (an account, the data file, a session), five failures in a row are free; from then on each
// failure makes the next attempt wait longer (30 s, 1 min, 2 min … up to 15 min). While waiting, an
// attempt is refused at once, before any secret is checked. Attempts still being checked count as
// failures until they end, so a burst sent at once cannot slip past the count. A count left alone for
// an hour starts afresh. The callers keep their own keys, message and error code.

/** Failures before any wait. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
/** A count left alone this long starts afresh. */
export const FORGET_MS = 60 * 60_000;
/** The wait while attempts already sent would use up the free failures if they failed. */
const PENDING_WAIT_MS = 1000;

export interface Count {
  failures: number;
  /** Attempts being checked now. */
  pending: number;
  last: number;
  until: number;
}

/** How long the next attempt waits after this many failures in a row. */
export const waitAfter = (failures: number) =>
  failures < FREE_FAILURES ? 0 : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES));

export interface BackoffOptions {
  /** The refusal while a key must wait (the caller's code and Chinese message). */
  throttled: (waitMs: number) => Error;
  /** Called when a key's count is forgotten for age. */
  onForget?: (key: string) => void;
  /** Whether a success removes a key's count even while other attempts on it are pending. */
  clearsAtOnce?: (key: string) => boolean;
  /** Called after an attempt ended and the counts were updated. */
  onEnd?: () => void;
}

/**
 * Starts an attempt counted against every key, or throws `throttled` while any key must wait.
 * The answer ends it: `end(true)` after a success, `end(false)` after a failure (later calls do nothing).
 */
export function beginAttempt(
  counts: Map<string, Count>,
  keys: string[],
  now: () => number,
  opts: BackoffOptions,
): { end: (succeeded: boolean) => void } {
  const at = now();
  let wait = 0;
  for (const key of keys) {
    const c = counts.get(key);
    if (!c) continue;
    if (c.pending === 0 && at - c.last > FORGET_MS) {
      counts.delete(key);
      opts.onForget?.(key);
    } else if (c.until > at) wait = Math.max(wait, c.until - at);
    else if (c.pending > 0 && c.failures + c.pending >= FREE_FAILURES) wait = Math.max(wait, PENDING_WAIT_MS);
  }
  if (wait > 0) throw opts.throttled(wait);
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
          if (c.pending === 0 || opts.clearsAtOnce?.(key)) counts.delete(key);
          else c.failures = 0;
          continue;
        }
        c.failures++;
        c.last = t;
        c.until = t + waitAfter(c.failures);
      }
      opts.onEnd?.();
    },
  };
}
