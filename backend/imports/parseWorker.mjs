// Reads a workbook off the main thread, so a big file neither blocks the backend (progress polls,
// other requests) nor outlives a cancel: the main thread terminates this worker.
// Plain JavaScript so Node loads it as it is, under tsx, vitest and Electron alike.
import { parentPort } from 'node:worker_threads';
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';

// Excel 95 and old WPS .xls files keep text in the Windows code page (936 for Chinese).
XLSX.set_cptable(cptable);
// SheetJS writes notes on odd number formats to the console; a refused file is reported by
// message, so the worker keeps the backend's console clean.
globalThis.console.error = globalThis.console.warn = () => {};

/** SheetJS cell → raw value: numbers stay numbers (dates are serials, IDs show they were numbers). */
function valueOf(cell) {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
    case 's':
    case 'b':
      return cell.v ?? null;
    case 'e':
      return cell.w ?? '#错误';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default:
      return null;
  }
}

function sheetOf(name, ws) {
  const data = ws['!data'] ?? [];
  const rows = new Array(data.length);
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) {
      rows[r] = [];
      continue;
    }
    const row = new Array(src.length);
    for (let c = 0; c < src.length; c++) row[c] = valueOf(src[c]);
    rows[r] = row;
  }
  const merges = (ws['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  return { name, rows, merges };
}

parentPort.on('message', (job) => {
  try {
    const options = {
      dense: true,
      cellDates: false,
      cellText: false,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
    };
    // CSV text is read raw: 18-digit IDs and 0-leading codes stay text, never become numbers.
    const wb =
      job.text !== null
        ? XLSX.read(job.text, { ...options, type: 'string', raw: true })
        : XLSX.read(job.bytes, { ...options, type: 'buffer' });
    const sheets = wb.SheetNames.map((name) => sheetOf(name, wb.Sheets[name]));
    parentPort.postMessage({ id: job.id, ok: true, sheets });
  } catch (e) {
    parentPort.postMessage({ id: job.id, ok: false, message: String(e && e.message ? e.message : e) });
  }
});
