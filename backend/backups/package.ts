// The data package (`.cdpkg`): the whole workspace in one file to move to a new PC. It is a
// verified SQLite copy, exactly like a backup — no zip, no manifest: the file itself carries its
// schema version and office profile, any SQLite tool can open it, and on the new PC it is either
// imported (package.import, through the same safe swap as a restore) or opened directly with
// `npm run serve -- --data <file>`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PACKAGE_EXTENSION, type PackageImportInput } from '../../core/schemas/backups';
import { UserError } from '../../db/errors';
import { writeSnapshot } from '../../db/snapshot';
import type { Workspace } from '../context';
import { dataBaseName } from './folder';
import { replaceData, type Replaced } from './restore';

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/** `蓬安县_数据包_20180630-101500.cdpkg` in the backup folder. */
export function defaultPackagePath(ws: Workspace, at: Date): string {
  const office = ws.db.prepare('SELECT county_name AS name FROM office_profile WHERE id = 1').get() as { name: string } | undefined;
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

export function exportPackage(ws: Workspace, path: string | undefined, at = new Date()): ExportedPackage {
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法导出');
  const chosen = path ?? defaultPackagePath(ws, at);
  const dest = chosen.toLowerCase().endsWith(PACKAGE_EXTENSION) ? chosen : `${chosen}${PACKAGE_EXTENSION}`;
  try {
    mkdirSync(dirname(dest), { recursive: true });
  } catch (e) {
    throw new UserError('PACKAGE_FOLDER', `无法写入数据包保存位置 ${dirname(dest)}：${(e as Error).message}`, [{ path: 'path', message: '该位置无法写入' }]);
  }
  const { size } = writeSnapshot(ws.path, dest);
  return { path: dest, fileName: basename(dest), size, createdAt: at.toISOString(), base64: null };
}

/**
 * Browser mode: the package for the browser to download. It is written to a private temp folder
 * (the same verified copy as above), read back and removed, so no stray copy stays on disk.
 */
export function exportPackageForDownload(ws: Workspace, at = new Date()): ExportedPackage {
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法导出');
  const fileName = basename(defaultPackagePath(ws, at));
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-package-'));
  try {
    const written = exportPackage(ws, join(dir, fileName), at);
    return { ...written, path: null, base64: readFileSync(join(dir, fileName)).toString('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A package by its path (desktop) or uploaded as base64 (browser): the same checked, safe swap as
 * a restore. An upload is written beside the data file first (same disk, known to be writable)
 * and removed afterwards, whatever happens.
 */
export function importPackage(ws: Workspace, input: PackageImportInput): Replaced {
  if (input.path !== undefined) return replaceData(ws, input.path, '数据包');
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法导入数据包');
  const upload = `${ws.path}.upload${PACKAGE_EXTENSION}`;
  writeFileSync(upload, Buffer.from(input.base64 ?? '', 'base64'));
  try {
    return { ...replaceData(ws, upload, '数据包'), restoredFrom: input.fileName ?? basename(upload) };
  } catch (e) {
    // The message names the temporary file; the clerk knows the file by the name they chose.
    if (e instanceof UserError) throw new UserError(e.code, e.message.split(upload).join(input.fileName ?? ''), e.issues);
    throw e;
  } finally {
    if (existsSync(upload)) unlinkSync(upload);
  }
}
