// Where backups go. The folder is a setting of this computer, not of the data: it lives in a small
// file beside the data file (`censusdesk.db.backup.json`), so a data package moved to a new PC
// does not point at a folder that does not exist there, and so the folder is still known when the
// database itself cannot be opened (a damaged file is exactly when the backups are needed).
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../../db/errors';

export const DEFAULT_FOLDER_NAME = 'CensusDesk备份';

/**
 * Beside the data folder, never inside it: losing the data folder must not lose its backups. A
 * workspace right inside the system's temp folder is a throwaway one (tests, trial runs): its
 * backups stay in its own folder and go with it, rather than piling up in a shared temp folder.
 */
export function defaultBackupDir(dataPath: string): string {
  // Paths stay as given (not resolved against this process's folder): the desktop shell computes
  // Windows paths for display and tests compute them on Linux.
  const dataFolder = dirname(dataPath);
  const parent = dirname(dataFolder);
  return resolve(parent) === resolve(tmpdir())
    ? join(dataFolder, DEFAULT_FOLDER_NAME)
    : join(parent, DEFAULT_FOLDER_NAME);
}

export const localConfigPath = (dataPath: string) => `${dataPath}.backup.json`;

interface LocalConfig {
  folder?: string;
}

function readLocalConfig(dataPath: string): LocalConfig {
  const path = localConfigPath(dataPath);
  if (!existsSync(path)) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as LocalConfig) : {};
  } catch {
    // A damaged settings file must not stop the app: the default folder is a safe fallback.
    return {};
  }
}

/** The chosen folder, or the default one. */
export function configuredBackupDir(dataPath: string): string {
  const chosen = readLocalConfig(dataPath).folder;
  return typeof chosen === 'string' && chosen ? chosen : defaultBackupDir(dataPath);
}

/** Checks that the folder can be created and written before it is saved as the choice. */
export function ensureWritableFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    const probe = join(folder, `.censusdesk-write-test-${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (e) {
    throw new UserError('BACKUP_FOLDER', `无法写入备份文件夹 ${folder}：${(e as Error).message}`, [
      { path: 'backupFolder', message: '该文件夹无法写入' },
    ]);
  }
}

/** null: back to the default. Written as a new file then renamed, so it is never half-written. */
export function saveBackupDirChoice(dataPath: string, folder: string | null): void {
  const path = localConfigPath(dataPath);
  const config: LocalConfig = folder ? { folder } : {};
  const partial = `${path}.partial`;
  writeFileSync(partial, JSON.stringify(config, null, 2));
  renameSync(partial, path);
}

/** `censusdesk` for `censusdesk.db`: the prefix of this data file's backups in a shared folder. */
export const dataBaseName = (dataPath: string) => basename(dataPath).replace(/\.(db|sqlite|cdpkg)$/i, '');
