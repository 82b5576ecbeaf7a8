// Reads a workbook off the main thread, so a big file neither blocks the backend (progress polls,
// other requests) nor outlives a cancel: the main thread terminates this worker, which also runs
// under a heap limit and a time limit (./parse.ts). Before SheetJS builds anything, the file is
// measured against the job's limits (./zipScan.mjs): a file past them is refused by name.
// Plain JavaScript so Node loads it as it is, under tsx, vitest and Electron alike.
import { parentPort } from 'node:worker_threads';
import { TextDecoder } from 'node:util';
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { inflateEntry, scanOdsXml, scanSheetXml, sheetNames, zipDirectory, ZipFault } from './zipScan.mjs';

// Excel 95 and old WPS .xls files keep text in the Windows code page (936 for Chinese).
XLSX.set_cptable(cptable);
// SheetJS writes notes on odd number formats to the console; a refused file is reported by
// message, so the worker keeps the backend's console clean.
globalThis.console.error = globalThis.console.warn = () => {};

/** Marks a cell that holds no faithful value (core/imports/cells.ts reads it): kind, address, text. */
const FAULT = '\u0000';
const ERRORS = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

class Refusal extends Error {}

const n = (v) => v.toLocaleString('en-US');
const mb = (v) => `${Math.ceil(v / 1024 / 1024)} MB`;

function letter(index) {
  let v = index + 1;
  let s = '';
  while (v > 0) {
    s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
    v = Math.floor((v - 1) / 26);
  }
  return s;
}

function checkSheet(name, size, limits, exact = true) {
  if (size.rows > limits.maxRows)
    throw new Refusal(
      `工作表“${name}”含${exact ? ` ${n(size.rows)} ` : `超过 ${n(limits.maxRows)} `}行，超过导入上限 ${n(limits.maxRows)} 行；请删除空行后重试（数据确实更多时请分成几个文件导入）`,
    );
  if (size.columns > limits.maxColumns)
    throw new Refusal(
      `工作表“${name}”的内容延伸到第 ${n(size.columns)} 列（${letter(size.columns - 1)} 列），超过导入上限 ${n(limits.maxColumns)} 列；请删除右侧多余的列后重试`,
    );
  if (size.merges > limits.maxMerges)
    throw new Refusal(
      `工作表“${name}”含 ${n(size.merges)} 个合并单元格区域，超过导入上限 ${n(limits.maxMerges)} 个；请取消多余的合并后重试`,
    );
}

const tooManyCells = (cells, limits) =>
  new Refusal(
    `文件共有 ${n(cells)} 个有内容的单元格，超过导入上限 ${n(limits.maxCells)} 个；请删除无关的工作表或列，或分成几个文件导入`,
  );

/**
 * An .xlsx measured before SheetJS reads it: declared sizes first (nothing inflated), then each
 * entry inflated within its declared size, then each worksheet's rows, columns, cells and merges.
 * Returns, by sheet name, each worksheet's hidden rows and formulas saved without a result.
 */
function measureZip(bytes, limits) {
  const { entries, zip64 } = zipDirectory(bytes);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (zip64 || declared > limits.maxUnzippedBytes)
    throw new Refusal(
      `文件解压后${zip64 ? '超过 4 GB' : `共 ${mb(declared)}`}，超过导入上限 ${mb(limits.maxUnzippedBytes)}（常因大量空白格式或无关内容）；请在 Excel 中删除多余的工作表、空行和空列，另存后重试`,
    );
  const text = new TextDecoder();
  const files = new Map();
  for (const e of entries) if (!e.name.endsWith('/')) files.set(e.name, inflateEntry(bytes, e));
  const xmlOf = (path) => (files.has(path) ? text.decode(files.get(path)) : '');
  const names = sheetNames(xmlOf('xl/workbook.xml'), xmlOf('xl/_rels/workbook.xml.rels'));
  const found = new Map();
  let cells = 0;
  for (const [path, data] of files) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) continue;
    const name = names.get(path) ?? path.replace(/^.*\//, '');
    const size = scanSheetXml(text.decode(data));
    checkSheet(name, size, limits);
    cells += size.cells;
    if (cells > limits.maxCells) throw tooManyCells(cells, limits);
    found.set(name, { hiddenRows: size.hiddenRows.map((r) => r - 1), uncached: size.uncached });
  }
  // OpenDocument (.ods): repeated rows and cells are counted as what they expand to.
  if (files.has('content.xml') && /opendocument\.spreadsheet/.test(xmlOf('mimetype'))) {
    for (const size of scanOdsXml(xmlOf('content.xml'))) {
      checkSheet(size.name, size, limits);
      cells += size.cells;
      if (cells > limits.maxCells) throw tooManyCells(cells, limits);
    }
  }
  return found;
}

/** CSV and HTML text: lines with content, before SheetJS makes a row of each. */
function measureText(text, limits) {
  let lines = 0;
  let last = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (/[^\s,;\t"]/.test(text.slice(last, i))) lines++;
      last = i + 1;
    }
  }
  if (lines > limits.maxRows)
    throw new Refusal(
      `文件含 ${n(lines)} 行，超过导入上限 ${n(limits.maxRows)} 行；请删除空行后重试（数据确实更多时请分成几个文件导入）`,
    );
}

