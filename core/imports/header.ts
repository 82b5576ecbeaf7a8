// Finding the table in a clerk's sheet: skip the title and 填报单位 lines, recognise the header
// row (and a grouped row above or below it), then read data rows until signature lines.
import { normalizeHeader, headerStem } from './headerText';
import { cellAt, isEmptyCell, mergedValue, type Grid } from './sheet';
import type { Cell, ImportField } from './types';
import { IGNORED_HEADERS } from './fields';

/** How far down a header may sit (titles, 填报单位, 表号 lines come first). */
const HEADER_SCAN_ROWS = 40;

export interface HeaderColumn {
  index: number;
  /** As shown: `基本信息/姓名` for a grouped header, else the cell's text. */
  label: string;
  /** Normalised texts to match, most specific first (lower cell, group+lower, group). */
  candidates: string[];
}

export interface DetectedHeader {
  /** 0-based rows of the header (equal for a one-row header). */
  first: number;
  last: number;
  columns: HeaderColumn[];
  /** How many columns matched a known field. */
  matched: number;
}

const IGNORED = new Set(IGNORED_HEADERS);

/** The field a header text means, `''` for a known column that is not imported, or null. */
export function matchHeader(candidates: readonly string[], fields: readonly ImportField[]): string | null {
  for (const text of candidates) {
    if (!text) continue;
    const stem = headerStem(text);
    for (const f of fields) if (f.synonyms.includes(text) || f.synonyms.includes(stem)) return f.key;
    if (IGNORED.has(text) || IGNORED.has(stem)) return '';
  }
  for (const text of candidates) {
    const stem = headerStem(text);
    if (!stem) continue;
    for (const f of fields) if (f.synonyms.some((s) => headerStem(s) === stem)) return f.key;
  }
  return null;
}

function textOf(v: Cell): string {
  return isEmptyCell(v) ? '' : String(v).trim();
}

function rowWidth(g: Grid, r: number): number {
  return g.rows[r]?.length ?? 0;
}

/** Distinct fields a row's cells name; known-but-ignored columns count for half. */
function scoreRow(g: Grid, r: number, fields: readonly ImportField[]): number {
  const seen = new Set<string>();
  let ignored = 0;
  for (let c = 0; c < rowWidth(g, r); c++) {
    const v = cellAt(g, r, c);
    if (typeof v !== 'string') continue;
    const key = matchHeader([normalizeHeader(v)], fields);
    if (key === '') ignored++;
    else if (key) seen.add(key);
  }
  return seen.size + ignored / 2;
}

const hasHorizontalMerge = (g: Grid, r: number) => g.merges.some((m) => m.s.r === r && m.e.r === r && m.e.c > m.s.c);
const nonEmptyCount = (g: Grid, r: number) => (g.rows[r] ?? []).filter((v) => !isEmptyCell(v ?? null)).length;
const spansDown = (g: Grid, r: number) => g.merges.some((m) => m.s.r === r && m.e.r === r + 1);

/** A group row above the header: several captions, merged across the columns they group. */
function isGroupRowAbove(g: Grid, upper: number): boolean {
  if (upper < 0 || nonEmptyCount(g, upper) < 2) return false;
  return hasHorizontalMerge(g, upper) || spansDown(g, upper);
}

/** Sub-headers below a header whose merged captions group them (`联系方式` over `手机`, `固定电话`). */
function isSubHeaderBelow(g: Grid, header: number, fields: readonly ImportField[]): boolean {
  const merged = g.merges.filter((m) => m.s.r === header && m.e.r === header && m.e.c > m.s.c);
  if (!merged.length) return false;
  return merged.some((m) => {
    for (let c = m.s.c; c <= m.e.c; c++) {
      const v = cellAt(g, header + 1, c);
      if (typeof v === 'string' && matchHeader([normalizeHeader(v)], fields)) return true;
    }
    return false;
  });
}

function columnsOf(g: Grid, first: number, last: number): HeaderColumn[] {
  const width = Math.max(rowWidth(g, first), rowWidth(g, last));
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const upper = textOf(mergedValue(g, first, c));
    // Below a caption merged down over both rows (序号) the lower cell is empty.
    const lower = first === last ? '' : textOf(cellAt(g, last, c));
    if (!lower || lower === upper) {
      if (upper) columns.push({ index: c, label: upper, candidates: [normalizeHeader(upper)] });
      continue;
    }
    const candidates = [
      normalizeHeader(lower),
      ...(upper ? [normalizeHeader(upper + lower), normalizeHeader(upper)] : []),
    ];
    columns.push({ index: c, label: upper ? `${upper}/${lower}` : lower, candidates });
  }
  return columns;
}

/** The header of a sheet, or null when no row names at least two known columns. */
export function detectHeader(g: Grid, fields: readonly ImportField[]): DetectedHeader | null {
  let best = -1;
  let bestScore = 0;
  const scan = Math.min(g.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const s = scoreRow(g, r, fields);
    if (s > bestScore) [best, bestScore] = [r, s];
  }
  if (best < 0 || bestScore < 2) return null;
  let first = best;
  let last = best;
  if (isGroupRowAbove(g, best - 1)) first = best - 1;
  else if (isSubHeaderBelow(g, best, fields)) last = best + 1;
  return headerAt(g, first, last, fields);
}

/** The header at rows the clerk names (1-based in the API, 0-based here). */
export function headerAt(g: Grid, first: number, last: number, fields: readonly ImportField[]): DetectedHeader {
  const columns = columnsOf(g, first, last);
  const matched = columns.filter((col) => matchHeader(col.candidates, fields)).length;
  return { first, last, columns, matched };
}
