// Packages and restores are data, not code (issue 15): a file whose schema is not this app's own at
// its version — a trigger, an extra table or column, a changed CHECK — is refused by name before
// anything changes; the audit guards are recreated whatever body the file's ones had.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Operator } from '../../backend/context';
import { fileSchemaDifferences } from '../../db/schemaCheck';
import { buildBefore } from '../db/fixtures/before';
import { contentHash, idFor, sandbox, staffWorkspace, type Sandbox, type Staff } from './fixtures';

let box: Sandbox;
let staff: Staff;
beforeEach(async () => {
  box = sandbox();
  staff = await staffWorkspace(box.b);
  await call(box.b, staff.admin, 'township.create', { code: '511323100', name: '相如镇' });
});
afterEach(() => box.dispose());

async function call<T = Record<string, unknown>>(
  b: Sandbox['b'],
  operator: Operator | null,
  method: string,
  input: unknown,
): Promise<T> {
  const r = await b.dispatch(method, input, { operator });
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}
async function refused(b: Sandbox['b'], operator: Operator | null, method: string, input: unknown) {
  const r = await b.dispatch(method, input, { operator });
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

/** A package of the workspace written to a path, then changed with a SQLite tool. */
async function tamperedPackage(sql: string): Promise<string> {
  const path = join(box.dir, `pkg-${Math.random().toString(36).slice(2)}.cdpkg`);
  await call(box.b, staff.admin, 'package.export', { path });
  const db = new Database(path);
  db.exec(sql);
  db.close();
  return path;
}

/** The trigger of the issue: every ID number entered later lands in 备注, which every role sees. */
const LEAK = `CREATE TRIGGER copy_ids AFTER INSERT ON people BEGIN
  UPDATE people SET note = NEW.id_number || ' ' || coalesce(NEW.bank_account, '') WHERE id = NEW.id; END`;

const backups = () => (existsSync(box.backupDir) ? readdirSync(box.backupDir).filter((f) => f.endsWith('.db')) : []);

describe('a data package carrying code', () => {
  it('a trigger that copies ID numbers into a visible field is refused by name, and nothing changes', async () => {
    const pkg = await tamperedPackage(LEAK);
    const before = contentHash(box.b.db);
    const backupsBefore = backups();
    const e = await refused(box.b, staff.admin, 'package.import', { path: pkg });
    expect(e.code).toBe('SOURCE_SCHEMA');
    expect(e.message).toContain('多出的触发器 copy_ids（people）');
    expect(e.message).toMatch(/^数据包的数据库结构与本程序不符（.+），可能夹带了.+。当前数据未作任何改动。$/);
    expect(contentHash(box.b.db)).toBe(before);
    expect(backups()).toEqual(backupsBefore);
    // And the live data has no such trigger: a person entered now keeps 备注 empty.
    const p = await call<{ id: number }>(box.b, staff.admin, 'person.create', {
      name: '张三',
      roles: ['普查员'],
      idNumber: idFor(7),
    });
    expect(box.b.db.prepare('SELECT note FROM people WHERE id = ?').pluck().get(p.id)).toBeNull();
  });

  it('is refused on a new PC too, before anyone can log in (setup.importPackage)', async () => {
    const pkg = await tamperedPackage(LEAK);
    const there = sandbox();
    try {
      const before = contentHash(there.b.db);
      const e = await refused(there.b, null, 'setup.importPackage', { path: pkg });
      expect(e.code).toBe('SOURCE_SCHEMA');
      expect(e.message).toContain('copy_ids');
      expect(contentHash(there.b.db)).toBe(before);
    } finally {
      there.dispose();
    }
  });

  it.each([
    ['an extra table', 'CREATE TABLE loot (x TEXT)', '多出的表 loot'],
    ['an extra column', 'ALTER TABLE people ADD COLUMN copy TEXT', '表 people 的定义与本程序不同'],
    ['an extra index', 'CREATE INDEX people_note ON people (note)', '多出的索引 people_note（people）'],
    [
      'a changed CHECK',
      `CREATE TABLE head_copy AS SELECT * FROM audit_head; DROP TABLE audit_head;
       CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id > 0), count INTEGER NOT NULL,
         last_id INTEGER NOT NULL, hash TEXT NOT NULL);
       INSERT INTO audit_head SELECT * FROM head_copy; DROP TABLE head_copy;`,
      '表 audit_head 的定义与本程序不同',
    ],
    [
      'a guard moved to another table',
      'DROP TRIGGER audit_log_no_update; CREATE TRIGGER audit_log_no_update AFTER INSERT ON people BEGIN SELECT 1; END',
      '触发器 audit_log_no_update（建在 people 上）',
    ],
    ['a missing table', 'DROP TABLE audit_head', '缺少表 audit_head'],
  ])('%s is refused by name', async (_, sql, named) => {
    const pkg = await tamperedPackage(sql);
    const before = contentHash(box.b.db);
    const e = await refused(box.b, staff.admin, 'package.import', { path: pkg });
    expect(e.code).toBe('SOURCE_SCHEMA');
    expect(e.message).toContain(named);
    expect(contentHash(box.b.db)).toBe(before);
  });

  it('a guard replaced by a do-nothing trigger of the same name is recreated at open', async () => {
    const pkg = await tamperedPackage(
      `DROP TRIGGER audit_log_no_delete;
       CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END`,
    );
    await call(box.b, staff.admin, 'package.import', { path: pkg });
    expect(() => box.b.db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow('操作日志只能追加，不能删除');
    expect(await call(box.b, staff.viewer, 'audit.verify', {})).toMatchObject({ ok: true });
  });

  it('a clean package still opens (the schema check knows its own files)', async () => {
    const pkg = await tamperedPackage('SELECT 1');
    const r = await call<{ fromVersion: number }>(box.b, staff.admin, 'package.import', { path: pkg });
    expect(r.fromVersion).toBeGreaterThan(0);
  });
});

describe('files this app made in earlier releases', () => {
  it('a backup from before schema history (migration 1 as first released, old guards) is restored and migrated', async () => {
    mkdirSync(box.backupDir, { recursive: true });
    const file = 'census_20180101-090000_手动.db';
    const old = buildBefore(join(box.backupDir, file));
    old.pragma('journal_mode = DELETE');
    old.close();
    expect(fileSchemaDifferences(join(box.backupDir, file))).toEqual([]);
    const r = await call<{ fromVersion: number }>(box.b, staff.admin, 'backup.restore', { file });
    expect(r.fromVersion).toBe(1);
  });
});

describe('a backup carrying code', () => {
  it('is refused by backup.restore, data unchanged', async () => {
    const made = await call<{ file: string; path: string }>(box.b, staff.admin, 'backup.now', {});
    const db = new Database(made.path);
    db.exec(LEAK);
    db.close();
    const before = contentHash(box.b.db);
    const e = await refused(box.b, staff.admin, 'backup.restore', { file: made.file });
    expect(e.code).toBe('SOURCE_SCHEMA');
    expect(e.message).toMatch(/^备份文件的数据库结构与本程序不符（多出的触发器 copy_ids（people））/);
    expect(contentHash(box.b.db)).toBe(before);
  });
});
