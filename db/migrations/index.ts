// Ordered migrations on PRAGMA user_version, each literal SQL. A released migration is frozen
// (test/db/frozenMigrations.test.ts holds the sha256 of each): a schema change is a new file
// db/migrations/NNN_<what>.ts exporting its SQL, appended here with the next version. Views are
// not migrations (db/views); seeds for a new workspace are in db/schema.
import type { Database } from 'better-sqlite3';
import { INITIAL_SCHEMA } from './001_initial';
import { SUBMISSION_SCHEMA } from './002_submission';
import { HISTORY_SCHEMA } from './003_history';
import { LANDLINE_SCHEMA } from './004_landline';
import { AUDIT_HEAD_SCHEMA } from './005_audit_head';
import { CITY_OFFICE_SCHEMA } from './006_city_office';
import { QUALITY_PROBLEMS_SCHEMA } from './007_quality_problems';
import { REGISTERS_SCHEMA } from './008_registers';
import { FIELDWORK_SCHEMA } from './009_fieldwork';
import { LOGIN_FAILURES_SCHEMA } from './010_login_failures';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
  /** The literal SQL `up` runs (every shipped migration has it; tests may pass code instead). */
  sql?: string;
}

/** A migration that runs one literal SQL script. */
const literal = (version: number, name: string, sql: string): Migration => ({
  version,
  name,
  up: (db) => db.exec(sql),
  sql,
});

export const migrations: Migration[] = [
  literal(1, 'initial schema', INITIAL_SCHEMA),
  literal(2, 'report exports as submissions', SUBMISSION_SCHEMA),
  literal(3, 'history of overwritten facts', HISTORY_SCHEMA),
  literal(4, 'landline beside mobile', LANDLINE_SCHEMA),
  literal(5, 'audit head created with its table', AUDIT_HEAD_SCHEMA),
  literal(6, 'city and province offices: units, intake, received reports', CITY_OFFICE_SCHEMA),
  literal(7, 'quality checks and the problem ledger', QUALITY_PROBLEMS_SCHEMA),
  literal(8, 'coverage, pledges and archive registers', REGISTERS_SCHEMA),
  literal(9, 'fieldwork detail, publicity, leading group, devices', FIELDWORK_SCHEMA),
  literal(10, 'login failures survive a restart', LOGIN_FAILURES_SCHEMA),
];

export const LATEST_VERSION = migrations[migrations.length - 1].version;
