// The audit log is append-only and hash-chained: each entry's hash covers the previous hash and
// the entry's own content, so an edited or deleted row breaks the chain at that entry.
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

function entryHash(prevHash: string, e: AuditEntry, beforeJson: string | null, afterJson: string | null) {
  const content = JSON.stringify([prevHash, e.at, e.operatorId, e.operatorName, e.action, e.entity, e.entityId, beforeJson, afterJson]);
  return createHash('sha256').update(content).digest('hex');
}

export function appendAudit(db: Database, e: AuditEntry): number {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
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
  return Number(r.lastInsertRowid);
}

export type AuditVerdict = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/** Walks the chain in id order and names the first entry that does not fit. */
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
    if (r.prev_hash !== prev || r.hash !== hash) return { ok: false, count, brokenAt: id, reason: `第 ${id} 条日志内容与校验值不符` };
    prev = hash;
    expectedId++;
  }
  return { ok: true, count };
}
