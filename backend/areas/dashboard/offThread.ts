// Runs dashboard.checks in the dashboard worker (dashboardWorker.mjs beside this file; the desktop
// build bundles every `new URL('./x.mjs', import.meta.url)` worker). One long-lived worker, jobs in
// order; it holds the process open only while it has work.
import { Worker } from 'node:worker_threads';
import type { OutputOf } from '../../../core/api';
import { UserError } from '../../../db/errors';
import { registerFileReader } from '../../backups/offThread';
import type { CountJob, CountReply } from './countJobs';

type Checks = OutputOf<'dashboard.checks'>;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: Checks) => void; reject: (e: Error) => void }>();
let idleWaiters: (() => void)[] = [];

function settled() {
  if (pending.size > 0) return;
  worker?.unref();
  const waiters = idleWaiters;
  idleWaiters = [];
  for (const w of waiters) w();
}

// A restore waits for these reads: a connection left open would keep it from merging the WAL.
registerFileReader({
  busy: () => pending.size > 0,
  idle: () => (pending.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
});

function startWorker(): Worker {
  const w = new Worker(new URL('./dashboardWorker.mjs', import.meta.url), { execArgv: [] });
  w.on('message', (reply: CountReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.result);
    else job.reject(reply.code ? new UserError(reply.code, reply.message) : new Error(reply.message));
    settled();
  });
  const fail = (e: Error) => {
    if (worker === w) worker = null;
    for (const job of pending.values()) job.reject(new Error(`首页检查线程异常退出：${e.message}`));
    pending.clear();
    settled();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`退出码 ${code}`)));
  w.unref();
  return w;
}

/** dashboard.checks of the data file at `dbPath` as last committed, computed in the worker. */
export function checksInBackground(dbPath: string, now: Date): Promise<Checks> {
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  return new Promise<Checks>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, dbPath, now: now.toISOString() } satisfies CountJob);
  });
}

/** The worker's thread id, so tests can tell the checks ran off the main thread. */
export const dashboardWorkerThreadId = () => worker?.threadId ?? null;
