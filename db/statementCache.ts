// Statements prepared once per connection. Each prepared statement holds tens of KB outside the JS
// heap that only GC returns, and GC rarely runs for it: preparing one per call grew the server by
// ~100 KB per person.list + person.get pair (issue 18). `cacheStatements` makes the connection's
// prepare() reuse one statement per SQL text (the least recently used dropped past `size`); the
// cache lives and dies with the connection (close() drops it; a reopened workspace starts anew).
//
// better-sqlite3 statements are mutable (pluck / raw / expand / safeIntegers / bind) and are busy
// while an iterate() is open, so prepare() hands out a light handle, not the shared statement: a
// handle keeps its caller's modes and sets them on the shared statement just before each run; a
// statement found busy leaves the cache (its iterator keeps it) for a fresh one; a handle that
// binds parameters, which stay bound for good, takes a statement of its own.
import type { Database, Statement } from 'better-sqlite3';

/** Distinct SQL texts kept per connection: the app has a few hundred shapes at most. */
export const STATEMENT_CACHE_SIZE = 300;

type Mode = 'flat' | 'pluck' | 'raw' | 'expand';
type AnyStatement = Statement<unknown[], unknown>;

/** A statement and the modes last set on it (tracked here: better-sqlite3 cannot be asked). */
interface Slot {
  stmt: AnyStatement;
  mode: Mode;
  safe: boolean;
}

export interface StatementCacheStats {
  /** SQL texts held. */
  size: number;
  /** prepare() calls answered from the cache. */
  hits: number;
  /** Statements prepared: cache misses, busy replacements and bound ones. */
  prepared: number;
}

function setModes(slot: Slot, mode: Mode, safe: boolean) {
  if (slot.mode !== mode) {
    // The three modes are one setting: turning off the current one gives plain rows.
    if (mode === 'flat') slot.stmt[slot.mode as Exclude<Mode, 'flat'>](false);
    else slot.stmt[mode](true);
    slot.mode = mode;
  }
  if (slot.safe !== safe) {
    slot.stmt.safeIntegers(safe);
    slot.safe = safe;
  }
}

/** One connection's statements by SQL text; a Map keeps insertion order, so the first key is the oldest. */
class StatementCache {
  private readonly slots = new Map<string, Slot>();
  /** The connection's defaultSafeIntegers(), which a new statement starts with. */
  safeDefault = false;
  hits = 0;
  prepared = 0;

  constructor(
    private readonly prepareRaw: (sql: string) => AnyStatement,
    private readonly size: number,
  ) {}

  fresh(sql: string): Slot {
    const stmt = this.prepareRaw(sql);
    this.prepared++;
    return { stmt, mode: 'flat', safe: this.safeDefault };
  }

  /** The cached statement for sql, prepared on first use. A failed prepare throws and caches nothing. */
  slotFor(sql: string): Slot {
    let slot = this.slots.get(sql);
    if (slot) {
      this.hits++;
      this.slots.delete(sql); // re-inserted below: now the most recently used
    } else slot = this.fresh(sql);
    this.remember(sql, slot);
    return slot;
  }

  /** A busy statement (mid-iterate) is handed out no more: a fresh one takes its place. */
  replaceBusy(busy: Slot): Slot {
    const sql = busy.stmt.source;
    const current = this.slots.get(sql);
    if (current && current !== busy && !current.stmt.busy) return current;
    const slot = this.fresh(sql);
    this.slots.delete(sql);
    this.remember(sql, slot);
    return slot;
  }

  private remember(sql: string, slot: Slot) {
    if (this.slots.size >= this.size) this.slots.delete(this.slots.keys().next().value!);
    this.slots.set(sql, slot);
  }

  clear() {
    this.slots.clear();
  }

  get count() {
    return this.slots.size;
  }
}

/** What prepare() returns: one caller's view of a cached statement, with that caller's modes. */
class CachedStatement {
  private mode: Mode = 'flat';
  private safe: boolean;
  /** A statement of this handle's own, once it bound parameters. */
  private own: Slot | null = null;
  /** The statement this handle last ran (what `busy` reports). */
  private last: AnyStatement | null = null;

  constructor(
    private shared: Slot,
    private readonly cache: StatementCache,
  ) {
    this.safe = cache.safeDefault;
  }

  get database() {
    return this.shared.stmt.database;
  }
  get source() {
    return this.shared.stmt.source;
  }
  get reader() {
    return this.shared.stmt.reader;
  }
  get readonly() {
    return this.shared.stmt.readonly;
  }
  get busy() {
    return this.last?.busy ?? false;
  }

  /** The statement to run now, with this handle's modes set on it. */
  private use(): AnyStatement {
    let slot = this.own;
    if (!slot) {
      if (this.shared.stmt.busy) this.shared = this.cache.replaceBusy(this.shared);
      slot = this.shared;
    }
    setModes(slot, this.mode, this.safe);
    this.last = slot.stmt;
    return slot.stmt;
  }

  run(...params: unknown[]) {
    return this.use().run(...params);
  }
  get(...params: unknown[]) {
    return this.use().get(...params);
  }
  all(...params: unknown[]) {
    return this.use().all(...params);
  }
  iterate(...params: unknown[]) {
    return this.use().iterate(...params);
  }
  columns() {
    return (this.own ?? this.shared).stmt.columns();
  }
  toString() {
    return (this.own ?? this.shared).stmt.toString();
  }

  bind(...params: unknown[]) {
    this.own ??= this.cache.fresh(this.shared.stmt.source);
    setModes(this.own, this.mode, this.safe);
    this.own.stmt.bind(...params);
    return this;
  }

  // better-sqlite3's rules: one mode at a time; turning off a mode that is not on changes nothing.
  private toggle(mode: Exclude<Mode, 'flat'>, on: boolean) {
    if (!this.reader) throw new TypeError(`The ${mode}() method is only for statements that return data`);
    this.mode = on ? mode : this.mode === mode ? 'flat' : this.mode;
    return this;
  }
  pluck(on = true) {
    return this.toggle('pluck', on);
  }
  raw(on = true) {
    return this.toggle('raw', on);
  }
  expand(on = true) {
    return this.toggle('expand', on);
  }
  safeIntegers(on = true) {
    this.safe = on;
    return this;
  }
}

const caches = new WeakMap<Database, StatementCache>();

/** The cache's counters for a connection (tests and benchmarks); undefined if it has no cache. */
export function statementCacheStats(db: Database): StatementCacheStats | undefined {
  const cache = caches.get(db);
  return cache && { size: cache.count, hits: cache.hits, prepared: cache.prepared };
}

/** Gives `db` a statement cache: from now on its prepare() reuses one statement per SQL text. */
export function cacheStatements(db: Database, size = STATEMENT_CACHE_SIZE): Database {
  const { prepare, close, defaultSafeIntegers } = db;
  const cache = new StatementCache((sql) => prepare.call(db, sql) as AnyStatement, size);
  caches.set(db, cache);
  Object.assign(db, {
    prepare: (sql: string) => new CachedStatement(cache.slotFor(sql), cache),
    close() {
      cache.clear();
      return close.call(db);
    },
    defaultSafeIntegers(on = true) {
      cache.safeDefault = on;
      return defaultSafeIntegers.call(db, on);
    },
  });
  return db;
}
