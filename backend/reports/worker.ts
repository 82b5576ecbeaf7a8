// The export worker: builds workbooks off the thread that serves the UI. It opens the data file
// read-only for each job (WAL lets it read while the app writes), reports progress, and hands
// the bytes back without copying them.
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../db/errors';
import { keyFromJob, openSqlite } from '../../db/cipher';
import { buildFile, rebuildFile } from './builders';
import type { ExportJob } from './types';

export interface JobMessage {
  id: number;
  job: ExportJob;
  /** The office's key as hex (db/cipher.ts keyToJob; null: a plain file). Never logged. */
  key: string | null;
}

export type WorkerReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; fileName: string; bytes: Uint8Array; sha256: string; monthly: unknown }
  | { id: number; type: 'error'; code: string | null; message: string; issues: { path: string; message: string }[] };

async function run({ id, job, key }: JobMessage): Promise<WorkerReply> {
  const progress = (done: number, total: number) =>
    parentPort!.postMessage({ id, type: 'progress', done, total } satisfies WorkerReply);
  try {
    let file;
    if (job.type === 'build') {
      const db = openSqlite(job.dbPath, { readonly: true, fileMustExist: true }, keyFromJob(key));
      // better-sqlite3's default page cache is 16 MB, for the data and again for the temporary
      // tables the roster's GROUP BYs fill: ~30 MB more at 100k people than SQLite's own 2 MB
      // default, and no faster for a one-pass read.
      db.pragma('cache_size = -2048');
      db.pragma('temp.cache_size = -2048');
      try {
        file = await buildFile(db, job, progress);
      } finally {
        db.close();
      }
    } else file = await rebuildFile(job, progress);
    return { id, type: 'done', ...file };
  } catch (e) {
    const user = e instanceof UserError;
    return {
      id,
      type: 'error',
      code: user ? e.code : null,
      message: (e as Error).message ?? String(e),
      issues: user ? e.issues : [],
    };
  }
}

// One job at a time: a second export waits rather than doubling the memory in use.
let queue = Promise.resolve();
parentPort?.on('message', (message: JobMessage) => {
  queue = queue.then(async () => {
    const reply = await run(message);
    if (reply.type === 'done') {
      // Transfer the bytes: a buffer that owns its whole ArrayBuffer can move without a copy.
      const own = reply.bytes.byteOffset === 0 && reply.bytes.byteLength === reply.bytes.buffer.byteLength;
      const bytes = own ? reply.bytes : new Uint8Array(reply.bytes);
      parentPort!.postMessage({ ...reply, bytes }, [bytes.buffer as ArrayBuffer]);
    } else parentPort!.postMessage(reply);
  });
});
