// The backup worker thread: the long parts of a backup — SQLite's copy (VACUUM INTO, on a read-only
// connection of its own) and the full integrity_check — run here, so the thread that answers the
// clerk never waits for them. Exactly the same functions as the synchronous path (db/snapshot.ts),
// so a backup made here is the same verified, synced, atomically named file. One job at a time,
// in the order they came.
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../db/errors';
import { verifyAudit, type AuditVerdict } from '../../db/audit';
import { keyFromJob, openSqlite, type CipherKey } from '../../db/cipher';
import { checkDatabaseFile, writeSnapshot, type FileCheck, type SnapshotMade } from '../../db/snapshot';
import type { JobReply } from '../jobWorker';

/** Each job carries the office's key as hex (db/cipher.ts keyToJob; null: a plain file). Never logged. */
export type SnapshotJob =
  | { type: 'snapshot'; source: string; dest: string; replace: boolean; key: string | null }
  | { type: 'check'; path: string; fullAudit?: boolean; key: string | null }
  | { type: 'verifyAudit'; path: string; key: string | null };

export type SnapshotResult = SnapshotMade | FileCheck | AuditVerdict;

/** The audit chain of a file the app has open, read through a connection that writes nothing. */
function verifyAuditOf(path: string, key: CipherKey | null): AuditVerdict {
  const db = openSqlite(path, { readonly: true, fileMustExist: true, timeout: 5000 }, key);
  try {
    return verifyAudit(db);
  } finally {
    db.close();
  }
}

export interface JobMessage {
  id: number;
  job: SnapshotJob;
}

type SnapshotReply = JobReply<SnapshotResult>;

function run({ id, job }: JobMessage): SnapshotReply {
  try {
    const key = keyFromJob(job.key);
    const result =
      job.type === 'snapshot'
        ? writeSnapshot(job.source, job.dest, { replace: job.replace, key })
        : job.type === 'check'
          ? checkDatabaseFile(job.path, { fullAudit: job.fullAudit, key })
          : verifyAuditOf(job.path, key);
    return { id, ok: true, result };
  } catch (e) {
    const user = e instanceof UserError;
    return {
      id,
      ok: false,
      code: user ? e.code : null,
      message: (e as Error).message ?? String(e),
      issues: user ? e.issues : [],
    };
  }
}

parentPort?.on('message', (message: JobMessage) => parentPort!.postMessage(run(message)));
