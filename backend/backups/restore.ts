// Replacing the live data with a backup or a data package. Order: check the source in full, make
// a safety copy of the current data, stage a verified copy next to the data file, then close, swap
// (one atomic rename) and reopen. A crash at any point leaves either the old file or the new one
// in place, and the safety copy in the backup folder. If the swapped-in file will not open, the
// safety copy goes back the same way. Under encryption (sourceKeys.ts) the source is read with its
// key, refused before anything moves when its 恢复码 is missing or wrong, and the staged copy is put
// under the data file's key before the swap.
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { BackupRecord } from '../../core/schemas/backups';
import { LATEST_VERSION } from '../../db/migrations';
import { UserError } from '../../db/errors';
import type { CipherKey } from '../../db/cipher';
import { syncFolder, writeSnapshot, type FileCheck } from '../../db/snapshot';
import type { Workspace } from '../context';
import { listBackups, recordCheck, supersedeBackups } from './catalog';
import { dataBaseName } from './folder';
import { backgroundIdle, checkInBackground, snapshotInBackground } from './offThread';
import { backupAheadOfWrite, exactBackup } from './write';
import { refuseForeignSchema } from './schemaGate';
import { clearRestoreIntent, writeRestoreIntent } from './restoreIntent';
import { keysFor, rekeyStaged, type SourceKeys } from './sourceKeys';

const UNCHANGED = '当前数据未作任何改动。';

/** The backup named `file` in the workspace's folder, or a NOT_FOUND naming it. */
export function findBackup(ws: Workspace, file: string): BackupRecord {
  const found = listBackups(ws.backupDir, dataBaseName(ws.path)).find((r) => r.file === file);
  if (!found)
    throw new UserError('NOT_FOUND', `备份文件不存在：${file}（备份文件夹 ${ws.backupDir}）`, [
      { path: 'file', message: '备份文件不存在' },
    ]);
  return found;
}

/** Runs the full integrity_check on one backup again (in the backup worker) and records the result. */
export async function verifyBackup(ws: Workspace, file: string): Promise<BackupRecord> {
  const row = findBackup(ws, file);
  // The whole audit chain too: a backup of tampered data is never 完好.
  const check = await checkInBackground(row.path, { fullAudit: true, key: ws.key });
  const auditProblem = check.ok ? (check.audit?.problem ?? null) : null;
  const entry = {
    createdAt: row.createdAt,
    reason: row.reason,
    size: row.size,
    status: !check.ok ? ('已损坏' as const) : auditProblem ? ('日志不符' as const) : ('完好' as const),
    checkedAt: new Date().toISOString(),
    schemaVersion: check.schemaVersion,
    problem: check.ok ? auditProblem : check.problem,
  };
  recordCheck(ws.backupDir, dataBaseName(ws.path), file, { ...entry, audit: check.ok ? check.audit?.head : null });
  return { ...row, ...entry };
}

/** Refuses a source that is damaged, from a newer app, or not CensusDesk data — before anything moves. */
function checkSource(path: string, what: string, check: FileCheck, key: CipherKey | null): number {
  if (!check.ok) throw new UserError('SOURCE_DAMAGED', `${what}无法使用：${check.problem}。${UNCHANGED}`);
  if (check.schemaVersion > LATEST_VERSION) {
    throw new UserError(
      'SOURCE_TOO_NEW',
      `${what}由更高版本的普查办工作台创建（数据版本 ${check.schemaVersion}，本程序支持到 ${LATEST_VERSION}），请升级程序后再恢复。${UNCHANGED}`,
    );
  }
  if (check.schemaVersion === 0)
    throw new UserError('SOURCE_DAMAGED', `${what}不是普查办工作台的数据文件。${UNCHANGED}`);
  refuseForeignSchema(path, what, UNCHANGED, key);
  return check.schemaVersion;
}

function refuseMissing(path: string, what: string) {
  if (!existsSync(path)) throw new UserError('NOT_FOUND', `${what}不存在：${path}`);
}

function swapIn(ws: Workspace, staged: string): void {
  ws.reopen(() => {
    renameSync(staged, ws.path);
    syncFolder(dirname(ws.path));
  });
}

export interface Replaced {
  restoredFrom: string;
  safetyCopy: BackupRecord;
  fromVersion: number;
}

