// When the data file cannot be opened: say what happened and offer the latest good backup. The
// damaged file is never repaired or overwritten in place; restoring at start-up moves it aside
// (kept, renamed) and puts a verified copy of the chosen backup in its place.
import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupRecord } from '../../core/schemas/backups';
import { UserError } from '../../db/errors';
import type { CipherKey } from '../../db/cipher';
import { checkDatabaseFile, syncFolder, writeSnapshot } from '../../db/snapshot';
import { refuseForeignSchema } from './schemaGate';
import { acquireWriterLock } from '../../db/writerLock';
import { listBackups, supersedeBackups } from './catalog';
import { dataBaseName } from './folder';
import { clearRestoreIntent } from './restoreIntent';

/** An open that failed, with the backup the shell should offer (null: there is none). */
export class StartupError extends UserError {
  constructor(
    code: string,
    message: string,
    readonly latestBackup: BackupRecord | null,
    /** What went wrong, without the command-line way out the message adds (a shell offers a button instead). */
    readonly problem: string = message,
  ) {
    super(code, message);
    this.name = 'StartupError';
  }
}

/** Errors after which the data itself needs replacing; others (locked, newer, read-only) do not. */
const NEEDS_BACKUP = new Set(['DB_CORRUPT', 'DB_UNREADABLE']);

/**
 * The newest backup that passes a full integrity_check now (checked newest first, stops at the
 * first), read through the office's key; one that key does not open (an older 恢复码) is passed over.
 */
export function latestGoodBackup(dataPath: string, folder: string, key: CipherKey | null = null): BackupRecord | null {
  for (const row of listBackups(folder, dataBaseName(dataPath))) {
    if (row.status === '已损坏') continue;
    let check;
    try {
      check = checkDatabaseFile(row.path, { key });
    } catch {
      continue; // RECOVERY_CODE_NEEDED / RECOVERY_CODE_WRONG: not openable with this key
    }
    if (check.ok) return { ...row, status: '完好', schemaVersion: check.schemaVersion };
  }
  return null;
}

const localTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Adds the way out to a failed open: the latest good backup and how to restore it. */
export function explainStartupFailure(
  e: unknown,
  dataPath: string,
  folder: string,
  key: CipherKey | null = null,
): unknown {
  if (!(e instanceof UserError) || !NEEDS_BACKUP.has(e.code)) return e;
  const backup = latestGoodBackup(dataPath, folder, key);
  const offer = backup
    ? `最近一份完好的备份是 ${localTime(backup.createdAt)} 的 ${backup.path}。可用它恢复：在程序目录运行 npm run restore-backup -- "${dataPath}" "${backup.path}"（损坏的文件会改名保留，不会删除）。`
    : `在备份文件夹 ${folder} 中没有找到可用的备份，请联系技术人员，并保留损坏的文件。`;
  return new StartupError(e.code, `${e.message}\n${offer}`, backup, e.message);
}

/**
 * Puts a backup in place of a data file that cannot be opened; the app must not have it open.
 * Returns where the damaged file was moved to (null if there was none). An encrypted backup is
 * read through `key` and its copy stays encrypted under it.
 */
export function restoreAtStartup(
  dataPath: string,
  backupPath: string,
  at = new Date(),
  key: CipherKey | null = null,
): string | null {
  const check = checkDatabaseFile(backupPath, { key });
  if (!check.ok) throw new UserError('SOURCE_DAMAGED', `备份文件无法使用：${check.problem}`);
  refuseForeignSchema(backupPath, '备份文件', '数据文件未作任何改动。', key);
  const staged = `${dataPath}.restoring`;
  if (existsSync(staged)) renameSync(staged, `${staged}.old-${at.getTime()}`);
  writeSnapshot(backupPath, staged, { key });
  let keptAs: string | null = null;
  if (existsSync(dataPath)) {
    keptAs = `${dataPath}.损坏-${at.getTime()}`;
    // The -wal belongs to the damaged file: it moves with it and is never replayed into the backup.
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(dataPath + suffix)) renameSync(dataPath + suffix, keptAs + suffix);
    renameSync(dataPath, keptAs);
  }
  renameSync(staged, dataPath);
  syncFolder(dirname(dataPath));
  // A restore killed before its audit entry left an intent about the file just moved aside: the data
  // now comes from this backup, so there is nothing of that restore left to record.
  clearRestoreIntent(dataPath);
  supersedeBackups(dirname(backupPath), dataBaseName(dataPath));
  return keptAs;
}

/** restoreAtStartup for a shell: refused (DB_LOCKED) while another instance has the file open. */
export function restoreAtStartupLocked(
  dataPath: string,
  backupPath: string,
  at = new Date(),
  key: CipherKey | null = null,
): string | null {
  const lock = acquireWriterLock(dataPath);
  try {
    return restoreAtStartup(dataPath, backupPath, at, key);
  } finally {
    lock.release();
  }
}
