// The backend's one clock, as a connection sees it. SQLite's own date('now') reads the machine's
// wall clock, which tests cannot pin and which may disagree with the clock a call was given; so
// views and history triggers ask `census_today()` instead, a function registered on every
// connection that answers the calendar day of the clock the current caller set (handlerCtx sets it
// whenever a handler takes its connection). Timestamps the repository writes come from the same
// clock (`clockIso`).
import type { Database } from 'better-sqlite3';
import { todayIso } from '../core/dates';
import { installWorkdays } from './workdays';

interface Clock {
  now: (() => Date) | null;
}

const clocks = new WeakMap<Database, Clock>();

/** Registers census_today() on a connection (idempotent); every connection that reads a view needs it. */
export function installClock(db: Database): void {
  if (clocks.has(db)) return;
  const clock: Clock = { now: null };
  clocks.set(db, clock);
  // NULL before any caller set a clock: a view's "overdue" is then unknown rather than judged
  // against the wall clock, and the history triggers record nothing (nothing dispatched writes).
  db.function('census_today', { deterministic: false }, () => (clock.now ? todayIso(clock.now()) : null));
  // The contract deadlines' working days (core/workdays.ts), read by the same views.
  installWorkdays(db);
}

/** From now on, census_today() and clockIso() on this connection follow `now`. */
export function setClock(db: Database, now: () => Date): void {
  let clock = clocks.get(db);
  if (!clock) {
    installClock(db);
    clock = clocks.get(db)!;
  }
  clock.now = now;
}

/** The current caller's instant as ISO text, for created_at / updated_at. */
export function clockIso(db: Database): string {
  const now = clocks.get(db)?.now;
  if (!now) throw new Error('数据库连接尚未设置时钟：写入须经 dispatch（或先调用 setClock）');
  return now().toISOString();
}

/**
 * The same, for bulk tools that may run outside any call (the synthetic-data generator, benchmarks):
 * the wall clock when no caller set one. Handlers always have a clock set.
 */
export function clockIsoOrWall(db: Database): string {
  const now = clocks.get(db)?.now;
  return (now ? now() : new Date()).toISOString();
}
