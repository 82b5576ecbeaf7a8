// The backup worker thread: the long parts of a backup — SQLite's copy (VACUUM INTO, on a read-only
// connection of its own) and the full integrity_check — run here, so the thread that answers the
// clerk never waits for them. Exactly the same functions as the synchronous path (db/snapshot.ts),
// so a backup made here is the same verified, synced, atomically named file. One job at a time,
// in the order they came.
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, threadId } from 'node:worker_threads';
import { UserError } from '../../db/errors';
import { verifyAudit, type AuditVerdict } from '../../db/audit';
import { keyFromJob, openSqlite, rekeyConnection, type CipherKey } from '../../db/cipher';
import {
  checkDatabaseFile,
  syncFile,
  syncFolder,
  writeSnapshot,
  type FileCheck,
  type SnapshotMade,
} from '../../db/snapshot';
import type { JobReply } from '../jobWorker';

/** Each job carries the office's key as hex (db/cipher.ts keyToJob; null: a plain file). Never logged. */
export type SnapshotJob =
  | { type: 'snapshot'; source: string; dest: string; replace: boolean; key: string | null }
  | { type: 'check'; path: string; fullAudit?: boolean; key: string | null }
  | { type: 'verifyAudit'; path: string; key: string | null }
  /** A staged copy (closed, ours alone) put from `key` under `next`, in place. */
  | { type: 'rekey'; path: string; key: string | null; next: string }
  /** A catalogued backup put under `next` through a copy renamed over it (rekeyBackupCopy). */
  | { type: 'rekeyBackup'; path: string; key: string | null; next: string };

/** A file re-keyed: its new size, and the thread that did it (tests check it was not the request thread). */
export interface Rekeyed {
  size: number;
  threadId: number;
}

export type SnapshotResult = SnapshotMade | FileCheck | AuditVerdict | Rekeyed;

/** The audit chain of a file the app has open, read through a connection that writes nothing. */
function verifyAuditOf(path: string, key: CipherKey | null): AuditVerdict {
  const db = openSqlite(path, { readonly: true, fileMustExist: true, timeout: 5000 }, key);
  try {
    return verifyAudit(db);
  } finally {
    db.close();
  }
}

/** rekeyConnection on a closed file, its journal mode kept (a backup's is DELETE, a staged copy's WAL). */
function rekeyFile(path: string, key: CipherKey | null, next: CipherKey): void {
  const db = openSqlite(path, { fileMustExist: true }, key);
  try {
    const mode = db.pragma('journal_mode', { simple: true }) as string;
    rekeyConnection(db, next);
    if (mode !== 'wal') db.pragma(`journal_mode = ${mode}`);
  } finally {
    db.close();
  }
}

function rekeyStagedFile(path: string, key: CipherKey | null, next: CipherKey): Rekeyed {
  rekeyFile(path, key, next);
  return { size: statSync(path).size, threadId };
}

/**
 * A backup put under `next` as safely as a backup is written: a copy beside it (`….partial`, which
 * the start-up's leftover sweep knows), re-keyed, quick_check read through the new key, synced,
 * then renamed over the backup in one step. Any failure removes the copy and leaves the backup
 * exactly as it was; a backup pruned meanwhile is not brought back.
 */
function rekeyBackupCopy(path: string, key: CipherKey | null, next: CipherKey): Rekeyed {
  const copy = `${path}.partial`;
  const removeCopy = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  };
  try {
    copyFileSync(path, copy);
    rekeyFile(copy, key, next);
    const check = openSqlite(copy, { readonly: true, fileMustExist: true }, next);
    try {
      const result = check.pragma('quick_check', { simple: true }) as string;
      if (result !== 'ok') throw new Error(`quick_check: ${result}`);
    } finally {
      check.close();
    }
    syncFile(copy);
    if (!existsSync(path)) throw new Error('备份文件已被删除');
    renameSync(copy, path);
    syncFolder(dirname(path));
    return { size: statSync(path).size, threadId };
  } catch (e) {
    removeCopy();
    throw e;
  }
}

export interface JobMessage {
  id: number;
  job: SnapshotJob;
}

type SnapshotReply = JobReply<SnapshotResult>;

function perform(job: SnapshotJob, key: CipherKey | null): SnapshotResult {
  switch (job.type) {
    case 'snapshot':
      return writeSnapshot(job.source, job.dest, { replace: job.replace, key });
    case 'check':
      return checkDatabaseFile(job.path, { fullAudit: job.fullAudit, key });
    case 'verifyAudit':
      return verifyAuditOf(job.path, key);
    case 'rekey':
      return rekeyStagedFile(job.path, key, keyFromJob(job.next)!);
    case 'rekeyBackup':
      return rekeyBackupCopy(job.path, key, keyFromJob(job.next)!);
  }
}

function run({ id, job }: JobMessage): SnapshotReply {
  try {
    return { id, ok: true, result: perform(job, keyFromJob(job.key)) };
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
