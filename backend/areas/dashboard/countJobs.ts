// The dashboard worker thread: dashboard.checks computed on a read-only connection of its own, by
// the very same services (checks.ts), so a 100k-people county's counts (seven near-full scans,
// 200 ms and more) never hold up the thread that answers the clerk. The connection is opened per
// job and closed after it: a reader left open would keep a restore from merging the WAL.
import { parentPort } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { UserError } from '../../../db/errors';
import { keyFromJob, openSqlite } from '../../../db/cipher';
import { setClock } from '../../../db/clock';
import type { OutputOf } from '../../../core/api';
import type { HandlerCtx } from '../../context';
import { computeChecks } from './checks';
import type { JobReply } from '../../jobWorker';
import type { CountJob } from './offThread';

type CountReply = JobReply<OutputOf<'dashboard.checks'>>;

function readingCtx(db: Database, now: Date): HandlerCtx {
  // The views' census_today() is the caller's day, never this thread's wall clock.
  setClock(db, () => now);
  return {
    db,
    operator: null,
    now: () => now,
    audit: () => {
      throw new Error('首页检查不应写入操作日志');
    },
    auditCount: () => 0,
  };
}

async function run({ id, job }: { id: number; job: CountJob }): Promise<CountReply> {
  try {
    const db = openSqlite(job.dbPath, { readonly: true, fileMustExist: true, timeout: 5000 }, keyFromJob(job.key));
    // SQLite's own 2 MB page cache rather than better-sqlite3's 16 MB (as the export worker): the
    // counts read each page about once, and the cache's memory stays with the process after the job.
    db.pragma('cache_size = -2048');
    db.pragma('temp.cache_size = -2048');
    try {
      return { id, ok: true, result: await computeChecks(readingCtx(db, new Date(job.now))) };
    } finally {
      db.close();
    }
  } catch (e) {
    return { id, ok: false, code: e instanceof UserError ? e.code : null, message: (e as Error).message };
  }
}

parentPort?.on(
  'message',
  (message: { id: number; job: CountJob }) => void run(message).then((reply) => parentPort!.postMessage(reply)),
);
