// Backups and integrity checks in a worker thread, so the thread that answers the clerk keeps
// answering while SQLite copies and checks a big file (~400 ms at 100k people on the request
// thread before). The worker (backupWorker.mjs beside this file; the desktop build bundles every
// `new URL('./x.mjs', import.meta.url)` worker) runs the jobs one at a time, in order, and ends
// soon after the last: backups are minutes or a day apart, its memory is better back with the PC.
import type { AuditVerdict } from '../../db/audit';
import { UserError } from '../../db/errors';
import { keyToJob, type CipherKey } from '../../db/cipher';
import type { FileCheck, SnapshotMade } from '../../db/snapshot';
import { jobWorker } from '../jobWorker';
import type { Rekeyed, SnapshotJob, SnapshotResult } from './snapshotJobs';

const worker = jobWorker<SnapshotJob, SnapshotResult>(() => new URL('./backupWorker.mjs', import.meta.url), {
  idleExitMs: 5_000,
  toError: (reply) =>
    reply.code ? new UserError(reply.code, reply.message, reply.issues ?? []) : new Error(reply.message),
  onCrash: (e) => new UserError('BACKUP_FAILED', `备份线程异常退出：${e.message}`),
});
const post = <T extends SnapshotResult>(job: SnapshotJob) => worker.post(job) as Promise<T>;

// `key`: the office's key (Workspace.key); the worker's connections are opened with it, and a copy
// of an encrypted file comes out encrypted under it.

/** writeSnapshot (db/snapshot.ts) of the database file at `source`, in the worker. */
export const snapshotInBackground = (
  source: string,
  dest: string,
  opts: { replace?: boolean; key?: CipherKey | null } = {},
) =>
  post<SnapshotMade>({
    type: 'snapshot',
    source,
    dest,
    replace: opts.replace ?? false,
    key: keyToJob(opts.key ?? null),
  });

/** checkDatabaseFile (the full integrity_check; with fullAudit, the whole audit chain too) of a closed file, in the worker. */
export const checkInBackground = (path: string, opts: { fullAudit?: boolean; key?: CipherKey | null } = {}) =>
  post<FileCheck>({ type: 'check', path, fullAudit: opts.fullAudit ?? false, key: keyToJob(opts.key ?? null) });

/** verifyAudit of the data file on a read-only connection of the worker's own (1–2 s at 100k entries). */
export const verifyAuditInBackground = (path: string, key: CipherKey | null = null) =>
  post<AuditVerdict>({ type: 'verifyAudit', path, key: keyToJob(key) });

/**
 * A closed file (a staged copy: nothing else has it open) put from `key` (null: plain) under `next`
 * in place, in the worker: 4-5 s for a 91 MB file, which the request thread no longer waits out.
 */
export const rekeyInBackground = (path: string, key: CipherKey | null, next: CipherKey) =>
  post<Rekeyed>({ type: 'rekey', path, key: keyToJob(key), next: keyToJob(next)! });

/** A backup put under `next` through a verified copy renamed over it (snapshotJobs.ts rekeyBackupCopy), in the worker. */
export const rekeyBackupInBackground = (path: string, key: CipherKey | null, next: CipherKey) =>
  post<Rekeyed>({ type: 'rekeyBackup', path, key: keyToJob(key), next: keyToJob(next)! });

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

/**
 * Resolves once no backup job and no registered reader is at work: nothing of ours holds a
 * connection to the file, so closing the app's own connection merges the WAL (a restore's swap).
 */
export async function backgroundIdle(): Promise<void> {
  for (;;) {
    const busy = [...readers].filter((r) => r.busy());
    if (!worker.busy() && busy.length === 0) return;
    await Promise.all([worker.idle(), ...busy.map((r) => r.idle())]);
  }
}

/** The thread that ran the last backup job, so tests can tell it ran off the main thread. */
export const backupWorkerThreadId = worker.lastThreadId;
