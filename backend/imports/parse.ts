// Runs SheetJS in a worker thread (./parseWorker.mjs): one warm worker per process, one job at a
// time, a cancel terminates it. The result is plain grids of raw cell values.
import { Worker } from 'node:worker_threads';
import type { Grid } from '../../core/imports/sheet';
import { UserError } from '../../db/errors';
import { damaged, passwordProtected, type Sniffed } from './sniff';

interface Job {
  id: number;
  bytes: Uint8Array | null;
  text: string | null;
  fileName: string;
  resolve: (sheets: Grid[]) => void;
  reject: (e: Error) => void;
}

type Reply = { id: number; ok: true; sheets: Grid[] } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let running: Job | null = null;
const queue: Job[] = [];
let nextId = 1;

export const cancelledError = () => new UserError('CANCELLED', '已取消导入文件的读取');

function explain(message: string, job: Job): Error {
  // SheetJS says "File is password-protected" for an .xls with an open password.
  if (/password-protected/i.test(message)) return passwordProtected(job.fileName);
  return damaged(job.fileName);
}

/** Settles the running job and starts the next; an idle worker must not keep a process alive. */
function settle(job: Job, outcome: () => void) {
  running = null;
  outcome();
  if (queue.length === 0) worker?.unref();
  pump();
}

function spawn(): Worker {
  const w = new Worker(new URL('./parseWorker.mjs', import.meta.url));
  w.on('message', (reply: Reply) => {
    const job = running;
    if (!job || job.id !== reply.id) return;
    settle(job, () => (reply.ok ? job.resolve(reply.sheets) : job.reject(explain(reply.message, job))));
  });
  w.on('error', (e) => {
    const job = running;
    worker = null;
    if (job) settle(job, () => job.reject(new UserError('PARSE_FAILED', `读取文件时出错：${e.message}`)));
  });
  return w;
}

function pump() {
  if (running || queue.length === 0) return;
  const job = queue.shift()!;
  running = job;
  worker ??= spawn();
  worker.ref();
  worker.postMessage({ id: job.id, bytes: job.bytes, text: job.text });
}

export interface ParseHandle {
  id: number;
  done: Promise<Grid[]>;
}

/** Starts reading the file; `done` gives every sheet as a grid, or a UserError saying why not. */
export function startParse(sniffed: Sniffed, bytes: Uint8Array, fileName: string): ParseHandle {
  const id = nextId++;
  const done = new Promise<Grid[]>((resolve, reject) => {
    queue.push({ id, bytes: sniffed.text === null ? bytes : null, text: sniffed.text, fileName, resolve, reject });
  });
  pump();
  return { id, done };
}

/** Stops a job: dropped from the queue, or its worker terminated (a fresh one serves the rest). */
export function cancelParse(id: number): boolean {
  const i = queue.findIndex((j) => j.id === id);
  if (i >= 0) {
    queue.splice(i, 1)[0].reject(cancelledError());
    return true;
  }
  if (running?.id !== id) return false;
  const job = running;
  running = null;
  const w = worker;
  worker = null;
  void w?.terminate();
  job.reject(cancelledError());
  pump();
  return true;
}