/**
 * Replaces the workspace's data with the database file at `source`, its long parts — the source's
 * full check, the safety copy, the staged copy — in the backup worker, while this thread answers.
 * The swap itself stays here and synchronous, after every background job has let go of the file;
 * a write that landed meanwhile gets a safety copy of its own then (exactBackup), so the safety
 * copy is always exactly the data being replaced. `recoveryCode`: the source's, when it is
 * encrypted under a key other than the data file's.
 */
export async function replaceDataInBackground(
  ws: Workspace,
  source: string,
  what: string,
  recoveryCode?: string,
): Promise<Replaced> {
  refuseMissing(source, what);
  const keys = await keysFor(ws, source, what, recoveryCode);
  const fromVersion = checkSource(source, what, await checkInBackground(source, { key: keys.source }), keys.source);
  const ahead = await backupAheadOfWrite(ws, '恢复前');
  const staged = stagedPath(ws);
  // Staged through SQLite: consistent even if the source were open elsewhere, and checked.
  await snapshotInBackground(source, staged, { key: keys.source });
  await refuseStagedSchema(staged, what, keys);
  await backgroundIdle();
  return swapStaged(ws, source, what, staged, exactBackup(ws, ahead, '恢复前'), fromVersion, keys);
}

/**
 * The staged copy, put under the data file's key, gets the same schema check (read through that
 * key): the source may have changed since it was checked.
 */
async function refuseStagedSchema(staged: string, what: string, keys: SourceKeys): Promise<void> {
  try {
    await rekeyStaged(staged, keys);
    refuseForeignSchema(staged, what, UNCHANGED, keys.target);
  } catch (e) {
    if (existsSync(staged)) unlinkSync(staged);
    throw e;
  }
}

function stagedPath(ws: Workspace): string {
  const staged = `${ws.path}.restoring`;
  if (existsSync(staged)) unlinkSync(staged);
  return staged;
}

function swapStaged(
  ws: Workspace,
  source: string,
  what: string,
  staged: string,
  safetyCopy: BackupRecord,
  fromVersion: number,
  keys: SourceKeys,
): Replaced {
  // Announced before the rename, so a kill before this call's audit entry is settled at the next
  // start (restoreIntent.ts); dispatch removes it once the entry is written.
  writeRestoreIntent(ws.path, {
    action: what === '备份文件' ? 'restore' : 'import',
    entity: what === '备份文件' ? 'backup' : 'package',
    staged,
    after: { from: what === '备份文件' ? basename(source) : source, safetyCopy: safetyCopy.file, fromVersion },
  });
  try {
    // A plain data file taking an encrypted source's key (a new PC): encrypted under it first, so
    // the file reopens under that key once the staged copy is in place. Never plain on disk.
    if (keys.target && !ws.key) ws.rekey(keys.target);
    swapIn(ws, staged);
  } catch (e) {
    // Nothing was replaced in the end (the safety copy goes back, or the error says where it is).
    clearRestoreIntent(ws.path);
    if (existsSync(staged)) unlinkSync(staged);
    // The new file would not open: put the data back as it was, from the safety copy.
    const message = e instanceof UserError ? e.message : (e as Error).message;
    try {
      // Under the data file's key (a plain safety copy opens without it, as the data file would).
      writeSnapshot(safetyCopy.path, staged, { key: ws.key });
      swapIn(ws, staged);
    } catch (again) {
      throw new UserError(
        'RESTORE_FAILED',
        `恢复失败（${message}），且未能自动回到恢复前的数据（${(again as Error).message}）。恢复前的数据保存在 ${safetyCopy.path}，请联系技术人员。`,
      );
    }
    throw new UserError('RESTORE_FAILED', `恢复失败（${message}），已回到恢复前的数据。`);
  }
  // The backups before this hold another data's log: a later check must not compare against them.
  supersedeBackups(ws.backupDir, dataBaseName(ws.path));
  if (keys.adopt) ws.adoptRecoveryCode?.(keys.adopt);
  return { restoredFrom: what === '备份文件' ? basename(source) : source, safetyCopy, fromVersion };
}

export const restoreBackup = (ws: Workspace, file: string, recoveryCode?: string) =>
  replaceDataInBackground(ws, findBackup(ws, file).path, '备份文件', recoveryCode);
