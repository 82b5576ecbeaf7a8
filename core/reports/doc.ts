// A report sheet as data: the frame texts, the layout and the rows, with values already in the
// sheet's units (元 or 万元, percent). The Excel writer and the print views both render this.
import type { SheetLayout } from './layout';

export type CellValue = string | number | null;

/** total 合计 · cumulative 累计 · category (一、二、 rows) · item · empty (the 无 row). */
export type RowKind = 'total' | 'cumulative' | 'category' | 'item' | 'empty';

export interface DocRow {
  kind: RowKind;
  /** One value per layout column. */
  cells: CellValue[];
  /** Columns [from, to] (0-based, inclusive) shown as one cell, e.g. the 大写 amount of a 合计 row. */
  span?: [number, number];
}

export interface TextBlock {
  label: string;
  text: string;
}

/** Everything about a sheet except its rows, which may be streamed (the roster). */
export interface TableFrame {
  layout: SheetLayout;
  title: string;
  /** Row 2: 填报单位 on the left, the period in the centre, 表号 / 单位 on the right. */
  unitLine: { left: string; centre: string; right: string };
  /** Labelled text blocks under the table (本期主要工作, 存在问题, 下期工作计划). */
  blocks: TextBlock[];
  /** The signature line; null leaves it out. */
  footer: string | null;
  moneyUnit: MoneyUnit;
}

export type MoneyUnit = '元' | '万元';

export interface TableDoc extends TableFrame {
  rows: DocRow[];
}

/** The 无 row of a sheet without data: the frame stays, and says so. */
export function emptyRow(layout: SheetLayout, labelAt: number): DocRow {
  const cells: CellValue[] = layout.columns.map(() => null);
  cells[labelAt] = '无';
  return { kind: 'empty', cells };
}

/** Totals first under the header or last, as the office's setting says. */
export function placeTotals(totals: DocRow[], body: DocRow[], position: 'top' | 'bottom'): DocRow[] {
  return position === 'top' ? [...totals, ...body] : [...body, ...totals];
}

/** fen → the sheet's unit as a number (exact in the cell; the number format rounds the display). */
export function moneyCell(fen: number | null | undefined, unit: MoneyUnit): number | null {
  if (fen == null) return null;
  return unit === '万元' ? fen / 1_000_000 : fen / 100;
}

/** The inverse of moneyCell, exact for every value moneyCell produces. */
export function cellToFen(value: number, unit: MoneyUnit): number {
  return Math.round(unit === '万元' ? value * 1_000_000 : value * 100);
}

/** A sheet's frame once the office's wording is filled in: title, row 2 (填报单位 · period · 表号…) and footer. */
export interface FilledFrame {
  title: string;
  unitLine: { left: string; centre: string; right: string };
  footer: string | null;
}
