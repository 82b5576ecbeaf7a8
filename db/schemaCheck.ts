// Files from outside (a data package, a backup being restored) are data, not code. Their schema —
// the tables, indexes and triggers in sqlite_master — must be exactly what this app's own
// migrations make at the file's version: a trigger, an extra table or column, a changed CHECK
// would otherwise come along and keep running in the app (a trigger copying ID numbers into a
// field every role can see). Views are not compared: openDatabase drops every view and creates
// its own. The audit guards are compared by name and table only: openDatabase drops and recreates
// them, so a do-nothing body is replaced before anything is written.
import type { Database as Db } from 'better-sqlite3';
import { migrations as shippedMigrations, type Migration } from './migrations';
import { AUDIT_GUARD_TABLES } from './audit';
import { openSqlite, type CipherKey } from './cipher';

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const KIND: Record<string, string> = { table: '表', index: '索引', trigger: '触发器' };

/** Objects SQLite makes itself (sqlite_sequence, sqlite_stat1, automatic indexes) are not ours to judge. */
function objects(db: Db): Map<string, SchemaObject> {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
       WHERE type IN ('table', 'index', 'trigger') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
    )
    .all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type}:${r.name}`, r]));
}

/** Spacing and quoting do not matter; anything else in the statement does. */
const normalise = (sql: string | null) =>
  (sql ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;=])\s*/g, '$1')
    .replace(/["`[\]]/g, '')
    .replace(/^CREATE TABLE IF NOT EXISTS /i, 'CREATE TABLE ')
    .trim();

/** The audit head table as earlier builds created it at open, for files from before migration 5. */
const HEAD_TABLE_BEFORE_5 = `CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  count INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  hash TEXT NOT NULL
)`;

const references = new Map<number, Map<string, SchemaObject>>();

/** What a fresh file at `version` holds: this build's migrations 1…version, run in memory. */
function referenceSchema(version: number, migrations: readonly Migration[]): Map<string, SchemaObject> {
  const cached = migrations === shippedMigrations ? references.get(version) : undefined;
  if (cached) return cached;
  const mem = openSqlite(':memory:');
  try {
    for (const m of migrations) if (m.version <= version) m.up(mem);
    const found = objects(mem);
    if (!found.has('table:audit_head'))
      found.set('table:audit_head', {
        type: 'table',
        name: 'audit_head',
        tbl_name: 'audit_head',
        sql: HEAD_TABLE_BEFORE_5,
      });
    if (migrations === shippedMigrations) references.set(version, found);
    return found;
  } finally {
    mem.close();
  }
}

/**
 * How the schema of `db` (at user_version `version`) differs from this app's own at that version,
 * in the clerk's words, one line per object; empty when it is the same.
 */
export function schemaDifferences(
  db: Db,
  version: number,
  migrations: readonly Migration[] = shippedMigrations,
): string[] {
  const expected = referenceSchema(version, migrations);
  const found = objects(db);
  const out: string[] = [];
  for (const [key, obj] of found) {
    const kind = KIND[obj.type];
    const guardTable = obj.type === 'trigger' ? AUDIT_GUARD_TABLES.get(obj.name) : undefined;
    if (guardTable !== undefined) {
      if (obj.tbl_name !== guardTable) out.push(`${kind} ${obj.name}（建在 ${obj.tbl_name} 上）`);
      continue;
    }
    const want = expected.get(key);
    if (!want) out.push(`多出的${kind} ${obj.name}${obj.type === 'table' ? '' : `（${obj.tbl_name}）`}`);
    else if (normalise(want.sql) !== normalise(obj.sql)) out.push(`${kind} ${obj.name} 的定义与本程序不同`);
  }
  for (const [key, obj] of expected) if (!found.has(key)) out.push(`缺少${KIND[obj.type]} ${obj.name}`);
  return out;
}

/**
 * schemaDifferences of a closed file, read through a read-only connection with trusted_schema off
 * (nothing in the file can run a function while it is read). Throws a SQLite error if unreadable,
 * RECOVERY_CODE_NEEDED / RECOVERY_CODE_WRONG if encrypted and `key` does not open it.
 */
export function fileSchemaDifferences(
  path: string,
  migrations?: readonly Migration[],
  key: CipherKey | null = null,
): string[] {
  const db = openSqlite(path, { readonly: true, fileMustExist: true, timeout: 2000 }, key);
  try {
    db.pragma('trusted_schema = OFF');
    return schemaDifferences(db, db.pragma('user_version', { simple: true }) as number, migrations);
  } finally {
    db.close();
  }
}
