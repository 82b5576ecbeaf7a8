// Making a backup: a verified SQLite copy into the backup folder, recorded in the catalogue, then
// the folder thinned to the retention tiers. Two ways, the same file either way:
// - in the background (`backupInBackground`): the copy and its full integrity_check run in the
//   backup worker thread (offThread.ts) while this thread keeps answering — the start-up, daily and
//   manual backups, and a backup ahead of a write (`backupAheadOfWrite` / `exactBackup`);
// - synchronously (`backupNow`, `writeBackup`): for a caller that must have the copy before its
//   next statement — inside a write handler's transaction (it reads through a connection of its
//   own, so it sees the last committed state) and before a migration.
import type { Database } from 'better-sqlite3';
import { mkdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupReason, BackupRecord } from '../../core/schemas/backups';
import { UserError } from '../../db/errors';
import { isEncryptedFile, keyOf, type CipherKey } from '../../db/cipher';
import { keyIdOf } from '../recoveryKey';
import { writeSnapshot, type SnapshotMade } from '../../db/snapshot';
import type { Workspace } from '../context';
import { backupFileName, forgetBackups, listBackups, recordCheck, type CatalogEntry } from './catalog';
import { dataBaseName } from './folder';
import { snapshotInBackground } from './offThread';
import { backupsToKeep } from './tiers';
import { copyMissesRecordedHead } from '../auditCheck';

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

/** Paths promised to backups being written in the background: a second one picks the next name. */
const inFlight = new Set<string>();

interface Made {
  folder: string;
  base: string;
  file: string;
  reason: BackupReason;
  at: Date;
  /** The key the copy is under (that of its source: VACUUM INTO keeps it). */
  key: CipherKey | null;
}

/** A verified copy is in place under its name: recorded in the catalogue, then the folder thinned. */
function catalogued({ folder, base, file, reason, at, key }: Made, made: SnapshotMade) {
  const auditProblem = made.audit?.problem ?? copyMissesRecordedHead(folder, base, join(folder, file), key);
  const entry: CatalogEntry = {
    createdAt: at.toISOString(),
    reason,
    size: made.size,
    // A copy of tampered data is still a copy, but never listed as 完好.
    status: auditProblem ? '日志不符' : '完好',
    checkedAt: new Date().toISOString(),
    schemaVersion: made.schemaVersion,
    problem: auditProblem,
    audit: made.audit?.head ?? null,
    keyId: key ? keyIdOf(key) : null,
  };
  recordCheck(folder, base, file, entry);
  pruneBackups(folder, base);
  const { audit: _head, keyId: _keyId, ...shown } = entry;
  return { file, path: join(folder, file), ...shown } satisfies BackupRecord;
}

/**
 * Writes one catalogued backup of `source` (a connection — its own key — or the data file's path,
 * read through `key`, the office's key).
 */
export function writeBackup(
  folder: string,
  dataPath: string,
  source: Database | string,
  reason: BackupReason,
  at = new Date(),
  key: CipherKey | null = typeof source === 'string' ? null : keyOf(source),
): BackupRecord {
  prepareFolder(folder);
  const base = dataBaseName(dataPath);
  const file = backupFileName(folder, base, at, reason, (p) => inFlight.has(p));
  const made = writeSnapshot(source, join(folder, file), { key });
  return catalogued({ folder, base, file, reason, at, key: copyKey(join(folder, file), key) }, made);
}

/** A copy is encrypted exactly when its source was: a plain data file gives a plain copy whatever key is at hand. */
const copyKey = (copy: string, key: CipherKey | null) => (key && isEncryptedFile(copy) ? key : null);

/** writeBackup of the data file as last committed, with the copy and its check in the backup worker. */
export async function writeBackupInBackground(
  folder: string,
  dataPath: string,
  reason: BackupReason,
  at = new Date(),
  key: CipherKey | null = null,
): Promise<BackupRecord> {
  prepareFolder(folder);
  const base = dataBaseName(dataPath);
  const file = backupFileName(folder, base, at, reason, (p) => inFlight.has(p));
  const path = join(folder, file);
  inFlight.add(path);
  try {
    const made = await snapshotInBackground(dataPath, path, { key });
    return catalogued({ folder, base, file, reason, at, key: copyKey(path, key) }, made);
  } finally {
    inFlight.delete(path);
  }
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

function refuseMemory(ws: Workspace) {
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法备份');
}

/** A backup of the workspace's data as last committed, into its backup folder (synchronous). */
export function backupNow(ws: Workspace, reason: BackupReason, at = new Date()): BackupRecord {
  refuseMemory(ws);
  return writeBackup(ws.backupDir, ws.path, ws.path, reason, at, ws.key);
}

/** backupNow with the copy and its check in the backup worker: this thread answers meanwhile. */
export async function backupInBackground(ws: Workspace, reason: BackupReason, at = new Date()): Promise<BackupRecord> {
  refuseMemory(ws);
  return writeBackupInBackground(ws.backupDir, ws.path, reason, at, ws.key);
}

/**
 * What the data looked like to this app's one writing connection: the connection itself, the rows
 * it has changed since it opened (`total_changes()`, which counts every INSERT, UPDATE and DELETE,
 * rolled back or not) and `data_version` (which moves when another connection commits). Equal
 * marks mean nothing was written in between.
 */
interface WriteMark {
  db: Database;
  changes: number;
  dataVersion: number;
}

function writeMark(ws: Workspace): WriteMark {
  const db = ws.db;
  return {
    db,
    changes: db.prepare('SELECT total_changes()').pluck().get() as number,
    dataVersion: db.pragma('data_version', { simple: true }) as number,
  };
}

/** A backup made ahead of a write, and the mark of the data it may have copied. */
export interface AheadBackup {
  record: BackupRecord;
  mark: WriteMark;
}

/**
 * The first half of "a backup of the data exactly as it was before this write": the copy is made
 * in the background, before the write's transaction (a two-phase handler's prepare). The mark is
 * taken before the copy starts, so if it still holds when the write begins, nothing was written
 * between the mark and the write, and the copy — made after the mark — is exactly that data.
 */
export async function backupAheadOfWrite(ws: Workspace, reason: BackupReason, at = new Date()): Promise<AheadBackup> {
  refuseMemory(ws);
  const mark = writeMark(ws);
  return { record: await backupInBackground(ws, reason, at), mark };
}

/**
 * The second half, inside the write's transaction before it writes anything: the backup made
 * ahead if nothing was written since its mark, otherwise (or without one) a synchronous backup now,
 * so the import, restore… always has a verified copy of exactly the data it starts from.
 */
export function exactBackup(ws: Workspace, ahead: AheadBackup | null, reason: BackupReason): BackupRecord {
  if (ahead && sameMark(ahead.mark, writeMark(ws))) return ahead.record;
  return backupNow(ws, reason);
}

const sameMark = (a: WriteMark, b: WriteMark) =>
  a.db === b.db && a.changes === b.changes && a.dataVersion === b.dataVersion;
