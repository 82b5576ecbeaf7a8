// A parsed worksheet as the importer sees it: absolute row/column indices (row 0 is the sheet's
// row 1), raw cell values, and the merged ranges.
import type { Cell } from './types';

export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface Grid {
  name: string;
  /** rows[r][c]; missing rows and cells are empty. */
  rows: Cell[][];
  merges: CellRange[];
  /** 0 visible, 1 hidden, 2 veryHidden (only the VBA editor shows it). */
  hidden?: 0 | 1 | 2;
  /** 0-based rows hidden in Excel (by hand or by an autofilter). */
  hiddenRows?: number[];
}

export const cellAt = (g: Grid, r: number, c: number): Cell => g.rows[r]?.[c] ?? null;

export function isEmptyCell(v: Cell): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** The value a merged range shows in every cell it covers: its top-left cell's. */
export function mergedValue(g: Grid, r: number, c: number): Cell {
  const own = cellAt(g, r, c);
  if (!isEmptyCell(own)) return own;
  for (const m of g.merges) {
    if (r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c) return cellAt(g, m.s.r, m.s.c);
  }
  return own;
}

/**
 * Clerks merge cells down a column (one township over ten people, one contract over its nodes):
 * each covered cell of the data area takes the merged value, so every row stands on its own.
 */
export function fillMergedCells(g: Grid, fromRow: number): Grid {
  const body = g.merges.filter((m) => m.e.r >= fromRow && m.s.r < g.rows.length);
  if (!body.length) return g;
  // Never past the cells the sheet holds: a merge down to row 1048576 adds no rows, one out to
  // column XFD no columns.
  const lastRow = g.rows.length - 1;
  const width = g.rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  // Only the rows a merge covers are copied; the parsed grid itself stays as read.
  const rows = [...g.rows];
  const copied = new Set<number>();
  for (const m of body) {
    const value = cellAt(g, m.s.r, m.s.c);
    for (let r = Math.max(m.s.r, fromRow); r <= Math.min(m.e.r, lastRow); r++) {
      if (!copied.has(r)) {
        rows[r] = rows[r] ? [...rows[r]] : [];
        copied.add(r);
      }
      for (let c = m.s.c; c <= Math.min(m.e.c, width - 1); c++) if (isEmptyCell(rows[r][c] ?? null)) rows[r][c] = value;
    }
  }
  return { ...g, rows };
}

export function rowIsBlank(g: Grid, r: number, width: number): boolean {
  for (let c = 0; c < width; c++) if (!isEmptyCell(cellAt(g, r, c))) return false;
  return true;
}