const dateFormats = new Map();
function isDateFormat(z) {
  if (!z || z === 'General') return false;
  let known = dateFormats.get(z);
  if (known === undefined) dateFormats.set(z, (known = XLSX.SSF.is_date(z)));
  return known;
}

/** SheetJS cell → raw value: numbers stay numbers (IDs show they were numbers); dates as ISO text. */
function valueOf(cell, r, c, date1904) {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      if (typeof cell.v === 'number' && cell.v >= 1 && isDateFormat(cell.z)) {
        const d = XLSX.SSF.parse_date_code(cell.v, { date1904 });
        if (d && d.y >= 1900) return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
      }
      return cell.v ?? null;
    case 's':
    case 'b':
      return cell.v ?? null;
    case 'e':
      // A formula Excel never calculated (written by a program) has no value to read.
      if (cell.v === undefined && cell.f) return `${FAULT}F:${letter(c)}${r + 1}:${String(cell.f).slice(0, 60)}`;
      return `${FAULT}E:${letter(c)}${r + 1}:${ERRORS[cell.v] ?? '#错误'}`;
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default:
      return null;
  }
}

/** The grid, its merges clamped to the cells it holds, and an estimate of the memory it takes. */
function sheetOf(name, ws, visibility, found, date1904, limits) {
  const data = (ws['!data'] ??= []);
  for (const u of found.uncached) {
    const cell = data[u.r]?.[u.c];
    if (cell && cell.v !== undefined && cell.v !== '') continue;
    (data[u.r] ??= [])[u.c] = { t: 'e', f: u.formula || '…' };
  }
  let last = data.length - 1;
  while (last >= 0 && !(data[last] ?? []).some((cell) => cell && cell.t !== 'z')) last--;
  const rows = new Array(last + 1);
  let width = 0;
  let cells = 0;
  let bytes = 64 + rows.length * 8;
  for (let r = 0; r <= last; r++) {
    const src = data[r];
    if (!src) {
      rows[r] = [];
      continue;
    }
    const row = new Array(src.length);
    for (let c = 0; c < src.length; c++) {
      const v = valueOf(src[c], r, c, date1904);
      row[c] = v;
      if (v !== null) {
        cells++;
        if (c + 1 > width) width = c + 1;
        if (typeof v === 'string') bytes += 16 + v.length * 2;
      }
    }
    bytes += 32 + src.length * 8;
    rows[r] = row;
  }
  // sheetRows cut the sheet at one row past the limit, so past it the true count is unknown here.
  checkSheet(name, { rows: rows.length, columns: width, merges: (ws['!merges'] ?? []).length }, limits, false);
  // A merge reaching past the last row or column with a value (K2:XFD1048576 over four rows)
  // covers nothing that is there: it is cut to what is.
  const merges = [];
  for (const m of ws['!merges'] ?? []) {
    if (m.s.r > last || m.s.c >= width) continue;
    merges.push({ s: { r: m.s.r, c: m.s.c }, e: { r: Math.min(m.e.r, last), c: Math.min(m.e.c, width - 1) } });
  }
  return {
    sheet: { name, rows, merges, hidden: visibility, hiddenRows: found.hiddenRows.filter((r) => r <= last) },
    cells,
    bytes,
  };
}

parentPort.on('message', (job) => {
  const { limits } = job;
  try {
    let found = new Map();
    if (job.text !== null) measureText(job.text, limits);
    else if (job.bytes[0] === 0x50 && job.bytes[1] === 0x4b) found = measureZip(job.bytes, limits);
    const options = {
      dense: true,
      cellDates: false,
      cellText: false,
      cellHTML: false,
      cellNF: true,
      cellStyles: false,
      // Past the limit SheetJS stops making rows (.xls, .ods: not measured beforehand).
      sheetRows: limits.maxRows + 1,
    };
    // CSV text is read raw: 18-digit IDs and 0-leading codes stay text, never become numbers.
    const wb =
      job.text !== null
        ? XLSX.read(job.text, { ...options, type: 'string', raw: true })
        : XLSX.read(job.bytes, { ...options, type: 'buffer' });
    const date1904 = !!wb.Workbook?.WBProps?.date1904;
    const sheets = [];
    let cells = 0;
    let held = job.bytes ? job.bytes.length : job.text.length * 2;
    wb.SheetNames.forEach((name, i) => {
      const visibility = wb.Workbook?.Sheets?.[i]?.Hidden ?? 0;
      const measured = found.get(name) ?? { hiddenRows: [], uncached: [] };
      const read = sheetOf(name, wb.Sheets[name], visibility, measured, date1904, limits);
      cells += read.cells;
      if (cells > limits.maxCells) throw tooManyCells(cells, limits);
      held += read.bytes;
      sheets.push(read.sheet);
    });
    parentPort.postMessage({ id: job.id, ok: true, sheets, held });
  } catch (e) {
    if (e instanceof Refusal) parentPort.postMessage({ id: job.id, ok: false, refused: true, message: e.message });
    else
      parentPort.postMessage({
        id: job.id,
        ok: false,
        refused: false,
        damaged: e instanceof ZipFault,
        message: String(e && e.message ? e.message : e),
      });
  }
});
