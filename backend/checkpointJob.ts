// The checkpoint worker's one job: copy the write-ahead log a big write left into the data file
// (PRAGMA wal_checkpoint(PASSIVE): never waits for, nor blocks, the app's own connection), on a
// keyed connection of its own, then end. See backend/checkpoint.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../db/cipher';

type Checkpointed = { busy: number; log: number; checkpointed: number };

const { path, key } = workerData as { path: string; key: string | null };
let answer: ({ ok: true } & Checkpointed) | { ok: false; message: string };
try {
  const db = openSqlite(path, { fileMustExist: true, timeout: 1000 }, key ? Buffer.from(key, 'hex') : null);
  try {
    answer = { ok: true, ...(db.pragma('wal_checkpoint(PASSIVE)') as Checkpointed[])[0] };
  } finally {
    db.close();
  }
} catch (e) {
  answer = { ok: false, message: (e as Error).message };
}
parentPort?.postMessage(answer);
