import type { Database } from 'better-sqlite3';

/**
 * One area's tables as the app names them, and the rows a new workspace starts with. The tables
 * themselves are created by the migrations (db/migrations), their views by db/views.
 */
export interface SchemaPart {
  labels: Record<string, string>;
  seed?: (db: Database) => void;
}
