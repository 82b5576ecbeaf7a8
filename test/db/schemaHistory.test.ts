// Migration 1 became literal SQL and the views moved out of it (db/views, recreated at every
// open). A new database must still get exactly the tables, indexes and triggers the code made
// before that change, and a file made before it must open as it was, with the current views.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { VIEWS } from '../../db/views';
import { LATEST_VERSION, migrations } from '../../db/migrations';
import { buildBefore, currentView, master, stored } from './fixtures/before';

/**
 * The views whose definitions changed on purpose: training status from db/views/derived.ts; the
 * contract views' "today" from the backend's clock (census_today()) instead of SQLite's date('now');
 * the export history's submission columns (migration 2: export id, correction reason, digest, status);
 * roles lists ordered in a subquery so SQLite 3.40 tools read the file (test/db/olderSqliteTools.test.ts).
 */
const CHANGED_VIEWS = [
  'audit_log_view',
  'census_districts_view',
  'people_view',
  'contract_nodes_view',
  'contracts_view',
  'report_exports_view',
  'training_attendance_view',
];
/** Views added after migration 1, over tables of later migrations: the generated file never had them. */
const NEW_VIEWS = ['devices_view', 'quality_checks_view', 'problems_view'];
/** Columns a changed view added on purpose (the others must stay). */
const ADDED_COLUMNS: Record<string, string> = {
  report_exports_view: ',export_uid,correction_reason,digest,status',
  // Issue 17: assignees who have left are not counted; the contract deadlines in working days.
  census_districts_view: ',enumerator_count,supervisor_count,left_assignee_ids',
  contracts_view: ',publish_due,file_due,deadline_note',
  // Each audit entry names its object (core/auditLabels.ts).
  audit_log_view: ',object_name',
};

const viewColumns = (db: Db) =>
  Object.fromEntries(
    master(db, ['view'])
      .filter((v) => !NEW_VIEWS.includes(v.name))
      .map((v) => [
        v.name,
        (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(v.name) as string[]).join(','),
      ]),
  );
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'censusdesk-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 1 as literal SQL', () => {
  it('creates exactly the tables, indexes and triggers the generated migration 1 did', () => {
    const before = buildBefore();
    // What the migrations after the first add, applied to the old file, is what a new file has.
    for (const m of migrations.slice(1)) m.up(before);
    const { db: after } = openDatabase(join(dir, 'new.db'), { seed: false });
    expect(stored(after)).toEqual(stored(before));
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // The same views with the same columns, apart from the columns added on purpose.
    const expectedColumns = Object.fromEntries(
      Object.entries(viewColumns(before)).map(([name, cols]) => [name, cols + (ADDED_COLUMNS[name] ?? '')]),
    );
    expect(viewColumns(after)).toEqual(expectedColumns);
    const beforeViews = new Map(master(before, ['view']).map((v) => [v.name, v.sql]));
    for (const v of master(after, ['view'])) {
      if (CHANGED_VIEWS.includes(v.name) || NEW_VIEWS.includes(v.name)) continue;
      expect(v.sql, v.name).toBe(beforeViews.get(v.name));
    }
    before.close();
    after.close();
  });

  it('opens a file made before the change as it was, with the current views', () => {
    const path = join(dir, 'old.db');
    const old = buildBefore(path);
    const at = '2018-05-01T00:00:00.000Z';
    old
      .prepare(
        `INSERT INTO people (person_code, name, sex, birth_date, id_number, status, created_at, updated_at)
         VALUES ('51132300001', '张三', '男', '1980-01-01', '511323198001010011', '在岗', ?, ?)`,
      )
      .run(at, at);
    old
      .prepare(
        `INSERT INTO training_sessions (name, kind, host_level, start_date, end_date, created_at, updated_at)
         VALUES ('清查培训', '清查技术', '县', '2018-05-01', '2018-05-01', ?, ?)`,
      )
      .run(at, at);
    old
      .prepare(
        `INSERT INTO training_attendance (session_id, person_id, signed_in, passed, created_at, updated_at)
         VALUES (1, 1, 1, 0, ?, ?)`,
      )
      .run(at, at);
    old.close();
    // The same file with the later migrations applied by hand: what opening it must give.
    const expected = new Database(path);
    const copy = join(dir, 'expected.db');
    expected.exec(`VACUUM INTO '${copy}'`);
    expected.close();
    const migrated = new Database(copy);
    for (const m of migrations.slice(1)) m.up(migrated);
    const tables = stored(migrated);
    migrated.close();

    const { db, fromVersion, backupPath } = openDatabase(path);
    expect(fromVersion).toBe(1);
    // A file behind the latest version is backed up before it is migrated.
    expect(backupPath !== null).toBe(LATEST_VERSION > 1);
    expect(stored(db)).toEqual(tables);
    expect(
      master(db, ['view'])
        .map((v) => v.sql)
        .sort(),
    ).toEqual([...VIEWS].sort());
    expect(db.prepare('SELECT training_status FROM people_view WHERE id = 1').pluck().get()).toBe('已培训');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('views are recreated at every open', () => {
  it('replaces a stale view and drops one the code no longer has, in the same open', () => {
    const path = join(dir, 'v.db');
    openDatabase(path).db.close();
    const raw = new Database(path);
    raw.exec(`DROP VIEW people_view; CREATE VIEW people_view AS SELECT 1 AS stale; CREATE VIEW gone_view AS SELECT 2`);
    raw.close();
    const { db } = openDatabase(path);
    expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'people_view'`).pluck().get()).toBe(
      currentView('people_view'),
    );
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'gone_view'`).pluck().get()).toBe(0);
    db.close();
  });

  it('recreates the audit guards too: a weakened guard is put back', () => {
    const path = join(dir, 'g.db');
    openDatabase(path).db.close();
    const raw = new Database(path);
    raw.exec(
      `DROP TRIGGER audit_log_no_delete; CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END`,
    );
    raw.close();
    const { db } = openDatabase(path);
    expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_delete'`).pluck().get()).toContain(
      '操作日志只能追加，不能删除',
    );
    db.close();
  });
});
