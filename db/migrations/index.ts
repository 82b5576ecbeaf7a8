// Ordered migrations on PRAGMA user_version. Version 1 is the whole initial schema; later changes
// append a migration here and never edit a released one.
import type { Database } from 'better-sqlite3';
import { schemaParts } from './schema';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    up: (db) => {
      for (const part of schemaParts) if (part.sql.trim()) db.exec(part.sql);
      for (const part of schemaParts) if (part.views?.trim()) db.exec(part.views);
    },
  },
];

export const LATEST_VERSION = migrations[migrations.length - 1].version;

/** Rows a brand-new workspace starts with: budget categories, milestones, progress categories. */
export function seedNewWorkspace(db: Database) {
  for (const part of schemaParts) part.seed?.(db);
}
