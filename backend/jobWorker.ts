// One worker thread that runs jobs one at a time, in order, for work that must not hold the
// request thread (backups and integrity checks, the dashboard's counts at 100k people). The worker
// holds the process open only while it has work, and ends once it has been idle for `idleExitMs`:
// each worker thread keeps tens of MB (its own V8 heap and module graph), which a clerk's PC should
// get back between the rare moments it is needed.
import { Worker } from 'node:worker_threads';

/** What a worker answers for job `id`: its result, or what went wrong. */
export type JobReply<R> =
  | { id: number; ok: true; result: R }
  | { id: number; ok: false; message: string; code?: string | null; issues?: { path: string; message: string }[] };

export interface JobWorker<J, R> {
  /** Runs `job` in the worker (started if none is running). */
  post(job: J): Promise<R>;
  /** Whether a job is queued or running. */
  busy(): boolean;
  /** Resolves once no job is queued or running. */
  idle(): Promise<void>;
  /** The thread id of the worker that ran the last job (tests: the work ran off the main thread). */
  lastThreadId(): number | null;
}

export interface JobWorkerOptions {
  /** How long an idle worker is kept for the next job before it ends. */
  idleExitMs: number;
  /** The error a failed job rejects with (a UserError for a coded failure). */
  toError: (reply: Extract<JobReply<unknown>, { ok: false }>) => Error;
  /** The error every pending job rejects with when the worker dies. */
  onCrash: (e: Error) => Error;
}

/**
 * `url` is called when a worker starts, not when the module loads: a process that never needs the
 * worker (a script, a test's child run without ESM) never resolves its file.
 */
export function jobWorker<J, R>(url: () => URL, opts: JobWorkerOptions): JobWorker<J, R> {
  let worker: Worker | null = null;
  let lastThreadId: number | null = null;
  let nextId = 1;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>();
  let idleWaiters: (() => void)[] = [];

  const stop = (w: Worker) => {
    if (worker === w) worker = null;
    void w.terminate();
  };

  function settled() {
    if (pending.size > 0) return;
    const w = worker;
    if (w) {
      w.unref();
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        idleTimer = null;
        if (pending.size === 0) stop(w);
      }, opts.idleExitMs);
      idleTimer.unref();
    }
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const fn of waiters) fn();
  }

  function start(): Worker {
    const w = new Worker(url(), { execArgv: [] });
    w.on('message', (reply: JobReply<R>) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(opts.toError(reply));
      settled();
    });
    const fail = (e: Error) => {
      // A worker ended on purpose (idle) or already replaced has no jobs of ours left.
      if (worker !== w) return;
      worker = null;
      for (const job of pending.values()) job.reject(opts.onCrash(e));
      pending.clear();
      settled();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`退出码 ${code}`)));
    w.unref();
    return w;
  }

  return {
    post(job) {
      if (idleTimer) {
        clearTimeout(idleTimer);
        idleTimer = null;
      }
      worker ??= start();
      const w = worker;
      lastThreadId = w.threadId;
      const id = nextId++;
      return new Promise<R>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Keep the process alive while a job runs; an idle worker never holds it open.
        w.ref();
        w.postMessage({ id, job });
      });
    },
    busy: () => pending.size > 0,
    idle: () => (pending.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    lastThreadId: () => lastThreadId,
  };
}
