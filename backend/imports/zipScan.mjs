// Measures an untrusted .xlsx before SheetJS builds anything from it: the zip's central directory
// gives every entry's declared size (refused past the limit before a byte is inflated); each entry
// is then inflated with its declared size as a hard cap (a lying header is a damaged file); each
// worksheet's XML is scanned for the rows, columns, cells and merged ranges it really holds.
// Plain JavaScript: it runs inside parseWorker.mjs; its central-directory reader also serves the
// intake's zips of workbooks (backend/areas/intake/zip.ts, typed by ./zipScan.d.mts).
import { inflateRawSync } from 'node:zlib';
import { TextDecoder } from 'node:util';

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

/** A damaged container; `part` says where (intake's zip reader words its own message by it). */
export class ZipFault extends Error {
  /** @param {'end' | 'directory' | 'localHeader' | 'entry'} part */
  constructor(message, part = 'entry') {
    super(message);
    this.part = part;
  }
}

/**
 * The central directory as stored, read without inflating anything: each entry's raw name bytes,
 * flags and extra field (the caller decodes the name), method, sizes and where its local header
 * is. Stops at the first ZIP64 marker (`zip64: true`). Shared with backend/areas/intake/zip.ts.
 */
export function readCentralDirectory(bytes) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFault('no end of central directory', 'end');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  // ZIP64 markers: no workbook a clerk saves needs them (entries past 4 GB or 65535 entries).
  if (count === 0xffff || p === 0xffffffff) return { entries: [], zip64: true };
  const entries = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CDH)
      throw new ZipFault('bad central directory', 'directory');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const compressed = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    const offset = dv.getUint32(p + 42, true);
    if (size === 0xffffffff || compressed === 0xffffffff) return { entries: [], zip64: true };
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const extra = bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    entries.push({ rawName, flags, extra, method, compressed, size, offset });
    p += 46 + nameLength + extraLength + comment;
  }
  return { entries, zip64: false };
}

/** The central directory with names read as UTF-8 (a workbook's parts are ASCII paths). */
export function zipDirectory(bytes) {
  const { entries, zip64 } = readCentralDirectory(bytes);
  const utf8 = new TextDecoder();
  const named = entries.map(({ rawName, method, compressed, size, offset }) => ({
    name: utf8.decode(rawName),
    method,
    compressed,
    size,
    offset,
  }));
  return { entries: named, zip64 };
}

/** Where an entry's data starts, past its local header (whose name and extra may differ from the directory's). */
export function entryDataStart(bytes, offset) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (offset + 30 > bytes.length || dv.getUint32(offset, true) !== LFH)
    throw new ZipFault('bad local header', 'localHeader');
  return offset + 30 + dv.getUint16(offset + 26, true) + dv.getUint16(offset + 28, true);
}

/** One entry's bytes, never more than its declared size. */
export function inflateEntry(bytes, entry) {
  const start = entryDataStart(bytes, entry.offset);
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFault('unknown compression');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw new ZipFault(`entry ${entry.name} inflates past its declared size or is damaged`);
  }
}

const attr = (attrs, name) => {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : null;
};

