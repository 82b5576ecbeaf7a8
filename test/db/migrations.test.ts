import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { LATEST_VERSION, migrations, type Migration } from '../../db/migrations';
import { UserError } from '../../db/errors';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'censusdesk-mig-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('opening and migrating the store', () => {
  it('takes an empty file to the latest version with the pragmas set', () => {
    const path = join(dir, 'a.db');
    const { db, fromVersion, backupPath } = openDatabase(path);
    expect(fromVersion).toBe(0);
    expect(backupPath).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Reopening runs nothing again.
    const again = openDatabase(path);
    expect(again.fromVersion).toBe(LATEST_VERSION);
    again.db.close();
  });

  it('refuses a database written by a newer version and leaves the file byte-identical', () => {
    const path = join(dir, 'newer.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE x (a)');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = sha(path);
    const files = readdirSync(dir).sort();
    let caught: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe('DB_TOO_NEW');
    expect((caught as UserError).message).toContain(`数据版本 ${LATEST_VERSION + 5}`);
    expect(sha(path)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it('backs up an older database through SQLite, then migrates it in one transaction', () => {
    const path = join(dir, 'old.db');
    const first = openDatabase(path);
    first.db
      .prepare(`INSERT INTO townships (code, name, created_at, updated_at) VALUES ('511323100', '相如镇', 'x', 'x')`)
      .run();
    first.db.close();
    const v2: Migration = {
      version: LATEST_VERSION + 1,
      name: 'add a column',
      up: (db) => db.exec('ALTER TABLE townships ADD COLUMN area REAL'),
    };
    const { db, fromVersion, backupPath } = openDatabase(path, { migrations: [...migrations, v2] });
    expect(fromVersion).toBe(LATEST_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect(db.prepare('SELECT name, area FROM townships').get()).toEqual({ name: '相如镇', area: null });
    db.close();
    expect(backupPath).not.toBeNull();
    const copy = new Database(backupPath!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(copy.prepare('SELECT name FROM townships').get()).toEqual({ name: '相如镇' });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('rolls a failing migration back whole: version and data stay as they were', () => {
    const path = join(dir, 'fail.db');
    const first = openDatabase(path);
    first.db
      .prepare(`INSERT INTO townships (code, name, created_at, updated_at) VALUES ('511323100', '相如镇', 'x', 'x')`)
      .run();
    first.db.close();
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'half done',
      up: (db) => {
        db.exec(`UPDATE townships SET name = '改坏了'`);
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(path, { migrations: [...migrations, broken] })).toThrow('boom');
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(check.prepare('SELECT name FROM townships').get()).toEqual({ name: '相如镇' });
    check.close();
  });

  it('seeds a new workspace once, and not when asked not to', () => {
    const { db } = openDatabase(join(dir, 's.db'), { seed: false });
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string }[];
    for (const { name } of tables) {
      if (name === 'sqlite_sequence') continue;
      expect((db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n, name).toBe(0);
    }
    db.close();
  });
});
