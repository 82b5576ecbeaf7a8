// How 核对 names the rows and values of the monthly report's sheets: which columns identify a row
// (to pair a file's rows with the recorded ones after a row was deleted or inserted), how a row is
// described in a message, and a value as the sheet shows it.
import { MONTHLY_SHEETS, type MonthlySheetKey } from '../monthly';
import { labelColumn, type ColumnDef } from '../layout';
import { moneyCell, type CellValue, type MoneyUnit } from '../doc';
import type { FigureRow } from '../figures';

/** The columns that identify a row of each sheet (with its kind: 合计, 累计, item). */
const ROW_KEYS: Record<MonthlySheetKey, readonly string[]> = {
  milestones: ['seq', 'title'],
  progress: ['rowCode'],
  staff: ['township'],
  budget: ['category'],
  training: ['seq', 'name'],
  contracts: ['seq', 'contractNo'],
};

const trim = (v: CellValue) => (v == null ? '' : String(v).replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));

export const rowKey = (sheet: MonthlySheetKey, row: FigureRow): string =>
  `${row.kind === 'category' ? 'item' : row.kind}|${ROW_KEYS[sheet].map((k) => trim(row.values[k] ?? null)).join('|')}`;

/** `02 工业企业和产业活动单位`, `合计`, `城关镇`: how a message names a row. */
export function rowLabel(sheet: MonthlySheetKey, row: FigureRow): string {
  const { layout } = MONTHLY_SHEETS[sheet];
  if (sheet === 'progress') return `${trim(row.values.rowCode ?? null)} ${trim(row.values.name ?? null)}`.trim();
  if (sheet === 'milestones') return `${trim(row.values.seq ?? null)} ${trim(row.values.title ?? null)}`.trim();
  if (sheet === 'contracts' && row.kind === 'item') return trim(row.values.name ?? null);
  return trim(row.values[layout.columns[labelColumn(layout)].key] ?? null) || '（无名称）';
}

/** A figure as the sheet shows it: money in the sheet's unit, empty as （空）. */
export function shown(column: ColumnDef, value: CellValue, unit: MoneyUnit): string {
  if (value == null || value === '') return '（空）';
  if (column.kind === 'money' && typeof value === 'number') return String(moneyCell(value, unit));
  return String(value);
}

/** Whether two figures are the same (numbers within float noise). */
export function sameValue(a: CellValue, b: CellValue): boolean {
  const x = a === '' ? null : a;
  const y = b === '' ? null : b;
  if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) < 1e-9;
  return x === y;
}
