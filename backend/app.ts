// The application as one object: an open store and its dispatch. Transports wrap this. It holds
// the one-writer lock for its data file, and its database can be replaced while it runs
// (restore, data package): `reopen` closes, swaps the file and opens again.
import type { Database } from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { openDatabase, type OpenOptions } from '../db/open';
import { keyOf, openSqlite, rekeyConnection, type CipherKey } from '../db/cipher';
import { UserError } from '../db/errors';
import { acquireWriterLock } from '../db/writerLock';
import { createDispatch, type Dispatch } from './dispatch';
import type { Workspace } from './context';
import { configuredBackupDir, dataBaseName } from './backups/folder';
import { supersedeBackups } from './backups/catalog';
import { writeBackup } from './backups/write';
import { explainStartupFailure } from './backups/startup';
import { settleRestoreIntent, type Settled } from './backups/restoreIntent';
import { removeLeftovers } from './backups/leftovers';

export interface BackendOptions extends OpenOptions {
  /** A fixed backup folder (tests); otherwise this computer's setting or the default beside the data. */
  backupDir?: string;
  /** The idle lock's clock (tests). */
  clock?: () => number;
  /**
   * Called with a 恢复码 the backend has just adopted (after safety.encrypt, setup.unlock, or
   * opening an encrypted package): the desktop shell keeps it with safeStorage. `key` (from
   * OpenOptions) is the office's key the data file is opened with.
   */
  onRecoveryCode?: (code: string) => void;
}

export interface Backend extends Workspace {
  dispatch: Dispatch;
  close: () => void;
  /** What a restore killed between its swap and its audit entry left, settled at this open (or null). */
  readonly settledRestore: Settled | null;
}

/**
 * The query planner's statistics, on SQLite's schedule for a long-lived connection
 * (https://sqlite.org/lang_analyze.html): `PRAGMA optimize` every few hours (cheap: it analyses
 * only tables whose statistics are missing or stale, ~170 ms once for a 100k-people file). Not at
 * open (`optimize=0x10002`) nor at close as SQLite also suggests: opening and closing must leave a
 * restored backup, an opened data package or a refused write's data exactly as it was
 * (test/safety compares whole contents, sqlite_stat1 included), and at 100k people the start-up
 * would pay those 170 ms before its first answer. Measured at 100k: statistics change the
 * dashboard and person.list timings by no more than the run-to-run noise.
 */
const OPTIMIZE_EVERY_MS = 4 * 60 * 60 * 1000;

function optimizeQuietly(db: Database): void {
  try {
    db.pragma('optimize');
  } catch {
    // Statistics are an optimisation: a busy or read-only file simply goes without them this time.
  }
}

export function openBackend(path: string, opts: BackendOptions = {}): Backend {
  const backupDir = () => opts.backupDir ?? configuredBackupDir(path);
  const openOpts: OpenOptions = {
    ...opts,
    // Pre-migration copies go to the backup folder, catalogued like every other backup.
    backupBeforeMigration: opts.backupBeforeMigration ?? ((db) => writeBackup(backupDir(), path, db, '迁移前').path),
  };
  // Anything last written before this open is no copy in progress: a crash's leftover.
  const openedAt = Date.now();
  const lock = acquireWriterLock(path);
  let current: Database;
  // The key the file is opened with; Workspace.key is what the open connection actually has.
  let key: CipherKey | null = opts.key ?? null;
  const open = () => openDatabase(path, { ...openOpts, key }).db;
  try {
    current = open();
  } catch (e) {
    lock.release();
    throw explainStartupFailure(e, path, backupDir(), key);
  }
  let settledRestore: Settled | null = null;
  try {
    settledRestore = settleRestoreIntent(current, path);
    // The swap happened before the crash: as after any restore, the backups made before it hold the
    // replaced data's log, and the start check must not compare the restored log against them.
    if (settledRestore && settledRestore.outcome !== 'rolledBack') supersedeBackups(backupDir(), dataBaseName(path));
  } catch {
    // The intent stays and is settled at the next start; the data itself opened fine.
  }
  // Under the lock, after the intent is settled: a crash's temporary copies go (or are listed).
  removeLeftovers(path, backupDir(), openedAt);
  let closed = false;
  const optimizer = setInterval(() => optimizeQuietly(current), OPTIMIZE_EVERY_MS);
  optimizer.unref();

  const backend: Backend = {
    get db() {
      return current;
    },
    path,
    settledRestore,
    get backupDir() {
      return backupDir();
    },
    get key() {
      return keyOf(current);
    },
    rekey(next) {
      if (closed) throw new Error('数据文件已关闭');
      if (path === ':memory:') throw new UserError('REKEY_FAILED', '内存中的临时数据无法加密');
      const was = keyOf(current);
      // Closing drops the statement cache and merges the -wal: the rekey needs the file to itself.
      current.close();
      if (existsSync(`${path}-wal`)) {
        current = open();
        throw new UserError(
          'REKEY_FAILED',
          '数据文件的预写日志未能合并（另有程序正在读取），未能加密。数据文件保持原样。',
        );
      }
      let raw: Database | null = null;
      try {
        raw = openSqlite(path, {}, was);
        rekeyConnection(raw, next);
        raw.close();
        key = next;
      } catch (e) {
        // A failure before the rekey's commit leaves the file under the old key (the rollback
        // journal undoes a partial rekey); after it (the check that follows), under the new one.
        const rekeyed = raw !== null && keyOf(raw) === next;
        key = rekeyed ? next : was;
        if (raw?.open) raw.close();
        current = open();
        throw new UserError(
          'REKEY_FAILED',
          rekeyed
            ? `数据已换用新密钥，但随后的检查未通过：${(e as Error).message}。请立即备份并联系技术人员。`
            : `数据加密未完成：${(e as Error).message}。数据文件保持原样。`,
        );
      }
      current = open();
    },
    adoptRecoveryCode(code) {
      opts.onRecoveryCode?.(code);
    },
    reopen(swap) {
      if (closed) throw new Error('数据文件已关闭');
      current.close();
      // A clean close merges the -wal into the file and removes it; a leftover one would be
      // replayed into whatever file is swapped in.
      if (existsSync(`${path}-wal`)) {
        current = open();
        throw new UserError('RESTORE_FAILED', '数据文件的预写日志未能合并，未替换数据文件');
      }
      rmSync(`${path}-shm`, { force: true });
      try {
        swap();
      } finally {
        current = open();
      }
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(optimizer);
      current.close();
      lock.release();
    },
    dispatch: undefined as unknown as Dispatch,
  };
  backend.dispatch = createDispatch(backend, { clock: opts.clock });
  return backend;
}
