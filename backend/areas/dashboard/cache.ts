// The dashboard's last answer, kept until the data changes: going back to 首页 without having
// written anything answers at once instead of counting 100k people again. "Changed" is read from
// SQLite itself, not from a list of methods that write: the connection (a restore opens a new
// one), the rows it has changed (`total_changes()` counts every INSERT, UPDATE and DELETE, rolled
// back or not), `data_version` (moves when another connection commits), and the calendar day the
// counts depend on — the caller's (ctx.now), which is also the views' census_today().
import type { Database } from 'better-sqlite3';
import type { OutputOf } from '../../../core/api';
import { todayIso } from '../../../core/dates';

type Checks = OutputOf<'dashboard.checks'>;

interface Kept {
  key: string;
  result: Checks;
}

const kept = new WeakMap<Database, Kept>();

/** What the answer depends on besides the connection; equal keys mean the same answer. */
export function cacheKey(db: Database, now: Date): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  return `${changes}|${dataVersion}|${todayIso(now)}`;
}

/** A copy of the kept answer for this key (callers may change what they get), or undefined. */
export function cachedChecks(db: Database, key: string): Checks | undefined {
  const k = kept.get(db);
  return k && k.key === key ? structuredClone(k.result) : undefined;
}

export function keepChecks(db: Database, key: string, result: Checks): void {
  kept.set(db, { key, result: structuredClone(result) });
}
