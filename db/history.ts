// What the store held at the end of a past day, for facts that are overwritten without a date of
// their own (a person's status, township, certificate and insurance; roles; a district's existence;
// a budget item's approved amount; a contract's amount and status; a node's dates; a milestone's
// status). Migration 3 made the *_history tables; this file writes them and reads them.
//
// Writing: TEMP triggers, created on every connection the app opens for writing (openDatabase), so
// every write path — services, imports, bulk updates, cascades, deletes — records without knowing
// it, and a file opened by another tool carries no trigger that would need our clock function.
// The day is census_today(), the backend's clock (db/clock.ts); without a clock nothing is recorded.
// A history row (id, day, values) says "until the end of the day before `day` the record held
// these values" (absent = 1: it did not exist yet); only the first change of a day is kept.
//
// Reading: `asOfSql(spec)` is a subquery of every record as it stood at the end of @day.
import type { Database } from 'better-sqlite3';

export interface Tracked {
  table: string;
  history: string;
  /** The history table's column naming the record. */
  key: string;
  /** The columns whose past values are kept. */
  columns: readonly string[];
}

export const PEOPLE_HISTORY: Tracked = {
  table: 'people',
  history: 'people_history',
  key: 'person_id',
  columns: [
    'status',
    'left_date',
    'hire_start',
    'township_id',
    'cert_no',
    'cert_date',
    'insurance_start',
    'insurance_end',
  ],
};
export const DISTRICTS_HISTORY: Tracked = {
  table: 'census_districts',
  history: 'census_districts_history',
  key: 'district_id',
  columns: ['township_id'],
};
export const BUDGET_ITEMS_HISTORY: Tracked = {
  table: 'budget_items',
  history: 'budget_items_history',
  key: 'item_id',
  columns: ['parent_id', 'name', 'amount', 'sort_order'],
};
export const CONTRACTS_HISTORY: Tracked = {
  table: 'contracts',
  history: 'contracts_history',
  key: 'contract_id',
  columns: ['amount', 'status', 'signed_date'],
};
export const NODES_HISTORY: Tracked = {
  table: 'contract_nodes',
  history: 'contract_nodes_history',
  key: 'node_id',
  columns: ['contract_id', 'planned_date', 'actual_date'],
};
export const MILESTONES_HISTORY: Tracked = {
  table: 'milestones',
  history: 'milestones_history',
  key: 'milestone_id',
  columns: ['status', 'completed_date', 'deadline', 'progress_note'],
};

const TRACKED = [
  PEOPLE_HISTORY,
  DISTRICTS_HISTORY,
  BUDGET_ITEMS_HISTORY,
  CONTRACTS_HISTORY,
  NODES_HISTORY,
  MILESTONES_HISTORY,
];

const DAY = 'census_today()';

function triggersFor(t: Tracked): string[] {
  const cols = t.columns.join(', ');
  const old = t.columns.map((c) => `old.${c}`).join(', ');
  const changed = t.columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  const keep = (values: string) =>
    `INSERT OR IGNORE INTO ${t.history} (${t.key}, day, absent, ${cols}) VALUES (${values})`;
  return [
    `CREATE TEMP TRIGGER IF NOT EXISTS ${t.history}_ins AFTER INSERT ON main.${t.table} WHEN ${DAY} IS NOT NULL
BEGIN INSERT OR IGNORE INTO ${t.history} (${t.key}, day, absent) VALUES (new.id, ${DAY}, 1); END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${t.history}_upd AFTER UPDATE OF ${cols} ON main.${t.table}
WHEN ${DAY} IS NOT NULL AND (${changed})
BEGIN ${keep(`old.id, ${DAY}, 0, ${old}`)}; END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${t.history}_del AFTER DELETE ON main.${t.table} WHEN ${DAY} IS NOT NULL
BEGIN ${keep(`old.id, ${DAY}, 0, ${old}`)}; END`,
  ];
}

// Roles are rows: "present" says whether the role was held before `day`. A person created today
// has no past, so their roles' changes that day are not recorded (one index probe instead of a row).
const newToday = (row: 'new' | 'old') =>
  `EXISTS (SELECT 1 FROM people_history h WHERE h.person_id = ${row}.person_id AND h.day = ${DAY} AND h.absent = 1)`;
