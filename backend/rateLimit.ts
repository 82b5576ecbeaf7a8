// Counting limits kept in memory, per open workspace: a sliding window of recent events per key.
// Memory starts afresh with the process, and anyone at the PC can close and reopen the program, so
// the counts that must outlive it are read back from the data file by their users (loginGuard.ts:
// login_failures; idLookupLimit.ts: the audit log's lookups).

export interface WindowLimit {
  max: number;
  windowMs: number;
}

export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(private readonly limit: WindowLimit) {}

  /** How long until `key` may act again (0: now), without counting anything. */
  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length < this.limit.max ? 0 : recent[0] + this.limit.windowMs - now;
  }

  /** Counts one event for `key`. */
  add(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.events.set(key, recent);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.events.get(key) ?? []).filter((t) => now - t < this.limit.windowMs);
    if (kept.length) this.events.set(key, kept);
    else this.events.delete(key);
    return kept;
  }
}

/** `3分钟` / `45秒`: a wait in words, rounded up. */
export function waitText(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s < 120 ? `${s}秒` : `${Math.ceil(s / 60)}分钟`;
}

/** One object per key (a workspace), made on first use: limits that live as long as it does. */
export function perWorkspace<T>(make: () => T): (owner: object) => T {
  const map = new WeakMap<object, T>();
  return (owner) => {
    let v = map.get(owner);
    if (!v) map.set(owner, (v = make()));
    return v;
  };
}