function columnOf(ref) {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const TAG = /<(?:[A-Za-z]\w*:)?(row|c|mergeCell)\b([^>]*?)(\/?)>/g;
const VALUE = /<(?:[A-Za-z]\w*:)?(?:v|is|f)\b/;
const CELL_END = /<\/(?:[A-Za-z]\w*:)?c>/g;
const CACHED = /<(?:[A-Za-z]\w*:)?(?:v|is)\b/;
const FORMULA = /<(?:[A-Za-z]\w*:)?f\b[^>]*>([^<]*)</;

/**
 * What a worksheet holds: rows up to the last one with a value, columns up to the last one with a
 * value, cells with a value, merged ranges, and the rows marked hidden (also by an autofilter).
 * Styled but empty cells and rows (Excel formats whole columns) do not count: SheetJS skips them.
 */
export function scanSheetXml(xml) {
  let row = 0;
  let col = -1;
  let lastRow = 0;
  let maxCol = 0;
  let cells = 0;
  let merges = 0;
  const hidden = [];
  const uncached = [];
  TAG.lastIndex = 0;
  let m;
  while ((m = TAG.exec(xml))) {
    const [, tag, attrs, selfClosing] = m;
    if (tag === 'row') {
      const r = attr(attrs, 'r');
      row = r ? Number(r) : row + 1;
      col = -1;
      const h = attr(attrs, 'hidden');
      if (h === '1' || h === 'true') hidden.push(row);
    } else if (tag === 'c') {
      const ref = attr(attrs, 'r');
      col = ref ? columnOf(ref) : col + 1;
      if (selfClosing) continue;
      CELL_END.lastIndex = TAG.lastIndex;
      const end = CELL_END.exec(xml);
      const stop = end ? end.index : xml.length;
      const content = xml.slice(TAG.lastIndex, stop);
      if (VALUE.test(content)) {
        // A formula saved without its result (written by a program, never opened in Excel):
        // SheetJS drops such a cell or reads it as empty, so it is noted here.
        if (uncached.length < 1000 && !CACHED.test(content)) {
          const f = FORMULA.exec(content);
          uncached.push({ r: row - 1, c: col, formula: f ? decodeXml(f[1]).slice(0, 60) : '' });
        }
        cells++;
        if (row > lastRow) lastRow = row;
        if (col + 1 > maxCol) maxCol = col + 1;
      }
      TAG.lastIndex = end ? end.index + end[0].length : xml.length;
    } else merges++;
  }
  return { rows: lastRow, columns: maxCol, cells, merges, hiddenRows: hidden.filter((r) => r <= lastRow), uncached };
}

/** Worksheet XML paths → sheet names, from xl/workbook.xml and its relationships. */
export function sheetNames(workbookXml, relsXml) {
  const targets = new Map();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const names = new Map();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const id = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\bid="([^"]*)"/.exec(m[1])?.[1];
    const name = attr(m[1], 'name');
    if (id && name && targets.has(id)) names.set(targets.get(id), decodeXml(name));
  }
  return names;
}

const decodeXml = (s) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, e) => {
    const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e.toLowerCase()];
    if (named) return named;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : all;
  });

const ODS_TAG = /<(\/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(\/?)>/g;
const repeat = (attrs, name) => Math.max(1, Number(attr(attrs, name)) || 1);

/**
 * What each table of an OpenDocument spreadsheet (content.xml) holds, counted without expanding
 * anything: a row or cell written once with table:number-rows-repeated / number-columns-repeated
 * counts as many times as it repeats (a 3 KB .ods can declare a value in every cell of 1,048,576 ×
 * 16,384), so such a file is refused by its size before SheetJS builds a single row of it. Empty
 * cells (self-closing, no value type), which LibreOffice repeats to the sheet's edge, do not count.
 */
export function scanOdsXml(xml) {
  const tables = [];
  let t = null;
  let row = 0;
  let col = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  let rowMerges = 0;
  let rowLastCol = 0;
  ODS_TAG.lastIndex = 0;
  let m;
  while ((m = ODS_TAG.exec(xml))) {
    const [, closing, tag, attrs, selfClosing] = m;
    if (tag === 'table') {
      if (closing) t = null;
      else
        tables.push(
          (t = { name: decodeXml(attr(attrs, 'table:name') ?? ''), rows: 0, columns: 0, cells: 0, merges: 0 }),
        );
      row = 0;
    } else if (!t) continue;
    else if (tag === 'table-row') {
      if (!closing) {
        rowRepeat = repeat(attrs, 'table:number-rows-repeated');
        col = rowCells = rowMerges = rowLastCol = 0;
        if (!selfClosing) continue;
      }
      if (rowCells > 0) {
        t.rows = row + rowRepeat;
        t.columns = Math.max(t.columns, rowLastCol);
        t.cells += rowCells * rowRepeat;
      }
      t.merges += rowMerges * rowRepeat;
      row += rowRepeat;
      rowCells = 0;
    } else if (!closing) {
      const n = repeat(attrs, 'table:number-columns-repeated');
      const hasValue =
        / office:value-type="/.test(` ${attrs}`) ||
        (!selfClosing && /^\s*<text:p\b[^>]*>[^<\s]/.test(xml.slice(ODS_TAG.lastIndex, ODS_TAG.lastIndex + 200)));
      if (hasValue) {
        rowCells += n;
        rowLastCol = col + n;
      }
      if (repeat(attrs, 'table:number-columns-spanned') > 1 || repeat(attrs, 'table:number-rows-spanned') > 1)
        rowMerges += n;
      col += n;
    }
  }
  return tables;
}
