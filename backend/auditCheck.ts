// The audit log is verified once after every open of the data file (start, restore, data package)
// and the finding kept for as long as that connection lives: the whole chain (verifyAudit), then
// the log against the head recorded by the backup of this data with the most entries, which
// catches a tail cut with its new last hash copied into audit_head. A broken log is shown to every
// operator on the dashboard and blocks nothing else. While the app has the file open its own
// appends keep the chain as it was; a change made behind its back is found at the next open.
//
// Cost: 1.2–1.8 s at 100k entries on this machine, so a big log is walked in the backup worker on
// a read-only connection of its own; a small one (under AUDIT_OFF_THREAD.fromEntries) right here.
import type { Database as Db } from 'better-sqlite3';
import { openSqlite, type CipherKey } from '../db/cipher';
import { logMissesHead, verifyAudit, type AuditVerdict } from '../db/audit';
import type { Workspace } from './context';
import { newestRecordedHead } from './backups/catalog';
import { dataBaseName } from './backups/folder';
import { verifyAuditInBackground } from './backups/offThread';

export interface AuditFinding {
  ok: boolean;
  /** Entries walked. */
  count: number;
  /** What does not fit, in the clerk's words; null when intact. */
  message: string | null;
}

/**
 * From how many entries the chain is walked off this thread (tests lower it). A walk on this thread
 * delays every request meanwhile, and runs right after start-up, cold: ~250 µs an entry then (295 ms
 * for 1,172 entries at 100k people, the first answer after the ready line waiting for it), so only
 * a log of a few hundred entries stays here.
 */
export const AUDIT_OFF_THREAD = { fromEntries: 200 };

const findings = new WeakMap<Db, Promise<AuditFinding>>();

const onDisk = (ws: Workspace) => ws.path !== ':memory:' && ws.path !== '';
const localTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

async function walk(ws: Workspace, db: Db): Promise<AuditVerdict> {
  const entries = db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
  return entries >= AUDIT_OFF_THREAD.fromEntries && onDisk(ws)
    ? verifyAuditInBackground(ws.path, ws.key)
    : verifyAudit(db);
}

async function check(ws: Workspace, db: Db): Promise<AuditFinding> {
  const verdict = await walk(ws, db);
  if (!verdict.ok) return { ok: false, count: verdict.count, message: `操作日志校验未通过：${verdict.reason}` };
  if (onDisk(ws) && ws.backupDir) {
    const recorded = newestRecordedHead(ws.backupDir, dataBaseName(ws.path));
    const miss = recorded && logMissesHead(db, recorded.head);
    if (recorded && miss) {
      return {
        ok: false,
        count: verdict.count,
        message: `操作日志与 ${localTime(recorded.createdAt)} 的备份（${recorded.file}，当时共 ${recorded.head.count} 条）不符：${miss}，日志末尾可能被删除或改写`,
      };
    }
  }
  return { ok: true, count: verdict.count, message: null };
}

/** The finding for the workspace's current connection: computed once per open, then kept. */
export function auditFinding(ws: Workspace): Promise<AuditFinding> {
  const db = ws.db;
  let found = findings.get(db);
  if (!found) {
    found = check(ws, db);
    findings.set(db, found);
    // A failed check (the worker could not read the file) is not a finding: tried again next time.
    found.catch(() => findings.delete(db));
  }
  return found;
}

/**
 * Whether a new backup copy still holds what an earlier backup of this data recorded as its last
 * entry (null: it does, or nothing was recorded). A copy of a log cut behind the app's back is then
 * listed 日志不符, not 完好, even though its own head was made to fit.
 */
export function copyMissesRecordedHead(
  folder: string,
  base: string,
  copyPath: string,
  key: CipherKey | null = null,
): string | null {
  const recorded = newestRecordedHead(folder, base);
  if (!recorded) return null;
  const copy = openSqlite(copyPath, { readonly: true, fileMustExist: true }, key);
  try {
    copy.pragma('trusted_schema = OFF');
    const miss = logMissesHead(copy, recorded.head);
    return miss && `操作日志校验未通过：与 ${localTime(recorded.createdAt)} 的备份（${recorded.file}）相比${miss}`;
  } finally {
    copy.close();
  }
}
