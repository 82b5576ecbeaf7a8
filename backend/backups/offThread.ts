// Backups and integrity checks in a worker thread, so the thread that answers the clerk keeps
// answering while SQLite copies and checks a big file (~400 ms at 100k people on the request
// thread before). One long-lived worker (backupWorker.mjs beside this file; the desktop build
// bundles every `new URL('./x.mjs', import.meta.url)` worker) runs the jobs one at a time, in
// order; it holds the process open only while it has work.
import { Worker } from 'node:worker_threads';
import { UserError } from '../../db/errors';
import type { FileCheck } from '../../db/snapshot';
import type { JobMessage, JobReply, SnapshotJob } from './snapshotJobs';

interface Pending {
  resolve: (result: unknown) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let idleWaiters: (() => void)[] = [];

function settled() {
  if (pending.size > 0) return;
  worker?.unref();
  const waiters = idleWaiters;
  idleWaiters = [];
  for (const w of waiters) w();
}

function startWorker(): Worker {
  const w = new Worker(new URL('./backupWorker.mjs', import.meta.url), { execArgv: [] });
  w.on('message', (reply: JobReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.result);
    else job.reject(reply.code ? new UserError(reply.code, reply.message, reply.issues) : new Error(reply.message));
    settled();
  });
  const fail = (e: Error) => {
    if (worker === w) worker = null;
    for (const job of pending.values()) job.reject(new UserError('BACKUP_FAILED', `备份线程异常退出：${e.message}`));
    pending.clear();
    settled();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`退出码 ${code}`)));
  w.unref();
  return w;
}

function post<T>(job: SnapshotJob): Promise<T> {
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
    // Keep the process alive while a job runs; an idle worker never holds it open.
    w.ref();
    w.postMessage({ id, job } satisfies JobMessage);
  });
}

/** writeSnapshot (db/snapshot.ts) of the database file at `source`, in the worker. */
export const snapshotInBackground = (source: string, dest: string, opts: { replace?: boolean } = {}) =>
  post<{ size: number; schemaVersion: number }>({ type: 'snapshot', source, dest, replace: opts.replace ?? false });

/** checkDatabaseFile (the full integrity_check) of a closed file, in the worker. */
export const checkInBackground = (path: string) => post<FileCheck>({ type: 'check', path });

/** Other threads that read the data file on connections of their own (the dashboard worker). */
interface FileReader {
  busy: () => boolean;
  idle: () => Promise<void>;
}
const readers = new Set<FileReader>();

/** Lets a restore wait for another thread's reads too (see backgroundIdle). */
export function registerFileReader(reader: FileReader): void {
  readers.add(reader);
}

function ownIdle(): Promise<void> {
  if (pending.size === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

/**
 * Resolves once no backup job and no registered reader is at work: nothing of ours holds a
 * connection to the file, so closing the app's own connection merges the WAL (a restore's swap).
 */
export async function backgroundIdle(): Promise<void> {
  for (;;) {
    const busy = [...readers].filter((r) => r.busy());
    if (pending.size === 0 && busy.length === 0) return;
    await Promise.all([ownIdle(), ...busy.map((r) => r.idle())]);
  }
}

/** The worker's thread id, so tests can tell a backup ran off the main thread. */
export const backupWorkerThreadId = () => worker?.threadId ?? null;
