// The data package (`.cdpkg`): the whole workspace in one file to move to a new PC. It is a
// verified SQLite copy, exactly like a backup — no zip, no manifest: the file itself carries its
// schema version and office profile, any SQLite tool can open it, and on the new PC it is either
// imported (package.import, through the same safe swap as a restore) or opened directly with
// `npm run serve -- --data <file>`.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PACKAGE_EXTENSION, type PackageImportInput } from '../../core/schemas/backups';
import { UserError } from '../../db/errors';
import type { Workspace } from '../context';
import { dataBaseName } from './folder';
import { snapshotInBackground } from './offThread';
import { replaceDataInBackground, type Replaced } from './restore';

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/**
 * Temporary files of a package on its way in or out, beside the data file: the same disk and
 * folder as the data (known writable, and no copy of the unmasked data lands in the system temp
 * folder, which nobody cleans). A crash can leave them behind: removeTransferLeftovers.
 */
const downloadTemp = (dataPath: string) => `${dataPath}.download${PACKAGE_EXTENSION}`;
const uploadTemp = (dataPath: string) => `${dataPath}.upload${PACKAGE_EXTENSION}`;

/**
 * Removes what a crash during a browser download or upload left beside the data file. Called at
 * start by the shells (startBackupSchedule), which hold the one-writer lock by then, so no other
 * instance can be using these files.
 */
export function removeTransferLeftovers(dataPath: string): string[] {
  if (dataPath === ':memory:') return [];
  const removed: string[] = [];
  for (const f of [downloadTemp(dataPath), `${downloadTemp(dataPath)}.partial`, uploadTemp(dataPath)]) {
    try {
      if (existsSync(f)) {
        unlinkSync(f);
        removed.push(f);
      }
    } catch {
      // Held open by another program (Windows): tried again at the next start.
    }
  }
  return removed;
}

/** `蓬安县_数据包_20180630-101500.cdpkg` in the backup folder. */
export function defaultPackagePath(ws: Workspace, at: Date): string {
  const office = ws.db.prepare('SELECT county_name AS name FROM office_profile WHERE id = 1').get() as
    { name: string } | undefined;
  const name = (office?.name ?? dataBaseName(ws.path)).replace(/[\\/:*?"<>|]/g, '_');
  return join(ws.backupDir, `${name}_数据包_${stamp(at)}${PACKAGE_EXTENSION}`);
}

export interface ExportedPackage {
  path: string | null;
  fileName: string;
  size: number;
  createdAt: string;
  base64: string | null;
}

/** True when both paths name the same file (a link, or another spelling of the path, included). */
function sameFile(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'win32' ? resolve(p).toLowerCase() : resolve(p));
  if (norm(a) === norm(b)) return true;
  try {
    const [x, y] = [statSync(a, { bigint: true }), statSync(b, { bigint: true })];
    return x.ino !== 0n && x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/**
 * Checks that the package may go to `dest`. `replace`: the clerk chose the path (the save dialog
 * asked about an existing file), so a file there is replaced atomically; the default path in the
 * backup folder never overwrites anything.
 */
function checkTarget(ws: Workspace, dest: string): void {
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法导出');
  if (existsSync(dest)) {
    if (sameFile(dest, ws.path)) {
      throw new UserError('PACKAGE_TARGET', `数据包不能保存为正在使用的数据文件：${dest}`, [
        { path: 'path', message: '请另选保存位置' },
      ]);
    }
    if (statSync(dest).isDirectory()) {
      throw new UserError('PACKAGE_TARGET', `数据包保存位置是一个文件夹：${dest}`, [
        { path: 'path', message: '请另选保存位置' },
      ]);
    }
  }
  try {
    mkdirSync(dirname(dest), { recursive: true });
  } catch (e) {
    throw new UserError('PACKAGE_FOLDER', `无法写入数据包保存位置 ${dirname(dest)}：${(e as Error).message}`, [
      { path: 'path', message: '该位置无法写入' },
    ]);
  }
}

/** The verified copy, made in the backup worker. */
async function writePackage(ws: Workspace, dest: string, replace: boolean): Promise<{ size: number }> {
  checkTarget(ws, dest);
  // Under the data file's key: the package of an encrypted office is encrypted, its 恢复码 opens it.
  return snapshotInBackground(ws.path, dest, { replace, key: ws.key });
}

function packageDest(ws: Workspace, path: string | undefined, at: Date): string {
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法导出');
  const chosen = path ?? defaultPackagePath(ws, at);
  return chosen.toLowerCase().endsWith(PACKAGE_EXTENSION) ? chosen : `${chosen}${PACKAGE_EXTENSION}`;
}

/** The package at `path` (or the default path in the backup folder); the copy and its check in the backup worker. */
export async function exportPackage(
  ws: Workspace,
  path: string | undefined,
  at = new Date(),
): Promise<ExportedPackage> {
  const dest = packageDest(ws, path, at);
  const { size } = await writePackage(ws, dest, path !== undefined);
  return { path: dest, fileName: basename(dest), size, createdAt: at.toISOString(), base64: null };
}

/**
 * Browser mode: the package for the browser to download. The same verified copy (made in the
 * backup worker), written beside the data file, read back and removed, so no copy stays on disk.
 */
export async function exportPackageForDownload(ws: Workspace, at = new Date()): Promise<ExportedPackage> {
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法导出');
  const fileName = basename(defaultPackagePath(ws, at));
  const temp = downloadTemp(ws.path);
  try {
    // Replacing: a leftover of an earlier crash is no one's file.
    const { size } = await writePackage(ws, temp, true);
    return { path: null, fileName, size, createdAt: at.toISOString(), base64: readFileSync(temp).toString('base64') };
  } finally {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Held open for a moment (a virus scanner on Windows): removed at the next start.
    }
  }
}

/**
 * A package by its path (desktop) or uploaded as base64 (browser): the same checked, safe swap as
 * a restore, its check, the safety copy and the staged copy in the backup worker. An upload is
 * written beside the data file first (same disk, known to be writable) and removed afterwards,
 * whatever happens. An encrypted package opens with the data file's key or its own 恢复码
 * (input.recoveryCode; backend/backups/sourceKeys.ts).
 */
export async function importPackageInBackground(ws: Workspace, input: PackageImportInput): Promise<Replaced> {
  if (input.path !== undefined) return replaceDataInBackground(ws, input.path, '数据包', input.recoveryCode);
  const upload = writeUpload(ws, input);
  try {
    return {
      ...(await replaceDataInBackground(ws, upload, '数据包', input.recoveryCode)),
      restoredFrom: input.fileName ?? basename(upload),
    };
  } catch (e) {
    throw namedAsChosen(e, upload, input);
  } finally {
    if (existsSync(upload)) unlinkSync(upload);
  }
}

function writeUpload(ws: Workspace, input: PackageImportInput): string {
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法导入数据包');
  const upload = uploadTemp(ws.path);
  writeFileSync(upload, Buffer.from(input.base64 ?? '', 'base64'));
  return upload;
}

/** The message names the temporary file; the clerk knows the file by the name they chose. */
function namedAsChosen(e: unknown, upload: string, input: PackageImportInput): unknown {
  if (e instanceof UserError)
    return new UserError(e.code, e.message.split(upload).join(input.fileName ?? ''), e.issues);
  return e;
}
