// Making a backup: a verified SQLite copy into the backup folder, recorded in the catalogue, then
// the folder thinned to the retention tiers. `backupNow` is what other areas call (the importer
// before an import): it reads through a connection of its own, so it sees the last committed
// state and may be called from inside a write handler's transaction.
import type { Database } from 'better-sqlite3';
import { mkdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupReason, BackupRecord } from '../../core/schemas/backups';
import { UserError } from '../../db/errors';
import { writeSnapshot } from '../../db/snapshot';
import type { Workspace } from '../context';
import { backupFileName, forgetBackups, listBackups, recordCheck } from './catalog';
import { dataBaseName } from './folder';
import { backupsToKeep } from './tiers';

function prepareFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw new UserError(
      'BACKUP_FOLDER',
      `无法创建备份文件夹 ${folder}：${(e as Error).message}。请在“安全设置”中选择其他备份文件夹。`,
    );
  }
}

/** Writes one catalogued backup of `source` (a connection, or the data file's path). */
export function writeBackup(
  folder: string,
  dataPath: string,
  source: Database | string,
  reason: BackupReason,
  at = new Date(),
): BackupRecord {
  prepareFolder(folder);
  const base = dataBaseName(dataPath);
  const file = backupFileName(folder, base, at, reason);
  const path = join(folder, file);
  const { size, schemaVersion } = writeSnapshot(source, path);
  const checkedAt = new Date().toISOString();
  const entry = {
    createdAt: at.toISOString(),
    reason,
    size,
    status: '完好' as const,
    checkedAt,
    schemaVersion,
    problem: null,
  };
  recordCheck(folder, base, file, entry);
  pruneBackups(folder, base);
  return { file, path, ...entry };
}

/** Deletes what the tiers no longer keep. A file that cannot be deleted now is tried again next time. */
export function pruneBackups(folder: string, base: string): string[] {
  const rows = listBackups(folder, base);
  const keep = backupsToKeep(rows);
  const removed: string[] = [];
  for (const r of rows) {
    if (keep.has(r.file)) continue;
    try {
      unlinkSync(r.path);
      removed.push(r.file);
    } catch {
      // e.g. opened by another program on Windows: harmless, pruned on a later run.
    }
  }
  if (removed.length) forgetBackups(folder, base, removed);
  return removed;
}

/** A backup of the workspace's data as last committed, into its backup folder. */
export function backupNow(ws: Workspace, reason: BackupReason, at = new Date()): BackupRecord {
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法备份');
  return writeBackup(ws.backupDir, ws.path, ws.path, reason, at);
}
