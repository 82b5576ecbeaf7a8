// Runs SheetJS in a worker thread (./parseWorker.mjs) under a heap limit (resourceLimits) and a
// time limit: one warm worker per heap limit, one job at a time, a cancel or a timeout terminates
// it, and a worker that runs out of memory dies alone (the app goes on). The worker refuses a file
// past the job's limits before reading it. The result is plain grids of raw cell values.
import { Worker } from 'node:worker_threads';
import type { Grid } from '../../core/imports/sheet';
import { UserError } from '../../db/errors';
import { IMPORT_LIMITS, type ParseLimits } from './limits';
import { damaged, passwordProtected, sniffFile, type Sniffed } from './sniff';
import { displayFileName } from '../../core/imports/fileName';

interface Job {
  id: number;
  bytes: Uint8Array | null;
  text: string | null;
  fileName: string;
  limits: ParseLimits;
  resolve: (book: ParsedBook) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

export interface ParsedBook {
  sheets: Grid[];
  /** Estimated bytes the grids (and the file) take in memory. */
  held: number;
}

type Reply =
  | { id: number; ok: true; sheets: Grid[]; held: number }
  | { id: number; ok: false; refused: boolean; damaged?: boolean; message: string };

export const cancelledError = () => new UserError('CANCELLED', '已取消导入文件的读取');

const overLimit = (message: string) => new UserError('FILE_TOO_LARGE', message);

function explain(reply: Extract<Reply, { ok: false }>, job: Job): Error {
  if (reply.refused) return overLimit(reply.message);
  // SheetJS says "File is password-protected" for an .xls with an open password.
  if (/password-protected/i.test(reply.message)) return passwordProtected(job.fileName);
  return damaged(job.fileName);
}

/** One worker and its queue, for one heap limit. */
class Pool {
  private worker: Worker | null = null;
  private running: Job | null = null;
  private readonly queue: Job[] = [];

  constructor(private readonly heapMb: number) {}

  add(job: Job) {
    this.queue.push(job);
    this.pump();
  }

  /** Settles the running job and starts the next; an idle worker must not keep a process alive. */
  private settle(job: Job, outcome: () => void) {
    clearTimeout(job.timer);
    this.running = null;
    outcome();
    if (this.queue.length === 0) this.worker?.unref();
    this.pump();
  }

  /** Ends the worker (a fresh one serves the rest) and fails the running job with `error`. */
  private kill(job: Job, error: Error) {
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
    this.settle(job, () => job.reject(error));
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./parseWorker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 64 },
    });
    w.on('message', (reply: Reply) => {
      const job = this.running;
      if (!job || job.id !== reply.id) return;
      this.settle(job, () =>
        reply.ok ? job.resolve({ sheets: reply.sheets, held: reply.held }) : job.reject(explain(reply, job)),
      );
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (this.worker !== w) return;
      this.worker = null;
      const job = this.running;
      if (!job) return;
      const message =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `读取“${job.fileName}”所需内存超过上限（${this.heapMb} MB），已停止读取：请删除无关的工作表、空行和空列，或分成几个文件导入`
          : `读取文件时出错：${e.message}`;
      this.settle(job, () =>
        job.reject(new UserError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'FILE_TOO_LARGE' : 'PARSE_FAILED', message)),
      );
    });
    return w;
  }

  private pump() {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.running = job;
    this.worker ??= this.spawn();
    this.worker.ref();
    job.timer = setTimeout(() => {
      if (this.running !== job) return;
      const s = Math.round(job.limits.timeoutMs / 1000);
      this.kill(
        job,
        overLimit(
          `读取“${job.fileName}”超过 ${s} 秒仍未完成，已停止：请删除无关的工作表、空行和空列，或分成几个文件导入`,
        ),
      );
    }, job.limits.timeoutMs);
    this.worker.postMessage({ id: job.id, bytes: job.bytes, text: job.text, limits: job.limits });
  }

  /** Stops a job: dropped from the queue, or its worker terminated. */
  cancel(id: number): boolean {
    const i = this.queue.findIndex((j) => j.id === id);
    if (i >= 0) {
      this.queue.splice(i, 1)[0].reject(cancelledError());
      return true;
    }
    if (this.running?.id !== id) return false;
    this.kill(this.running, cancelledError());
    return true;
  }
}

const pools = new Map<number, Pool>();
let nextId = 1;

function poolFor(heapMb: number): Pool {
  let p = pools.get(heapMb);
  if (!p) pools.set(heapMb, (p = new Pool(heapMb)));
  return p;
}

export interface ParseHandle {
  id: number;
  done: Promise<Grid[]>;
  /** The memory the parsed sheets hold (estimated), once `done` has settled; the file's size before. */
  held: number;
}

/** Starts reading the file; `done` gives every sheet as a grid, or a UserError saying why not. */
export function startParse(
  sniffed: Sniffed,
  bytes: Uint8Array,
  fileName: string,
  limits: ParseLimits = IMPORT_LIMITS,
): ParseHandle {
  const id = nextId++;
  const handle: ParseHandle = { id, done: Promise.resolve([]), held: bytes.length };
  handle.done = new Promise<ParsedBook>((resolve, reject) => {
    const text = sniffed.text;
    // The name goes into the refusals the clerk reads: shown without control or bidi characters or a path.
    const shown = displayFileName(fileName);
    poolFor(limits.maxHeapMb).add({
      id,
      bytes: text === null ? bytes : null,
      text,
      fileName: shown,
      limits,
      resolve,
      reject,
    });
  }).then((book) => {
    handle.held = book.held;
    return book.sheets;
  });
  return handle;
}

/** Stops a job: dropped from the queue, or its worker terminated (a fresh one serves the rest). */
export function cancelParse(id: number): boolean {
  for (const p of pools.values()) if (p.cancel(id)) return true;
  return false;
}

/**
 * The bounded parse for any workbook from outside (the import, 核对's report.read): the bytes are
 * sniffed (xlsx, xls, ods, CSV/HTML text in UTF-8, GB18030 or UTF-16), measured against `limits`
 * before anything is inflated, and read in a worker under a heap and a time limit. Resolves to
 * every sheet as a Grid; rejects with a UserError (FILE_TOO_LARGE naming the limit, FILE_DAMAGED,
 * NOT_SPREADSHEET, PASSWORD_PROTECTED, EMPTY_FILE, BAD_ENCODING).
 */
export async function parseWorkbookBounded(
  bytes: Uint8Array,
  opts: { fileName: string; limits?: Partial<ParseLimits> },
): Promise<Grid[]> {
  const limits = { ...IMPORT_LIMITS, ...opts.limits };
  return startParse(sniffFile(bytes, opts.fileName), bytes, opts.fileName, limits).done;
}
