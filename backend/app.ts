// The application as one object: an open store and its dispatch. Transports wrap this. It holds
// the one-writer lock for its data file, and its database can be replaced while it runs
// (restore, data package): `reopen` closes, swaps the file and opens again.
import type { Database } from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { openDatabase, type OpenOptions } from '../db/open';
import { UserError } from '../db/errors';
import { acquireWriterLock } from '../db/writerLock';
import { createDispatch, type Dispatch } from './dispatch';
import type { Workspace } from './context';
import { configuredBackupDir } from './backups/folder';
import { writeBackup } from './backups/write';
import { explainStartupFailure } from './backups/startup';

export interface BackendOptions extends OpenOptions {
  /** A fixed backup folder (tests); otherwise this computer's setting or the default beside the data. */
  backupDir?: string;
  /** The idle lock's clock (tests). */
  clock?: () => number;
}

export interface Backend extends Workspace {
  dispatch: Dispatch;
  close: () => void;
}

export function openBackend(path: string, opts: BackendOptions = {}): Backend {
  const backupDir = () => opts.backupDir ?? configuredBackupDir(path);
  const openOpts: OpenOptions = {
    ...opts,
    // Pre-migration copies go to the backup folder, catalogued like every other backup.
    backupBeforeMigration: opts.backupBeforeMigration ?? ((db) => writeBackup(backupDir(), path, db, '迁移前').path),
  };
  const lock = acquireWriterLock(path);
  let current: Database;
  try {
    current = openDatabase(path, openOpts).db;
  } catch (e) {
    lock.release();
    throw explainStartupFailure(e, path, backupDir());
  }
  let closed = false;

  const backend: Backend = {
    get db() {
      return current;
    },
    path,
    get backupDir() {
      return backupDir();
    },
    reopen(swap) {
      if (closed) throw new Error('数据文件已关闭');
      current.close();
      // A clean close merges the -wal into the file and removes it; a leftover one would be
      // replayed into whatever file is swapped in.
      if (existsSync(`${path}-wal`)) {
        current = openDatabase(path, openOpts).db;
        throw new UserError('RESTORE_FAILED', '数据文件的预写日志未能合并，未替换数据文件');
      }
      rmSync(`${path}-shm`, { force: true });
      try {
        swap();
      } finally {
        current = openDatabase(path, openOpts).db;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      current.close();
      lock.release();
    },
    dispatch: undefined as unknown as Dispatch,
  };
  backend.dispatch = createDispatch(backend, { clock: opts.clock });
  return backend;
}
