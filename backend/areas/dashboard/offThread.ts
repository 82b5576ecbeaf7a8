// Runs dashboard.checks in the dashboard worker (dashboardWorker.mjs beside this file; the desktop
// build bundles every `new URL('./x.mjs', import.meta.url)` worker). Jobs run in order; the worker
// is kept a minute after its last job (the checks are asked again after each write while a clerk
// works) and then ends, giving its memory back.
import type { OutputOf } from '../../../core/api';
import { UserError } from '../../../db/errors';
import { keyToJob, type CipherKey } from '../../../db/cipher';
import { registerFileReader } from '../../backups/offThread';
import { jobWorker } from '../../jobWorker';

type Checks = OutputOf<'dashboard.checks'>;

/** One computation of the checks, as the worker (countJobs.ts) receives it. */
export interface CountJob {
  dbPath: string;
  /** The caller's clock (ctx.now()), as an ISO time. */
  now: string;
  /** The office's key as hex (null: a plain file); never logged. */
  key: string | null;
}

const worker = jobWorker<CountJob, Checks>(() => new URL('./dashboardWorker.mjs', import.meta.url), {
  idleExitMs: 60_000,
  toError: (reply) => (reply.code ? new UserError(reply.code, reply.message) : new Error(reply.message)),
  onCrash: (e) => new Error(`首页检查线程异常退出：${e.message}`),
});

// A restore waits for these reads: a connection left open would keep it from merging the WAL.
registerFileReader({ busy: worker.busy, idle: worker.idle });

/** dashboard.checks of the data file at `dbPath` as last committed, computed in the worker. */
export const checksInBackground = (dbPath: string, now: Date, key: CipherKey | null = null): Promise<Checks> =>
  worker.post({ dbPath, now: now.toISOString(), key: keyToJob(key) });

/** The thread that computed the last checks, so tests can tell they ran off the main thread. */
export const dashboardWorkerThreadId = worker.lastThreadId;
