// Report layouts are data: a list of columns per sheet. The Excel writer, the print views and the
// reader all walk these lists, so a later custom template changes data here, not code.

/**
 * Bumped whenever a layout changes what a cell holds or where it sits. Each exported workbook
 * records it, and a recorded export can be rebuilt byte for byte only under the same version.
 */
// 2 (#12): R2's column widths and fonts for A4, and its meta sheet (status, version, export id,
// digest); versions recorded under 1 are refused by report.reexport rather than rebuilt differently.
export const LAYOUT_VERSION = 2;

/**
 * How a column's cells are written and read back:
 * seq 序号 · text · code (IDs, phones, codes: always a text cell) · int · number (days, hours) ·
 * money (元 or 万元 by the report's unit) · rate (percent, one decimal) · date (ISO ↔ Excel date) ·
 * mark (✓ or blank).
 */
export type ColumnKind = 'seq' | 'text' | 'code' | 'int' | 'number' | 'money' | 'rate' | 'date' | 'mark';

/** Columns whose values are masked unless the operator may see them in full (domain.md §8). */
export type SensitiveKind = 'idNumber' | 'bankAccount' | 'mobile';

export interface ColumnDef {
  /** Field name in the report's data and figures. */
  key: string;
  /** Header text exactly as printed. */
  label: string;
  kind: ColumnKind;
  /** Excel column width in characters (the print views scale them to the page). */
  width: number;
  sensitive?: SensitiveKind;
  /** Printed instead of an empty value, and read back as empty (e.g. a milestone without deadline: 持续). */
  emptyText?: string;
  /** A money column kept in this unit whatever the report's (R3's 单价 stays in 元). */
  unit?: '元';
}

export interface SheetLayout {
  /** Stable id, used by the reader and in the meta sheet. */
  id: string;
  /** The workbook tab's name. */
  sheetName: string;
  orientation: 'landscape' | 'portrait';
  /** Statistical tables carry the 甲乙丙 / 1 2 3 row under the header (reports.md). */
  codeRow: boolean;
  /** Where the 合计 row goes: the office setting (statistical tables), always last, or none. */
  total: 'setting' | 'bottom' | 'none';
  /** Columns left of the frozen pane (besides the header rows above it). */
  freezeColumns: number;
  columns: readonly ColumnDef[];
  /** 说明 footnotes printed under the table. */
  notes?: readonly string[];
  /** Where 合计 / 无 are written, when not the first descriptive column. */
  labelKey?: string;
  /** Minimum body row height in points: sheets people sign by hand need room to write. */
  rowHeight?: number;
  /**
   * Printed this many A4 pages wide (default 1), the first `repeatColumns` columns repeated on
   * each page and the pages ordered across then down, so a row's halves print one after the
   * other: for a table too wide to print legibly on one page (docs/printing.md).
   */
  pagesWide?: number;
  repeatColumns?: number;
}

/**
 * How many columns the title and the 填报单位 line span: all of them, or on a table printed several
 * pages wide the ones that fall on its first page (estimated from the widths: each page holds an
 * equal share of the columns plus the repeated ones), so the title is not cut in two. The title is
 * centred in a span far wider than itself, so a break one column off does not reach it.
 */
export function frameColumns(layout: SheetLayout): number {
  const pages = layout.pagesWide ?? 1;
  const n = layout.columns.length;
  if (pages <= 1) return n;
  const widths = layout.columns.map((c) => c.width);
  const repeated = widths.slice(0, layout.repeatColumns ?? 0).reduce((a, b) => a + b, 0);
  const page = (widths.reduce((a, b) => a + b, 0) + repeated * (pages - 1)) / pages;
  let used = 0;
  let count = 0;
  while (count < n && used + widths[count] <= page) used += widths[count++];
  return Math.max(3, count);
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const NUMERIC: ReadonlySet<ColumnKind> = new Set(['int', 'number', 'money', 'rate']);

export const isNumericKind = (kind: ColumnKind) => NUMERIC.has(kind);

/**
 * The 甲乙丙/1 2 3 labels of a statistical table: descriptive columns take the heavenly stems in
 * order, numeric ones count 1, 2, 3… (the way national statistical forms number them).
 */
export function columnCodes(columns: readonly ColumnDef[]): string[] {
  let stem = 0;
  let num = 0;
  return columns.map((c) => (isNumericKind(c.kind) ? String(++num) : (STEMS[stem++] ?? '')));
}

/** A column lookup that fails loudly: a layout naming a column it lacks is a programming error. */
export function columnIndex(layout: SheetLayout, key: string): number {
  const i = layout.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`报表格式 ${layout.id} 没有列 ${key}`);
  return i;
}

/** The first descriptive column after 序号: where 合计 and 无 are written. */
export function labelColumn(layout: SheetLayout): number {
  if (layout.labelKey) return columnIndex(layout, layout.labelKey);
  const i = layout.columns.findIndex((c) => c.kind === 'text' || c.kind === 'code');
  return i < 0 ? 0 : i;
}
