// The messages between the main process and the backend's utility process. The backend side
// (serveBackend) is plain Node, so it is tested with a fake port; the main side is backendClient.ts.
import type { Result } from '../core/api';
import type { Operator } from '../backend/context';
import { openBackend, type Backend } from '../backend/app';
import { startBackupSchedule } from '../backend/backups/schedule';
import { restoreAtStartupLocked, StartupError } from '../backend/backups/startup';
import { DATA_LOCKED_MESSAGE, openGated, type Gate } from '../backend/lockedStart';
import { deriveKey } from '../backend/recoveryKey';
import type { CipherKey } from '../db/cipher';

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
  /**
   * Sent first after the start: the 恢复码 this PC keeps for the data file (electron/keyStore.ts),
   * or null. Never in argv or the environment, which other processes of the user can read.
   */
  | { type: 'recoveryCode'; code: string | null }
  | { type: 'close' };

export type FromBackend =
  /** `locked`: the data file is encrypted and waits for its 恢复码 (backend/lockedStart.ts). */
  | { type: 'ready'; dataPath: string; locked?: true }
  | ({ type: 'failed' } & StartFailure)
  /** The backup is in place (`keptAs`: where the damaged file went); 'ready' or 'failed' follows. */
  | { type: 'restored'; keptAs: string | null }
  | { type: 'restoreFailed'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  /** The backend adopted this 恢复码 (encrypt, unlock, an encrypted package): the main process keeps it. */
  | { type: 'recoveryCode'; code: string }
  | { type: 'closed' };

/** Electron's process.parentPort, reduced to what we use (messages arrive as { data }). */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: FromBackend): void;
}

/** What the utility process does with its data file; `backendHost` is the real one. */
export interface BackendHost {
  dataPath: string;
  /** Opens the data file (keyed; null for a plain or new one); `onRecoveryCode` hears codes adopted later. */
  open: (key: CipherKey | null, onRecoveryCode: (code: string) => void) => Backend;
  /** The office key of a 恢复码 (backend/recoveryKey.ts). */
  deriveKey: (code: string) => Promise<CipherKey>;
  /**
   * Puts a backup in place of a file that will not open; returns where the damaged file went. `key`:
   * the office key of the last 恢复码 tried (an encrypted office's backups are under it).
   */
  restoreAtStartup: (backupPath: string, key: CipherKey | null) => string | null;
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
    open: (key, onRecoveryCode) => openBackend(dataPath, { key, onRecoveryCode }),
    deriveKey,
    restoreAtStartup: (backupPath, key) => restoreAtStartupLocked(dataPath, backupPath, new Date(), key),
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
 * An encrypted store opens through the gate (backend/lockedStart.ts): with the 恢复码 the main
 * process sends first, or else locked, answering setup.status and setup.unlock only.
 */
export function serveBackend(port: ParentPortLike, host: BackendHost): void {
  let gate: Gate | null = null;
  let backups: { stop: () => void } | null = null;
  let openError: { code: string; message: string } | null = null;
  /** The code this PC keeps (undefined: the main process has not said yet). */
  let storedCode: string | null | undefined;
  /** Calls wait while a kept code is being tried (a key derivation takes ~0.5 s). */
  let starting: Promise<void> = Promise.resolve();
  const keep = (code: string) => port.postMessage({ type: 'recoveryCode', code });
  /** The last 恢复码 tried (kept or typed): a start-up restore reads the office's encrypted backups with it. */
  let lastCode: string | null = null;
  const deriveKey = (code: string) => {
    lastCode = code;
    return host.deriveKey(code);
  };

  const reportFailure = (e: unknown) => {
    const failed = startFailure(e, host.dataPath);
    // Calls get the full message: it also says how to restore from the command line.
    openError = { code: failed.code, message: (e as Error).message ?? failed.message };
    port.postMessage({ type: 'failed', ...failed });
  };

  /** A locked store tries the code kept on this PC; a wrong one leaves it locked for the page to ask. */
  const tryKeptCode = () => {
    const g = gate;
    if (!g?.locked || !storedCode) return;
    starting = g.openWithStoredCode(storedCode).then(
      () => undefined,
      (e: unknown) => {
        if (gate !== g) return; // closed meanwhile
        // The right code, but the file will not open (damaged…): as any failed start.
        g.close();
        gate = null;
        reportFailure(e);
      },
    );
  };

  const open = () => {
    try {
      gate = openGated({
        path: host.dataPath,
        open: (key) => host.open(key, keep),
        deriveKey,
        onRecoveryCode: keep,
        // A typed code that is right for a file that will not open: the start-up dialog, as at start.
        onOpenFailed: (e) => {
          gate?.close();
          gate = null;
          reportFailure(e);
        },
        // The real host defers the start backup (START_BACKUP_DELAY_MS) and makes it in the backup
        // worker, so the window's first calls never wait behind it.
        onOpened: (backend) => void (backups = host.startBackups(backend)),
      });
      openError = null;
    } catch (e) {
      gate = null;
      return reportFailure(e);
    }
    port.postMessage(
      gate.locked
        ? { type: 'ready', dataPath: host.dataPath, locked: true }
        : { type: 'ready', dataPath: host.dataPath },
    );
    tryKeptCode();
  };

  const restore = async (backupPath: unknown) => {
    if (gate)
      return port.postMessage({
        type: 'restoreFailed',
        message: gate.locked ? DATA_LOCKED_MESSAGE : '数据文件已正常打开，无需从备份恢复',
      });
    if (typeof backupPath !== 'string' || !backupPath)
      return port.postMessage({ type: 'restoreFailed', message: '未指定备份文件' });
    let keptAs: string | null;
    try {
      const code = lastCode ?? storedCode ?? null;
      keptAs = host.restoreAtStartup(backupPath, code ? await host.deriveKey(code) : null);
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
      const call = () => {
        if (!gate) return answer(failure(openError!.code, openError!.message));
        gate
          .dispatch(data.method, data.input, {
            operator: data.operator ?? null,
            session: typeof data.session === 'string' ? data.session : undefined,
          })
          .then(answer, (e: Error) => answer(failure('INTERNAL', `内部错误：${e.message ?? String(e)}`)));
      };
      void starting.then(call);
      return;
    }
    const type = (data as { type?: unknown } | null)?.type;
    if (type === 'recoveryCode') {
      const code = (data as { code?: unknown }).code;
      storedCode = typeof code === 'string' ? code : null;
      return tryKeptCode();
    }
    if (type === 'restoreAtStartup') return void restore((data as { backupPath?: unknown }).backupPath);
    if (type === 'close') {
      // Closing checkpoints the WAL, so the .db file alone holds everything afterwards.
      try {
        backups?.stop();
        gate?.close();
      } finally {
        backups = null;
        gate = null;
        openError = { code: 'CLOSED', message: '后台已关闭' };
        port.postMessage({ type: 'closed' });
        // One turn of the loop lets the message leave before the process does.
        setImmediate(() => host.exit(0));
      }
    }
  });
}