const ROLE_TRIGGERS = [
  `CREATE TEMP TRIGGER IF NOT EXISTS person_roles_history_ins AFTER INSERT ON main.person_roles
WHEN ${DAY} IS NOT NULL AND NOT ${newToday('new')}
BEGIN INSERT OR IGNORE INTO person_roles_history (person_id, role, day, present) VALUES (new.person_id, new.role, ${DAY}, 0); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS person_roles_history_del AFTER DELETE ON main.person_roles
WHEN ${DAY} IS NOT NULL AND NOT ${newToday('old')}
BEGIN INSERT OR IGNORE INTO person_roles_history (person_id, role, day, present) VALUES (old.person_id, old.role, ${DAY}, 1); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS person_roles_history_upd AFTER UPDATE ON main.person_roles WHEN ${DAY} IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO person_roles_history (person_id, role, day, present) VALUES (old.person_id, old.role, ${DAY}, 1);
  INSERT OR IGNORE INTO person_roles_history (person_id, role, day, present) VALUES (new.person_id, new.role, ${DAY}, 0);
END`,
];

/** Creates the history triggers on a writing connection (needs census_today(): installClock first). */
export function installHistory(db: Database): void {
  const tables = new Set(
    db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table'`).pluck().all() as string[],
  );
  // A file at an older schema (tests that stop migrating early) has no history to keep.
  const present = TRACKED.filter((t) => tables.has(t.table) && tables.has(t.history));
  for (const sql of present.flatMap(triggersFor)) db.exec(sql);
  if (tables.has('person_roles_history') && tables.has('person_roles')) for (const sql of ROLE_TRIGGERS) db.exec(sql);
}

/**
 * The day history began: the first day anything was recorded. What the store held on that day —
 * its setup, or everything entered before this change — counts as held since forever, so records
 * created that day are not "created later" (see asOfSql). null without any history.
 */
export function historyStart(db: Database): string | null {
  const mins = [...TRACKED.map((t) => t.history), 'person_roles_history']
    .map((h) => `SELECT min(day) AS d FROM ${h}`)
    .join(' UNION ALL ');
  return (db.prepare(`SELECT min(d) FROM (${mins})`).pluck().get() as string | null) ?? null;
}

/**
 * Every record of `t` with its tracked columns as they stood at the end of @day (an ISO date bound
 * by the caller, with @start = historyStart): `id`, the columns, and `born_later` (1 when the record
 * was created after @day, not on the day history began). A record created later has no earlier
 * value: its first recorded one stands for the past, so a caller decides by valid time (a hire
 * date, a signing date) or by `born_later` whether it existed. Records deleted since come back
 * from their history; current records without a later change are read straight from the table.
 * What the store held at the end of the day history began stands for every day before it, so that
 * day's rows are passed over.
 */
export function asOfSql(t: Tracked): string {
  const later = (h: string) => `${h}.day > @day AND ${h}.day <> @start`;
  const bornLater = (id: string) =>
    `EXISTS (SELECT 1 FROM ${t.history} b WHERE b.${t.key} = ${id} AND ${later('b')} AND b.absent = 1)`;
  return `SELECT cur.id, ${t.columns.map((c) => `cur.${c}`).join(', ')}, ${bornLater('cur.id')} AS born_later
  FROM main.${t.table} cur
  WHERE NOT EXISTS (SELECT 1 FROM ${t.history} h WHERE h.${t.key} = cur.id AND ${later('h')} AND h.absent = 0)
UNION ALL
SELECT h.${t.key} AS id, ${t.columns.map((c) => `h.${c}`).join(', ')}, ${bornLater(`h.${t.key}`)} AS born_later
  FROM ${t.history} h
  WHERE ${later('h')} AND h.absent = 0
    AND h.day = (SELECT min(h2.day) FROM ${t.history} h2 WHERE h2.${t.key} = h.${t.key} AND ${later('h2')} AND h2.absent = 0)`;
}

/** The roles each person held at the end of @day (with @start, as asOfSql): (person_id, role). */
export const ROLES_AS_OF_SQL = `SELECT person_id, role FROM main.person_roles r
  WHERE NOT EXISTS (SELECT 1 FROM person_roles_history h
                    WHERE h.person_id = r.person_id AND h.role = r.role AND h.day > @day AND h.day <> @start)
UNION ALL
SELECT h.person_id, h.role FROM person_roles_history h
  WHERE h.day > @day AND h.day <> @start AND h.present = 1
    AND h.day = (SELECT min(h2.day) FROM person_roles_history h2
                 WHERE h2.person_id = h.person_id AND h2.role = h.role AND h2.day > @day AND h2.day <> @start)`;

/** Whether anything of `t` changed after @day (if not, the current rows are the answer). */
export function changedSince(db: Database, t: Tracked | 'roles', day: string): boolean {
  const table = t === 'roles' ? 'person_roles_history' : t.history;
  return db.prepare(`SELECT 1 FROM ${table} WHERE day > ? LIMIT 1`).get(day) !== undefined;
}
