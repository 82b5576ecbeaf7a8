// The audit log is append-only and hash-chained: each entry's hash covers the previous hash and
// the entry's own content, so an edited or deleted row breaks the chain at that entry. Triggers
// refuse UPDATE and DELETE; a one-row head (count and last hash, written in the same transaction as
// each entry) shows a deleted last entry, which a chain alone cannot.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  at: string;
  operatorId: number | null;
  operatorName: string;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

const GENESIS = '0'.repeat(64);
/** The migration that creates audit_head with its table (db/migrations/005_audit_head.ts). */
const HEAD_MIGRATION = 5;

interface Head {
  count: number;
  lastId: number;
  hash: string;
}

function readHead(db: Database): Head | undefined {
  const row = db.prepare('SELECT count, last_id AS lastId, hash FROM audit_head WHERE id = 1').get() as
    Head | undefined;
  return row;
}

const headTableExists = (db: Database) =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_head'`).get() !== undefined;

const headSeen = new WeakSet<Database>();
/** Whether the head table exists (remembered once seen: installed guards are never removed by the app). */
function hasHeadTable(db: Database): boolean {
  if (headSeen.has(db)) return true;
  const found = headTableExists(db);
  if (found) headSeen.add(db);
  return found;
}

/**
 * The guards, dropped and created anew at every open (inside openDatabase's transaction), so a
 * changed guard reaches every file without a migration. Someone with the file can still drop a
 * trigger; verifyAudit then shows what they changed.
 */
const GUARDS: [name: string, sql: string][] = [
  [
    'audit_log_no_update',
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能修改'); END`,
  ],
  [
    'audit_log_no_delete',
    `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能删除'); END`,
  ],
  [
    'audit_head_follows_log',
    `CREATE TRIGGER audit_head_follows_log BEFORE UPDATE ON audit_head
WHEN NEW.last_id IS NOT (SELECT max(id) FROM audit_log)
  OR NEW.hash IS NOT (SELECT hash FROM audit_log WHERE id = NEW.last_id)
BEGIN SELECT RAISE(ABORT, '操作日志校验记录只能随日志追加而更新'); END`,
  ],
  [
    'audit_head_no_delete',
    `CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, '操作日志校验记录不能删除'); END`,
  ],
];

/** The guards on the head table: skipped when the table is gone (verifyAudit reports that). */
const HEAD_GUARDS = new Set(['audit_head_follows_log', 'audit_head_no_delete']);

/** The guard triggers' names, for the schema check of incoming files (db/schemaCheck.ts). */
export const AUDIT_GUARD_TABLES: ReadonlyMap<string, string> = new Map(
  GUARDS.map(([name]) => [name, HEAD_GUARDS.has(name) ? 'audit_head' : 'audit_log']),
);

/**
 * Drops and creates the guards (inside openDatabase's transaction). The head itself is never made
 * here: it is created with its table (migration 5) and moved only by appendAudit, so a head that
 * was dropped or cut stays a finding instead of being rebuilt from the log as it stands now.
 */
export function installAuditGuards(db: Database): void {
  db.transaction(() => {
    const hasHead = headTableExists(db);
    for (const [name, sql] of GUARDS) {
      db.exec(`DROP TRIGGER IF EXISTS ${name}`);
      if (hasHead || !HEAD_GUARDS.has(name)) db.exec(sql);
    }
  })();
}

/**
 * Moves the head, if the file has one. A head dropped behind the app's back while it runs is
 * evidence for the next open's check, not a reason to refuse every write until then.
 */
function moveHead(db: Database, sql: string, params: unknown[]): void {
  if (!hasHeadTable(db)) return;
  try {
    db.prepare(sql).run(...params);
  } catch (e) {
    if (!/no such table: audit_head/.test((e as Error).message)) throw e;
    headSeen.delete(db);
  }
}

