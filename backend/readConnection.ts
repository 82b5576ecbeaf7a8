// A second, read-only connection to the data file, open while a sliced write (backend/writeTurns.ts)
// holds the writer connection inside its transaction. In WAL mode it reads the last committed state:
// reads during a 20k re-import's commit see the data as it was before the import, never its half,
// and answer at once instead of waiting for the commit. Keyed like every connection (db/cipher.ts).
// Read-only, so a call that would write here fails at once (SQLITE_READONLY) instead of waiting
// on the writer's lock for busy_timeout.
import type { Database } from 'better-sqlite3';
import { openSqlite, type CipherKey } from '../db/cipher';
import { installClock } from '../db/clock';
import { cacheStatements } from '../db/statementCache';
import type { Workspace } from './context';

/** Read connection → the writer connection it stands in for (what is kept per open database). */
const primaries = new WeakMap<Database, Database>();

/** The writer connection a connection stands in for: itself, unless it is a read connection. */
export const primaryOf = (db: Database): Database => primaries.get(db) ?? db;

/** Whether the workspace's data is a file a second connection can open (not ':memory:'). */
export const readableApart = (ws: Workspace): boolean => ws.path !== ':memory:' && ws.path !== '';

/** The workspace's key (encryption at rest); null for a plain file. */
export const workspaceKey = (ws: Workspace): CipherKey | null => ws.key ?? null;

export function openReadConnection(ws: Workspace): Database {
  const db = openSqlite(ws.path, { readonly: true, fileMustExist: true }, workspaceKey(ws));
  try {
    // Views call census_today() and the workday functions; handlers set the clock as they take it.
    installClock(db);
    db.pragma('busy_timeout = 1000');
  } catch (e) {
    db.close();
    throw e;
  }
  primaries.set(db, ws.db);
  return cacheStatements(db);
}
