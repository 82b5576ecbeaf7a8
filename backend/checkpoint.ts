// After a sliced write (backend/slicedWrite.ts), its write-ahead log holds tens of MB. SQLite would
// copy it into the data file at the commit itself (the automatic checkpoint, 50–150 ms of the
// request thread at 20k people), or at the next small write's commit. Instead the sliced write
// turns the automatic checkpoint off while it runs and a worker thread checkpoints once it has
// committed. If the worker cannot (a busy file, no worker), nothing is lost: the automatic
// checkpoint is back on for the next commit, which then does it as it always did.
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { CipherKey } from '../db/cipher';

/** One checkpoint at a time per data file: a second one meanwhile has nothing more to copy. */
const running = new Map<string, Promise<void>>();

export function checkpointInBackground(path: string, key: CipherKey | null): Promise<void> {
  const already = running.get(path);
  if (already) return already;
  const done = new Promise<void>((resolve) => {
    let w: Worker;
    try {
      w = new Worker(new URL('./checkpointWorker.mjs', import.meta.url), {
        workerData: { path, key: key ? key.toString('hex') : null },
        execArgv: [],
      });
    } catch {
      resolve();
      return;
    }
    // The app may close meanwhile: the worker never holds the process open.
    w.unref();
    w.once('error', () => resolve());
    w.once('exit', () => resolve());
  }).finally(() => running.delete(path));
  running.set(path, done);
  return done;
}

/** The writer connection's automatic checkpoint off for a sliced write; the returned function turns it back on. */
export function holdAutoCheckpoint(db: Database): () => void {
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  return () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${pages}`);
  };
}
