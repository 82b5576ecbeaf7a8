// Figures: a report's rows in the domain's units (money in 分, dates ISO, rates in percent), keyed
// by column. What the monthly report records as sent, and what reading a workbook back returns.
import type { SheetLayout } from './layout';
import { labelColumn } from './layout';
import { emptyRow, moneyCell, type CellValue, type DocRow, type MoneyUnit, type RowKind } from './doc';

export interface FigureRow {
  kind: RowKind;
  values: Record<string, CellValue>;
}

/** A figure row's values as sheet cells: money into the sheet's unit, the rest unchanged. */
export function docRow(layout: SheetLayout, row: FigureRow, unit: MoneyUnit): DocRow {
  const cells = layout.columns.map((c) => {
    const v = row.values[c.key] ?? null;
    return c.kind === 'money' && typeof v === 'number' ? moneyCell(v, c.unit ?? unit) : v;
  });
  return { kind: row.kind, cells };
}

/**
 * Every figure row as cells, with the 无 row where a sheet has no rows of its own (only totals or
 * nothing): the frame stays and says there is nothing to report.
 */
export function docRows(
  layout: SheetLayout,
  rows: readonly FigureRow[],
  unit: MoneyUnit,
  totalsAt: 'top' | 'bottom',
): DocRow[] {
  const out = rows.map((r) => docRow(layout, r, unit));
  if (rows.some((r) => r.kind === 'item' || r.kind === 'category')) return out;
  const empty = emptyRow(layout, labelColumn(layout));
  return totalsAt === 'top' ? [...out, empty] : [empty, ...out];
}

/** The label a 合计 / 累计 row carries in its layout's label column. */
export function labelled(
  layout: SheetLayout,
  kind: RowKind,
  label: string,
  values: Record<string, CellValue>,
): FigureRow {
  return { kind, values: { ...values, [layout.columns[labelColumn(layout)].key]: label } };
}

/** Sum of a numeric column over rows; null when every value is empty. */
export function sumOf(rows: readonly FigureRow[], key: string): number | null {
  let sum: number | null = null;
  for (const r of rows) {
    const v = r.values[key];
    if (typeof v === 'number') sum = (sum ?? 0) + v;
  }
  return sum;
}

/** Every layout column present, in layout order, empty ones null: figures as a reader returns them. */
export function completeRows(layout: SheetLayout, rows: readonly FigureRow[]): FigureRow[] {
  return rows.map((r) => ({
    kind: r.kind,
    values: Object.fromEntries(layout.columns.map((c) => [c.key, r.values[c.key] ?? null])),
  }));
}
