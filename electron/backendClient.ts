// The main process's side of the backend: starts the utility process, forwards each call as a
// message and matches the answer by id. If the process dies, its waiting calls get an error Result
// and the next call starts a fresh one; nothing in the main process ever blocks on the database.
import type { Result } from '../core/api';
import type { FromBackend, ToBackend } from './backendProtocol';
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
}

interface Running {
  child: BackendChild;
  waiting: Map<number, (r: Result<unknown>) => void>;
  exited: Promise<void>;
}

const failure = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message, issues: [] } });

export function createBackendClient(o: BackendClientOptions) {
  let current: Running | null = null;
  let nextId = 1;

  function start(): Running {
    const child = o.spawn();
    const waiting = new Map<number, (r: Result<unknown>) => void>();
    let markExited!: () => void;
    const running: Running = { child, waiting, exited: new Promise((r) => (markExited = r)) };
    child.on('message', (m) => {
      if (m.type === 'result') {
        waiting.get(m.id)?.(m.result);
        waiting.delete(m.id);
      } else if (m.type === 'ready') o.log.info(`后台已启动，数据文件：${m.dataPath}`);
      else if (m.type === 'failed') o.log.error(`后台无法打开数据文件（${m.code}）：${m.message}`);
    });
    child.on('exit', (code) => {
      if (current === running) current = null;
      if (code !== 0) o.log.error(`后台进程意外退出，退出码 ${code}`);
      for (const answer of waiting.values()) answer(failure('BACKEND_EXITED', '后台进程意外退出，本次操作的结果未知，请重试并核对数据'));
      waiting.clear();
      markExited();
    });
    return running;
  }

  const dispatch: DispatchFn = (method, input, ctx) =>
    new Promise((resolve) => {
      const running = (current ??= start());
      const id = nextId++;
      running.waiting.set(id, resolve);
      running.child.postMessage({ type: 'call', id, method, input, operator: ctx.operator });
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

  return {
    dispatch,
    /** Starts the backend now, so the first call does not wait for the database to open. */
    start: () => void (current ??= start()),
    close,
  };
}

export type BackendClient = ReturnType<typeof createBackendClient>;
