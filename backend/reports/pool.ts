// Runs export jobs in a worker thread, so a 100k-row roster never blocks the thread that answers
// the UI. The worker lives while jobs are queued and is ended 15 s after the last (its memory goes
// back). Its entry is exportWorker.mjs beside this file (the desktop build bundles every
// `new URL('./x.mjs', import.meta.url)` worker). An in-memory store cannot be opened from another
// thread, so its jobs run here.
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { UserError } from '../../db/errors';
import { keyOf, keyToJob } from '../../db/cipher';
import { buildFile, rebuildFile } from './builders';
import type { ExportFile, ExportJob, ProgressFn } from './types';
import type { JobMessage, WorkerReply } from './worker';

interface Pending {
  resolve: (file: ExportFile) => void;
  reject: (e: Error) => void;
  progress: ProgressFn;
}

let worker: Worker | null = null;
let lastThreadId: number | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * An idle worker is ended after IDLE_MS: its heap (tens of MB after a big roster) goes back to the
 * system. Not at once: a clerk's next export seconds later reuses that heap, where a new worker's
 * would come on top of what the ended one's left in the C allocator (100k roster, three exports in
 * a row: server peaks 273 / 274 / 287 MB with a new worker each, 274 / 274 / 274 with one kept).
 */
const IDLE_MS = 15_000;
let idleTimer: ReturnType<typeof setTimeout> | null = null;

function endWhenIdle(w: Worker) {
  // An idle worker never holds the process open.
  w.unref();
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (worker === w) worker = null;
    void w.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}

/** The export worker's old generation, in MB (see startWorker). */
const OLD_GENERATION_MB = 256;

function startWorker(): Worker {
  // Rows die young by the hundred thousand: a small young generation keeps them from piling up.
  // A bounded old generation makes V8 size and collect it for that bound rather than for the
  // machine's memory: exporting R1 at 100k, the server's peak RSS fell from 259–282 MB to 231–238
  // (docs/performance.md). What such an export keeps alive is under 48 MB (it fails at 28), so
  // 256 MB leaves room for five times that.
  const w = new Worker(new URL('./exportWorker.mjs', import.meta.url), {
    execArgv: [],
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: OLD_GENERATION_MB },
  });
  lastThreadId = w.threadId;
  const stop = () => {
    if (worker === w) worker = null;
  };
  w.on('message', (reply: WorkerReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    if (reply.type === 'progress') return job.progress(reply.done, reply.total);
    pending.delete(reply.id);
    if (pending.size === 0) endWhenIdle(w);
    if (reply.type === 'done')
      job.resolve({
        fileName: reply.fileName,
        bytes: reply.bytes,
        sha256: reply.sha256,
        monthly: reply.monthly as ExportFile['monthly'],
      });
    else job.reject(reply.code ? new UserError(reply.code, reply.message, reply.issues) : new Error(reply.message));
  });
  const fail = (e: Error) => {
    for (const job of pending.values()) job.reject(new Error(`报表导出进程异常退出：${e.message}`));
    pending.clear();
    stop();
  };
  w.on('error', (e) => {
    if (worker === w) fail(e);
  });
  w.on('exit', (code) => {
    if (worker === w) fail(new Error(`退出码 ${code}`));
  });
  w.unref();
  return w;
}

function inProcess(db: Database, job: ExportJob, progress: ProgressFn): Promise<ExportFile> {
  return job.type === 'build' ? buildFile(db, job, progress) : rebuildFile(job, progress);
}

/**
 * Builds a workbook off-thread; `db` is used only when the store is in memory, and for its key
 * (the worker's connection to an encrypted file is opened with the same key).
 */
export function runExport(db: Database, job: ExportJob, progress: ProgressFn): Promise<ExportFile> {
  if (job.type === 'build' && job.dbPath === ':memory:') return inProcess(db, job, progress);
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  worker ??= startWorker();
  const w = worker;
  const id = nextId++;
  return new Promise<ExportFile>((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    // Keep the process alive while a job runs; an idle worker never holds it open.
    w.ref();
    w.postMessage({ id, job, key: keyToJob(keyOf(db)) } satisfies JobMessage);
  });
}

/** The thread id of the worker that ran the last job, so tests can tell it ran off the main thread. */
export const exportWorkerThreadId = () => lastThreadId;
