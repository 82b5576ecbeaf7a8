// The main process's side of the backend: starts the utility process, forwards each call as a
// message and matches the answer by id. If the process dies, its waiting calls get an error Result
// and the next call starts a fresh one; nothing in the main process ever blocks on the database.
// A failed start is handed to `onFailed` (the shell's start-up dialog), which may have a backup put
// in place with restoreAtStartup.
import type { Result } from '../core/api';
import type { FromBackend, StartFailure, ToBackend } from './backendProtocol';
import type { DispatchFn } from './ipc';
import type { Log } from './log';

/** Electron's UtilityProcess, reduced to what we use. */
export interface BackendChild {
  postMessage(message: ToBackend): void;
  on(event: 'message', listener: (message: FromBackend) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendClientOptions {
  spawn: () => BackendChild;
  log: Pick<Log, 'info' | 'error'>;
  /** How long close() waits for the backend to checkpoint and exit before killing it. */
  closeTimeoutMs?: number;
  /**
   * The data file could not be opened (damaged, from a newer version, locked…). `superseded` turns
   * true once a later start has said 'ready': a dialog queued for this failure is then out of date.
   */
  onFailed?: (failure: StartFailure, superseded: () => boolean) => void;
  /** The 恢复码 this PC keeps for the data file (electron/keyStore.ts), sent to each backend process first. */
  recoveryCode?: () => string | null;
  /** The backend adopted a 恢复码 (encrypt, unlock, an encrypted package): keep it for the next start. */
  onRecoveryCode?: (code: string) => void;
}

export type RestoreOutcome = { ok: true; keptAs: string | null } | { ok: false; message: string };

interface Running {
  child: BackendChild;
  waiting: Map<number, (r: Result<unknown>) => void>;
  /** The answer to a restoreAtStartup on its way. */
  restoring: ((outcome: RestoreOutcome) => void) | null;
  exited: Promise<void>;
}

const failure = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message, issues: [] } });

export function createBackendClient(o: BackendClientOptions) {
  let current: Running | null = null;
  let nextId = 1;
  /** 'ready' messages so far, of any process: a failure reported before the latest one is over. */
  let readyCount = 0;

  function start(): Running {
    const child = o.spawn();
    const waiting = new Map<number, (r: Result<unknown>) => void>();
    let markExited!: () => void;
    const running: Running = { child, waiting, restoring: null, exited: new Promise((r) => (markExited = r)) };
    const settleRestore = (outcome: RestoreOutcome) => {
      running.restoring?.(outcome);
      running.restoring = null;
    };
    child.on('message', (m) => {
      if (m.type === 'result') {
        waiting.get(m.id)?.(m.result);
        waiting.delete(m.id);
      } else if (m.type === 'ready') {
        readyCount++;
        o.log.info(`后台已启动，数据文件：${m.dataPath}${m.locked ? '（已加密）' : ''}`);
      } else if (m.type === 'recoveryCode') {
        o.onRecoveryCode?.(m.code);
      } else if (m.type === 'failed') {
        o.log.error(`后台无法打开数据文件（${m.code}）：${m.message}`);
        const { type: _type, ...failure } = m;
        const seen = readyCount;
        o.onFailed?.(failure, () => readyCount > seen);
      } else if (m.type === 'restored') {
        o.log.info(`已从备份恢复数据文件${m.keptAs ? `，损坏的文件已改名保留为 ${m.keptAs}` : ''}`);
        settleRestore({ ok: true, keptAs: m.keptAs });
      } else if (m.type === 'restoreFailed') {
        o.log.error(`从备份恢复失败：${m.message}`);
        settleRestore({ ok: false, message: m.message });
      }
    });
    // Before any call: an encrypted data file opens with it (a message, never argv or env).
    if (o.recoveryCode) child.postMessage({ type: 'recoveryCode', code: o.recoveryCode() });
    child.on('exit', (code) => {
      if (current === running) current = null;
      if (code !== 0) o.log.error(`后台进程意外退出，退出码 ${code}`);
      for (const answer of waiting.values())
        answer(failure('BACKEND_EXITED', '后台进程意外退出，本次操作的结果未知，请重试并核对数据'));
      waiting.clear();
      settleRestore({ ok: false, message: '后台进程意外退出，未能从备份恢复' });
      markExited();
    });
    return running;
  }

  const dispatch: DispatchFn = (method, input, ctx) =>
    new Promise((resolve) => {
      const running = (current ??= start());
      const id = nextId++;
      running.waiting.set(id, resolve);
      running.child.postMessage({ type: 'call', id, method, input, operator: ctx.operator, session: ctx.session });
    });

  /** Lets the backend close the database (WAL checkpoint) and exit; kills it if it does not. */
  async function close(): Promise<void> {
    const running = current;
    if (!running) return;
    current = null;
    running.child.postMessage({ type: 'close' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), o.closeTimeoutMs ?? 5000)));
    const outcome = await Promise.race([running.exited.then(() => 'exited' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      o.log.error('后台进程未能按时退出，已强制结束');
      running.child.kill();
    }
  }

  /** After a failed start: has the backend put this backup in place and open the data again. */
  function restoreAtStartup(backupPath: string): Promise<RestoreOutcome> {
    const running = (current ??= start());
    if (running.restoring) return Promise.resolve({ ok: false, message: '正在从备份恢复，请稍候' });
    return new Promise((resolve) => {
      running.restoring = resolve;
      running.child.postMessage({ type: 'restoreAtStartup', backupPath });
    });
  }

  return {
    dispatch,
    restoreAtStartup,
    /** Starts the backend now, so the first call does not wait for the database to open. */
    start: () => void (current ??= start()),
    close,
  };
}

export type BackendClient = ReturnType<typeof createBackendClient>;
