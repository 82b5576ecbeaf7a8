// The data package (`.cdpkg`): the whole workspace in one file to move to a new PC. It is a
// verified SQLite copy, exactly like a backup — no zip, no manifest: the file itself carries its
// schema version and office profile, any SQLite tool can open it, and on the new PC it is either
// imported (package.import, through the same safe swap as a restore) or opened directly with
// `npm run serve -- --data <file>`.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_EXTENSION } from '../../core/schemas/backups';
import { UserError } from '../../db/errors';
import { writeSnapshot } from '../../db/snapshot';
import type { Workspace } from '../context';
import { dataBaseName } from './folder';

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/** `蓬安县_数据包_20180630-101500.cdpkg` in the backup folder. */
export function defaultPackagePath(ws: Workspace, at: Date): string {
  const office = ws.db.prepare('SELECT county_name AS name FROM office_profile WHERE id = 1').get() as { name: string } | undefined;
  const name = (office?.name ?? dataBaseName(ws.path)).replace(/[\\/:*?"<>|]/g, '_');
  return join(ws.backupDir, `${name}_数据包_${stamp(at)}${PACKAGE_EXTENSION}`);
}

export function exportPackage(ws: Workspace, path: string | undefined, at = new Date()) {
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法导出');
  const chosen = path ?? defaultPackagePath(ws, at);
  const dest = chosen.toLowerCase().endsWith(PACKAGE_EXTENSION) ? chosen : `${chosen}${PACKAGE_EXTENSION}`;
  try {
    mkdirSync(dirname(dest), { recursive: true });
  } catch (e) {
    throw new UserError('PACKAGE_FOLDER', `无法写入数据包保存位置 ${dirname(dest)}：${(e as Error).message}`, [{ path: 'path', message: '该位置无法写入' }]);
  }
  const { size } = writeSnapshot(ws.path, dest);
  return { path: dest, size, createdAt: at.toISOString() };
}
