// The progress table's working copy: what the clerk typed per row and column, and the figures and
// rule violations it means — judged live by the same rules the backend applies (core/progressRules).
import {
  ENTERED_COLUMNS,
  checkProgress,
  emptyFigures,
  totalFigures,
  type EnteredColumn,
  type FigureRow,
  type Figures,
  type ProgressCategory,
  type Violation,
} from '../../../core/progressRules';
import type { ProgressTable } from '../../api/types';

export type RowCells = Record<EnteredColumn | 'note', string>;
export type Cells = Record<string, RowCells>;

const text = (v: number | string | null | undefined) => (v == null ? '' : String(v));

export function cellsFrom(table: ProgressTable): Cells {
  const out: Cells = {};
  for (const r of table.rows) {
    if (r.computed) continue;
    const row = { note: text(r.note) } as RowCells;
    for (const c of ENTERED_COLUMNS) row[c] = text(r[c]);
    out[r.rowCode] = row;
  }
  return out;
}

export function categoriesOf(table: ProgressTable): ProgressCategory[] {
  return table.rows.map((r, i) => ({
    rowCode: r.rowCode,
    name: r.name,
    parentCode: r.parentCode,
    indent: r.indent,
    inTotal: r.inTotal,
    isTotal: r.computed,
    unit: r.unit,
    sort: i,
  }));
}

/** A typed figure: blank is empty, digits are a count, anything else goes to the schema as typed (it says why). */
export function figureValue(s: string): number | string | null {
  const t = s.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : t;
}

function numbers(cells: RowCells): Figures {
  const f = emptyFigures();
  for (const c of ENTERED_COLUMNS) {
    const v = figureValue(cells[c]);
    f[c] = typeof v === 'number' ? v : null;
  }
  return f;
}

export function figureRows(cells: Cells): FigureRow[] {
  return Object.entries(cells).map(([rowCode, c]) => ({ rowCode, figures: numbers(c), note: c.note.trim() || null }));
}

/** The entered rows in the table's order (row codes like '10' would otherwise sort before '02'). */
export const enteredOrder = (table: ProgressTable) => table.rows.filter((r) => !r.computed).map((r) => r.rowCode);

/** progress.save's `figures`: every entered row, figures as typed (invalid text kept for its message). */
export function saveRows(table: ProgressTable, cells: Cells) {
  return enteredOrder(table).map((rowCode) => ({
    rowCode,
    ...Object.fromEntries(ENTERED_COLUMNS.map((col) => [col, figureValue(cells[rowCode][col])])),
    note: cells[rowCode].note.trim() || null,
  }));
}

export interface LiveView {
  total: Figures;
  violations: Violation[];
}

export function liveView(table: ProgressTable, cells: Cells, previous: ProgressTable | null): LiveView {
  const categories = categoriesOf(table);
  const rows = figureRows(cells);
  const prev = previous ? { period: previous.period, rows: figureRows(cellsFrom(previous)) } : null;
  return { total: totalFigures(categories, rows), violations: checkProgress({ categories, rows, previous: prev }) };
}

/** Violations by cell (`02:c7`), for colouring and tooltips. */
export function violationsByCell(violations: Violation[]): Map<string, Violation[]> {
  const map = new Map<string, Violation[]>();
  for (const v of violations) {
    const key = `${v.rowCode}:${v.column}`;
    map.set(key, [...(map.get(key) ?? []), v]);
  }
  return map;
}
