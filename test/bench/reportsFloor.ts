// The export benchmark's floor, run where the export runs: a worker thread with the export
// worker's own resource limits (backend/reports/pool.ts), holding the roster's cells already laid
// out. Each message writes them once through exceljs's streaming writer — no styles, no frame,
// no database — and hands the bytes back without copying, as the export worker does. Run on the
// bench's main thread instead, beside the backend's heap and the product's results, this floor
// spent 77–1250 ms in GC per run and varied 260–604 ms (issue 18); here it has a heap of its own.
import { PassThrough } from 'node:stream';
import { parentPort, workerData, Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';

interface Buffered {
  _readableState?: { length: number };
  _writableState?: { length: number };
}

/** Paced as the export paces its writer (backend/reports/writer/table.ts drain). */
async function drain(ws: ExcelJS.Worksheet): Promise<void> {
  const queued = (ws as unknown as { stream?: { pipes?: Buffered[] } }).stream?.pipes?.[0];
  const size = () => (queued?._readableState?.length ?? 0) + (queued?._writableState?.length ?? 0);
  do await new Promise((resolve) => setImmediate(resolve));
  while (size() > 1_000_000);
}

async function bareWrite(sheetName: string, cells: unknown[][]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName);
  for (const [i, row] of cells.entries()) {
    ws.addRow(row).commit();
    if (i % 200 === 199) await drain(ws);
  }
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

if (parentPort && workerData?.floorOf === 'export') {
  const { sheetName, cells } = workerData as { sheetName: string; cells: unknown[][] };
  parentPort.on('message', () => {
    void bareWrite(sheetName, cells).then((bytes) => parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]));
  });
}

/** A floor worker holding these cells; `write()` resolves with the workbook's bytes. */
export function floorWorker(sheetName: string, cells: unknown[][]) {
  const w = new Worker(new URL(import.meta.url), {
    workerData: { floorOf: 'export', sheetName, cells },
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  return {
    write: () =>
      new Promise<Uint8Array>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
        w.postMessage('write');
      }),
    stop: () => w.terminate(),
  };
}
