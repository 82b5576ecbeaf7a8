import type { Database } from 'better-sqlite3';

/** One area's part of the schema: its DDL, its tables' Chinese names and the rows a new workspace starts with. */
export interface SchemaPart {
  /** Tables and indexes. Foreign keys may name another area's table. */
  sql: string;
  /** Views, created after every area's tables so they may join any of them. */
  views?: string;
  labels: Record<string, string>;
  seed?: (db: Database) => void;
}

/** Columns every entity table has. */
export const stamps = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL`;

/** CHECK that a column holds an ISO date or NULL. */
export const isoDate = (col: string) =>
  `CHECK (${col} IS NULL OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;

/** CHECK that a column holds one of the values or NULL. */
export const oneOf = (col: string, values: readonly string[]) =>
  `CHECK (${col} IS NULL OR ${col} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}))`;
