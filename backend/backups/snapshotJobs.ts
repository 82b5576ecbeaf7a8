// The backup worker thread: the long parts of a backup — SQLite's copy (VACUUM INTO, on a read-only
// connection of its own) and the full integrity_check — run here, so the thread that answers the
// clerk never waits for them. Exactly the same functions as the synchronous path (db/snapshot.ts),
// so a backup made here is the same verified, synced, atomically named file. One job at a time,
// in the order they came.
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../db/errors';
import { checkDatabaseFile, writeSnapshot, type FileCheck } from '../../db/snapshot';
import type { JobReply } from '../jobWorker';

export type SnapshotJob =
  { type: 'snapshot'; source: string; dest: string; replace: boolean } | { type: 'check'; path: string };

export type SnapshotResult = { size: number; schemaVersion: number } | FileCheck;

export interface JobMessage {
  id: number;
  job: SnapshotJob;
}

type SnapshotReply = JobReply<SnapshotResult>;

function run({ id, job }: JobMessage): SnapshotReply {
  try {
    const result =
      job.type === 'snapshot'
        ? writeSnapshot(job.source, job.dest, { replace: job.replace })
        : checkDatabaseFile(job.path);
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
