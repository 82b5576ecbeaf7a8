// One writer per data file: an app instance holds an exclusive SQLite lock on `<data file>.lock`
// for as long as it has the file open. The operating system drops the lock when the process ends,
// however it ends, so a crash never leaves a stale lock behind (as a pid file would), and readers
// such as the IT person's verify-audit command are not blocked (as an exclusive lock on the data
// file itself would).
import Database from 'better-sqlite3';
import { mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from './errors';

const readOnlyFolder = (dataPath: string) =>
  new UserError(
    'DB_READ_ONLY',
    `数据文件所在文件夹只读，无法打开或新建数据文件：${dirname(dataPath)}。请检查文件夹权限，或将数据文件复制到可写的位置。`,
  );

export interface WriterLock {
  release: () => void;
}

/**
 * The file the data path really names: a symlink (or a linked folder) resolved, so two spellings of
 * one file share one lock. A file not created yet is resolved through its folder.
 */
export function realDataPath(dataPath: string): string {
  try {
    return realpathSync(dataPath);
  } catch {
    try {
      return join(realpathSync(dirname(dataPath)), basename(dataPath));
    } catch {
      return dataPath;
    }
  }
}

/** Keyed on the real path, not the path as typed: a link to the data file must meet the same lock. */
export const lockPathOf = (dataPath: string) => `${realDataPath(dataPath)}.lock`;

export function acquireWriterLock(dataPath: string): WriterLock {
  if (dataPath === ':memory:') return { release: () => undefined };
  let lock: Database.Database;
  try {
    mkdirSync(dirname(dataPath), { recursive: true });
    lock = new Database(lockPathOf(dataPath), { timeout: 0 });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (/^(EACCES|EPERM|EROFS|SQLITE_CANTOPEN|SQLITE_READONLY)/.test(code)) throw readOnlyFolder(dataPath);
    throw new UserError('DB_LOCK_FAILED', `无法锁定数据文件（${(e as Error).message}）：${dataPath}`);
  }
  try {
    // No journal file beside the lock; the exclusive lock is kept after the first write commits.
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS writer (id INTEGER PRIMARY KEY)');
    lock.exec('COMMIT');
  } catch (e) {
    lock.close();
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new UserError(
        'DB_LOCKED',
        `该数据文件已由另一个普查办工作台打开：${dataPath}。同一数据文件同一时间只能由一个程序写入，请先关闭另一个窗口（或另一个 npm run serve）后再打开。文件未作任何改动。`,
      );
    }
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) throw readOnlyFolder(dataPath);
    throw new UserError('DB_LOCK_FAILED', `无法锁定数据文件（${(e as Error).message}）：${dataPath}`);
  }
  let held = true;
  return {
    release: () => {
      if (!held) return;
      held = false;
      lock.close();
    },
  };
}
