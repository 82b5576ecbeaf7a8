// The messages between the main process and the backend's utility process. The backend side
// (serveBackend) is plain Node, so it is tested with a fake port; the main side is backendClient.ts.
import type { Result } from '../core/api';
import type { Operator } from '../backend/context';
import { openBackend, type Backend } from '../backend/app';
import { startBackupSchedule } from '../backend/backups/schedule';
import { restoreAtStartupLocked, StartupError } from '../backend/backups/startup';

/** The backup a failed start offers (a StartupError's latestBackup, reduced to what the dialog needs). */
export interface OfferedBackup {
  path: string;
  file: string;
  /** ISO instant the backup was made. */
  createdAt: string;
}

export interface StartFailure {
  code: string;
  /** What went wrong, for the dialog (without the command-line advice of the full message). */
  message: string;
  dataPath: string;
  /** The newest backup that passes a full check now; null when none does or the data needs none. */
  latestBackup: OfferedBackup | null;
}

export type ToBackend =
  | { type: 'call'; id: number; method: string; input: unknown; operator: Operator | null; session?: string }
  /** Only after a failed start: put this backup in place of the data file, then open again. */
  | { type: 'restoreAtStartup'; backupPath: string }
  | { type: 'close' };

export type FromBackend =
  | { type: 'ready'; dataPath: string }
  | ({ type: 'failed' } & StartFailure)
  /** The backup is in place (`keptAs`: where the damaged file went); 'ready' or 'failed' follows. */
  | { type: 'restored'; keptAs: string | null }
  | { type: 'restoreFailed'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'closed' };

/** Electron's process.parentPort, reduced to what we use (messages arrive as { data }). */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: FromBackend): void;
}

/** What the utility process does with its data file; `backendHost` is the real one. */
export interface BackendHost {
  dataPath: string;
  open: () => Backend;
  /** Puts a backup in place of a file that will not open; returns where the damaged file went. */
  restoreAtStartup: (backupPath: string) => string | null;
  /** Automatic backups while the backend is open (one at start, then daily). */
  startBackups: (backend: Backend) => { stop: () => void };
  exit: (code: number) => void;
}

/**
 * How long after the data is open the start backup is made. It runs in the backup worker and no
 * longer blocks this process, but on a 2-core office PC the copy and its full integrity_check still
 * compete for the CPU with the window's first calls, which come within the first seconds.
 */
export const START_BACKUP_DELAY_MS = 20_000;

/**
 * The utility process's data file, as `npm run serve` runs it: the backend opened with this
 * computer's backup folder, the backup schedule (its start backup deferred by
 * START_BACKUP_DELAY_MS; a failed automatic backup is logged through stderr, never fatal), and a
 * restore at start-up that holds the one-writer lock.
 */
export function backendHost(dataPath: string, exit: (code: number) => void): BackendHost {
  return {
    dataPath,
    open: () => openBackend(dataPath),
    restoreAtStartup: (backupPath) => restoreAtStartupLocked(dataPath, backupPath),
    startBackups: (backend) =>
      startBackupSchedule(backend, {
        startDelayMs: START_BACKUP_DELAY_MS,
        background: true,
        onError: (e) => console.error(`自动备份失败：${(e as Error).message ?? String(e)}`),
      }),
    exit,
  };
}

const failure = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message, issues: [] } });

function isCall(m: unknown): m is Extract<ToBackend, { type: 'call' }> {
  const c = m as Record<string, unknown> | null;
  return !!c && c.type === 'call' && typeof c.id === 'number' && typeof c.method === 'string';
}

function startFailure(e: unknown, dataPath: string): StartFailure {
  const err = e as { code?: unknown; message?: string };
  const code = typeof err.code === 'string' ? err.code : 'DB_OPEN_FAILED';
  if (e instanceof StartupError) {
    const b = e.latestBackup;
    return {
      code,
      message: e.problem,
      dataPath,
      latestBackup: b && { path: b.path, file: b.file, createdAt: b.createdAt },
    };
  }
  return { code, message: err.message ?? String(e), dataPath, latestBackup: null };
}

/**
 * Opens the backend and answers calls until told to close. A store that cannot be opened (damaged,
 * from a newer version, unreadable, locked) is reported once with the backup to offer, and every
 * call then gets that message as its error, so the page can show it instead of a blank window;
 * the main process may then have a backup put in place, after which the store is opened again.
 */
export function serveBackend(port: ParentPortLike, host: BackendHost): void {
  let backend: Backend | null = null;
  let backups: { stop: () => void } | null = null;
  let openError: { code: string; message: string } | null = null;

  const open = () => {
    try {
      backend = host.open();
      openError = null;
      port.postMessage({ type: 'ready', dataPath: backend.path });
    } catch (e) {
      const failed = startFailure(e, host.dataPath);
      // Calls get the full message: it also says how to restore from the command line.
      openError = { code: failed.code, message: (e as Error).message ?? failed.message };
      port.postMessage({ type: 'failed', ...failed });
      return;
    }
    // The real host defers the start backup (START_BACKUP_DELAY_MS) and makes it in the backup
    // worker, so the window's first calls never wait behind it.
    backups = host.startBackups(backend);
  };

  const restore = (backupPath: unknown) => {
    if (backend) return port.postMessage({ type: 'restoreFailed', message: '数据文件已正常打开，无需从备份恢复' });
    if (typeof backupPath !== 'string' || !backupPath)
      return port.postMessage({ type: 'restoreFailed', message: '未指定备份文件' });
    let keptAs: string | null;
    try {
      keptAs = host.restoreAtStartup(backupPath);
    } catch (e) {
      return port.postMessage({ type: 'restoreFailed', message: (e as Error).message ?? String(e) });
    }
    port.postMessage({ type: 'restored', keptAs });
    open();
  };

  open();

  port.on('message', ({ data }) => {
    if (isCall(data)) {
      const answer = (result: Result<unknown>) => port.postMessage({ type: 'result', id: data.id, result });
      if (!backend) return answer(failure(openError!.code, openError!.message));
      backend
        .dispatch(data.method, data.input, {
          operator: data.operator ?? null,
          session: typeof data.session === 'string' ? data.session : undefined,
        })
        .then(answer, (e: Error) => answer(failure('INTERNAL', `内部错误：${e.message ?? String(e)}`)));
      return;
    }
    const type = (data as { type?: unknown } | null)?.type;
    if (type === 'restoreAtStartup') return restore((data as { backupPath?: unknown }).backupPath);
    if (type === 'close') {
      // Closing checkpoints the WAL, so the .db file alone holds everything afterwards.
      try {
        backups?.stop();
        backend?.close();
      } finally {
        backups = null;
        backend = null;
        openError = { code: 'CLOSED', message: '后台已关闭' };
        port.postMessage({ type: 'closed' });
        // One turn of the loop lets the message leave before the process does.
        setImmediate(() => host.exit(0));
      }
    }
  });
}