function entryHash(prevHash: string, e: AuditEntry, beforeJson: string | null, afterJson: string | null) {
  const content = JSON.stringify([
    prevHash,
    e.at,
    e.operatorId,
    e.operatorName,
    e.action,
    e.entity,
    e.entityId,
    beforeJson,
    afterJson,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/** Appends one entry and moves the head, atomically (a savepoint inside the caller's transaction). */
export function appendAudit(db: Database, e: AuditEntry): number {
  return db.transaction(() => {
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      { hash: string } | undefined;
    const prevHash = last?.hash ?? GENESIS;
    const beforeJson = e.before === undefined || e.before === null ? null : JSON.stringify(e.before);
    const afterJson = e.after === undefined || e.after === null ? null : JSON.stringify(e.after);
    const hash = entryHash(prevHash, e, beforeJson, afterJson);
    const r = db
      .prepare(
        `INSERT INTO audit_log (at, operator_id, operator_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.at, e.operatorId, e.operatorName, e.action, e.entity, e.entityId, beforeJson, afterJson, prevHash, hash);
    const id = Number(r.lastInsertRowid);
    // A database opened without guards (a bare openDatabase in a tool) simply has no head to move.
    moveHead(
      db,
      `INSERT INTO audit_head (id, count, last_id, hash) VALUES (1, 1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET count = count + 1, last_id = excluded.last_id, hash = excluded.hash`,
      [id, hash],
    );
    return id;
  })();
}

/**
 * Appends entries in order, chained exactly as appendAudit would chain them one by one, with one
 * prepared insert and the head moved once at the end (an import's one entry per record: 20k
 * savepoints and head updates would cost more than the import's own writes).
 */
export function appendAuditMany(db: Database, entries: readonly AuditEntry[]): number[] {
  if (!entries.length) return [];
  return db.transaction(() => {
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      { hash: string } | undefined;
    let prevHash = last?.hash ?? GENESIS;
    const insert = db.prepare(
      `INSERT INTO audit_log (at, operator_id, operator_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ids: number[] = [];
    for (const e of entries) {
      const beforeJson = e.before === undefined || e.before === null ? null : JSON.stringify(e.before);
      const afterJson = e.after === undefined || e.after === null ? null : JSON.stringify(e.after);
      const hash = entryHash(prevHash, e, beforeJson, afterJson);
      const r = insert.run(
        e.at,
        e.operatorId,
        e.operatorName,
        e.action,
        e.entity,
        e.entityId,
        beforeJson,
        afterJson,
        prevHash,
        hash,
      );
      ids.push(Number(r.lastInsertRowid));
      prevHash = hash;
    }
    moveHead(
      db,
      `INSERT INTO audit_head (id, count, last_id, hash) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET count = count + excluded.count, last_id = excluded.last_id, hash = excluded.hash`,
      [entries.length, ids[ids.length - 1], prevHash],
    );
    return ids;
  })();
}

export type AuditVerdict = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/** Walks the chain in id order and names the first entry that does not fit, then checks the head. */
export function verifyAudit(db: Database): AuditVerdict {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<Record<string, unknown>>;
  let prev = GENESIS;
  let count = 0;
  let expectedId = 1;
  for (const r of rows) {
    count++;
    const id = Number(r.id);
    if (id !== expectedId) return { ok: false, count, brokenAt: expectedId, reason: `第 ${expectedId} 条日志缺失` };
    const e: AuditEntry = {
      at: String(r.at),
      operatorId: r.operator_id == null ? null : Number(r.operator_id),
      operatorName: String(r.operator_name),
      action: String(r.action),
      entity: String(r.entity),
      entityId: r.entity_id == null ? null : Number(r.entity_id),
      before: null,
      after: null,
    };
    const hash = entryHash(prev, e, (r.before_json as string | null) ?? null, (r.after_json as string | null) ?? null);
    if (r.prev_hash !== prev || r.hash !== hash)
      return { ok: false, count, brokenAt: id, reason: `第 ${id} 条日志内容与校验值不符` };
    prev = hash;
    expectedId++;
  }
  const hasTable = headTableExists(db);
  const head = hasTable ? readHead(db) : undefined;
  // Since migration 5 every file has the table (and a row once opened by the app): only an older,
  // never-written file may lack both.
  const headMade = (db.pragma('user_version', { simple: true }) as number) >= HEAD_MIGRATION;
  if (!head && count === 0 && !(headMade && !hasTable)) return { ok: true, count };
  if (!head)
    return { ok: false, count, brokenAt: count + 1, reason: '操作日志的校验记录已被删除，无法确认末尾的日志是否完整' };
  if (head.count > count) {
    return {
      ok: false,
      count,
      brokenAt: count + 1,
      reason: `第 ${count + 1} 条起的日志缺失（应有 ${head.count} 条，现存 ${count} 条）`,
    };
  }
  if (head.count < count) {
    return {
      ok: false,
      count,
      brokenAt: head.count + 1,
      reason: `第 ${head.count + 1} 条起的日志不是由本程序写入的（应有 ${head.count} 条，现存 ${count} 条）`,
    };
  }
  if (head.hash !== prev) return { ok: false, count, brokenAt: count, reason: `第 ${count} 条日志内容与校验记录不符` };
  return { ok: true, count };
}

/** The head as a backup records it: how many entries, and the id and hash of the last one. */
export interface AuditHead {
  count: number;
  lastId: number;
  hash: string;
}

/** The file's head row; null when the table or its row is gone (or the log has never been written). */
export function auditHeadOf(db: Database): AuditHead | null {
  if (!headTableExists(db)) return null;
  return readHead(db) ?? null;
}

/**
 * The O(1) part of verifyAudit, for every backup as it is written: the head is there and names the
 * log's last entry. Catches a dropped head and a cut tail left without a fixed head; an edit in the
 * middle needs the full walk (verifyAudit).
 */
export function quickAuditProblem(db: Database): string | null {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  const head = auditHeadOf(db);
  if (!last) return head && head.count > 0 ? `操作日志应有 ${head.count} 条，现存 0 条` : null;
  if (!head) return '操作日志的校验记录已被删除，无法确认末尾的日志是否完整';
  if (head.lastId !== last.id || head.hash !== last.hash || head.count !== last.id)
    return `操作日志与校验记录不符（校验记录为 ${head.count} 条，最后一条为第 ${last.id} 条）`;
  return null;
}

/**
 * Whether this log still holds what a backup recorded as its last entry: a log cut (and its head
 * copied back) below what a backup already holds, or rewritten since, no longer does.
 */
export function logMissesHead(db: Database, head: AuditHead): string | null {
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(head.lastId) as { hash: string } | undefined;
  if (!row) return `缺少第 ${head.lastId} 条`;
  if (row.hash !== head.hash) return `第 ${head.lastId} 条与备份时不同`;
  return null;
}
