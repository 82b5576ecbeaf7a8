// Opening the store: refuse a database from a newer app without touching it, back up before any
// migration, then migrate everything in one transaction.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { migrations as shippedMigrations, seedNewWorkspace, type Migration } from './migrations';
import { UserError } from './errors';

export interface OpenOptions {
  /** Where pre-migration copies go (default: a `backups` folder next to the database). */
  backupDir?: string;
  /** Seed a new workspace with the default categories and milestones (default true). */
  seed?: boolean;
  /** The migration list (tests pass a longer one to exercise upgrades). */
  migrations?: Migration[];
}

export interface OpenedDb {
  db: Db;
  /** The user_version found on open (0 for a new file). */
  fromVersion: number;
  /** The pre-migration backup written, if any. */
  backupPath: string | null;
}

/** Reads user_version without writing a byte: a read-only connection never converts the journal mode. */
export function readSchemaVersion(path: string): number {
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

export function openDatabase(path: string, opts: OpenOptions = {}): OpenedDb {
  const migrations = opts.migrations ?? shippedMigrations;
  const LATEST_VERSION = migrations[migrations.length - 1].version;
  const isMemory = path === ':memory:';
  const exists = !isMemory && existsSync(path);
  if (exists) {
    let version: number;
    try {
      version = readSchemaVersion(path);
    } catch (e) {
      throw new UserError('DB_UNREADABLE', `无法打开数据文件 ${path}：${(e as Error).message}`);
    }
    if (version > LATEST_VERSION) {
      throw new UserError(
        'DB_TOO_NEW',
        `数据文件由更高版本的普查办工作台创建（数据版本 ${version}，本程序支持到 ${LATEST_VERSION}），请升级程序后再打开。文件未作任何改动。`,
      );
    }
  } else if (!isMemory) {
    mkdirSync(dirname(path), { recursive: true });
  }

  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');

  const fromVersion = db.pragma('user_version', { simple: true }) as number;
  let backupPath: string | null = null;
  if (fromVersion < LATEST_VERSION) {
    if (fromVersion > 0 && !isMemory) {
      const dir = opts.backupDir ?? join(dirname(path), 'backups');
      mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      backupPath = join(dir, `${basename(path, '.db')}-v${fromVersion}-before-migration-${stamp}.db`);
      // VACUUM INTO writes a consistent copy through SQLite itself, never a raw file copy.
      db.prepare('VACUUM INTO ?').run(backupPath);
    }
    const pending = migrations.filter((m) => m.version > fromVersion);
    try {
      db.transaction(() => {
        for (const m of pending) m.up(db);
        if (fromVersion === 0 && opts.seed !== false) seedNewWorkspace(db);
        db.pragma(`user_version = ${LATEST_VERSION}`);
      })();
    } catch (e) {
      db.close();
      throw e;
    }
  }
  return { db, fromVersion, backupPath };
}
