// Where the desktop app keeps things, all under the per-user app-data folder
// (%APPDATA%\CensusDesk on Windows): nothing is written next to the program, so an update or an
// uninstall never touches the data.
import { join } from 'node:path';
import { defaultBackupDir } from '../backend/backups/folder';

/** An ASCII folder name: the same in development and when installed, and easy to type for support. */
export const USER_DATA_FOLDER = 'CensusDesk';

export interface ShellPaths {
  userData: string;
  /** The SQLite file. */
  dataPath: string;
  /** The default backup folder: a sibling of the data folder (the backend owns the rule). */
  defaultBackupDir: string;
  logDir: string;
}

export function shellPaths(appData: string): ShellPaths {
  const userData = join(appData, USER_DATA_FOLDER);
  const dataPath = join(userData, 'data', 'censusdesk.db');
  return { userData, dataPath, defaultBackupDir: defaultBackupDir(dataPath), logDir: join(userData, 'logs') };
}
