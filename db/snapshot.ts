// Consistent copies of the store, made by SQLite itself (VACUUM INTO), checked, synced and only then
// given their final name — so a file under a backup's name is always complete and verified. Used
// for pre-migration copies, backups and data packages alike.
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from './errors';
import { auditHeadOf, quickAuditProblem, verifyAudit, type AuditHead } from './audit';
import { keyOf, openSqlite, type CipherKey } from './cipher';

/** Tables every CensusDesk database has: a file without them is some other SQLite file. */
const OWN_TABLES = ['office_profile', 'operators', 'audit_log'];

/** What a checked copy says about its audit log: its head, and what does not fit (null: nothing). */
export interface AuditCheck {
  head: AuditHead | null;
  problem: string | null;
}

/** What writeSnapshot made: the copy's size, schema version and what its audit log says. */
export interface SnapshotMade {
  size: number;
  schemaVersion: number;
  audit: AuditCheck | null;
}

export type FileCheck =
  | { ok: true; schemaVersion: number; audit?: AuditCheck }
  | { ok: false; schemaVersion: number | null; problem: string };

export interface CheckOptions {
  quick?: boolean;
  fullAudit?: boolean;
  /** The office's key: an encrypted file is read through it (a plain one opens without). */
  key?: CipherKey | null;
}

/**
 * Opens a closed database file read-only and runs the full integrity_check (quick: quick_check,
 * for start-up on big files). Never writes: a damaged file stays exactly as it is. An encrypted
 * file without its key throws RECOVERY_CODE_NEEDED / RECOVERY_CODE_WRONG (not a damaged file).
 */
export function checkDatabaseFile(path: string, opts: CheckOptions = {}): FileCheck {
  let db: Db;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true, timeout: 2000 }, opts.key ?? null);
  } catch (e) {
    // A missing or wrong key is the caller's to ask for, not a finding about the file.
    if (e instanceof UserError) throw e;
    return { ok: false, schemaVersion: null, problem: describeSqliteFailure(e) };
  }
  return checkOpened(db, opts);
}

function checkOpened(db: Db, opts: CheckOptions): FileCheck {
  try {
    // Nothing the file holds may call a function while it is read.
    db.pragma('trusted_schema = OFF');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const rows = db.pragma(opts.quick ? 'quick_check(20)' : 'integrity_check(20)') as Record<string, string>[];
    const messages = rows.map((r) => Object.values(r)[0]);
    if (messages.length !== 1 || messages[0] !== 'ok') {
      return { ok: false, schemaVersion, problem: `数据库结构检查未通过（${messages.slice(0, 3).join('；')}）` };
    }
    if (schemaVersion > 0) {
      const tables = new Set(
        (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
          (t) => t.name,
        ),
      );
      const missing = OWN_TABLES.filter((t) => !tables.has(t));
      if (missing.length) return { ok: false, schemaVersion, problem: '不是普查办工作台的数据文件' };
      return { ok: true, schemaVersion, audit: auditCheckOf(db, opts.fullAudit ?? false) };
    }
    return { ok: true, schemaVersion };
  } catch (e) {
    return { ok: false, schemaVersion: null, problem: describeSqliteFailure(e) };
  } finally {
    db.close();
  }
}

/** The head and, cheaply (or with the full walk), whether the log fits it. */
function auditCheckOf(db: Db, full: boolean): AuditCheck {
  let problem = quickAuditProblem(db);
  if (!problem && full) {
    const verdict = verifyAudit(db);
    if (!verdict.ok) problem = verdict.reason;
  }
  return { head: auditHeadOf(db), problem: problem && `操作日志校验未通过：${problem}` };
}

/** The clerk's words for what SQLite said when a file could not be read. */
export function describeSqliteFailure(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (code === 'SQLITE_NOTADB') return '文件已损坏或不是数据库文件';
  if (code.startsWith('SQLITE_CORRUPT')) return `文件已损坏（${message}）`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return '文件正被其他程序使用';
  if (code.startsWith('SQLITE_CANTOPEN')) return '无法打开文件（文件不存在或没有访问权限）';
  return message;
}

/** Flushes a file's content to the disk. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename) to the disk; Windows cannot open folders and does not need it. */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(path: string) {
  try {
    if (existsSync(path)) unlinkSync(path);
  } catch {
    // A leftover partial file has no final name, so nothing will ever mistake it for a backup.
  }
}

const isDiskFull = (e: unknown) => {
  const code = (e as { code?: string }).code ?? '';
  return code === 'ENOSPC' || code === 'SQLITE_FULL' || /disk is full|ENOSPC/i.test((e as Error).message ?? '');
};

export interface SnapshotOptions {
  /**
   * Replace a file already at `dest` (a path the clerk chose in a save dialog that asked). The
   * rename over it is atomic: a failure at any point leaves the old file as it was. Off by default:
   * a backup, a staged restore or a pre-migration copy must never overwrite anything.
   */
  replace?: boolean;
  /**
   * The key of a `source` given as a path (an encrypted file is read through it). A connection
   * brings its own. VACUUM INTO writes the copy under the source connection's key and cipher, so a
   * copy of an encrypted file is encrypted, and it is checked through the same key.
   */
  key?: CipherKey | null;
}

/**
 * Writes a verified copy of `source` (an open connection, or the path of a database — then a
 * read-only connection of its own is used, which sees the last committed state even while another
 * connection is inside a write transaction). Returns the copy's size and schema version.
 */
export function writeSnapshot(source: Db | string, dest: string, opts: SnapshotOptions = {}): SnapshotMade {
  if (!opts.replace && existsSync(dest)) throw new UserError('BACKUP_EXISTS', `目标文件已存在，未覆盖：${dest}`);
  const partial = `${dest}.partial`;
  removeQuietly(partial);
  const key = typeof source === 'string' ? (opts.key ?? null) : keyOf(source);
  const own =
    typeof source === 'string' ? openSqlite(source, { readonly: true, fileMustExist: true, timeout: 5000 }, key) : null;
  try {
    (own ?? (source as Db)).prepare('VACUUM INTO ?').run(partial);
  } catch (e) {
    removeQuietly(partial);
    if (isDiskFull(e)) throw new UserError('DISK_FULL', `磁盘空间不足，备份未完成（${dirname(dest)}）`);
    throw new UserError('BACKUP_FAILED', `备份未完成：${describeSqliteFailure(e)}`);
  } finally {
    own?.close();
  }
  const check = checkDatabaseFile(partial, { key });
  if (!check.ok) {
    removeQuietly(partial);
    throw new UserError('BACKUP_FAILED', `备份写出后校验未通过，已删除该副本：${check.problem}`);
  }
  try {
    syncFile(partial);
    renameSync(partial, dest);
    syncFolder(dirname(dest));
  } catch (e) {
    removeQuietly(partial);
    if (isDiskFull(e)) throw new UserError('DISK_FULL', `磁盘空间不足，备份未完成（${dirname(dest)}）`);
    if (opts.replace && existsSync(dest)) {
      // Typically Windows refusing to replace a file another program has open.
      throw new UserError(
        'TARGET_IN_USE',
        `无法替换 ${dest}（${(e as Error).message}），原文件保持不变。请关闭正在使用该文件的程序，或另选保存位置。`,
      );
    }
    throw new UserError('BACKUP_FAILED', `备份未完成：${(e as Error).message}`);
  }
  return { size: statSync(dest).size, schemaVersion: check.schemaVersion, audit: check.audit ?? null };
}
