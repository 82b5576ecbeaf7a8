// One table of a report as read, with the helpers the checks name its cells by: each 合计 against the
// sum of its rows, each rate and difference against its figures. The county's R2 (checks.ts) and the
// consolidated report (core/reports/city/checks.ts) each say which rows and columns.
import type { FigureRow } from '../figures';
import { columnIndex, type SheetLayout } from '../layout';
import { rowRange } from '../sheetRows';
import type { CellValue, MoneyUnit } from '../doc';
import type { TableRead } from '../readTable';
import { shown } from './rows';
import { cellRef, type Finding, type FindingKind } from './types';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);

export abstract class TableCheck {
  readonly out: Finding[] = [];
  constructor(
    readonly name: string,
    readonly layout: SheetLayout,
    readonly rows: FigureRow[],
    readonly table: TableRead,
    readonly unit: MoneyUnit,
    readonly unreadable: ReadonlySet<string>,
  ) {}
  /** How a message names a row (`02 工业企业和产业活动单位`, `合计`, `蓬安县`). */
  abstract rowName(row: FigureRow): string;
  cell(rowIndex: number, key: string): string {
    const letter = this.table.columns[columnIndex(this.layout, key)];
    return letter ? `${letter}${this.table.rowNumbers[rowIndex]}` : '';
  }
  show(key: string, v: CellValue | undefined): string {
    return shown(this.layout.columns[columnIndex(this.layout, key)], v ?? null, this.unit);
  }
  add(kind: FindingKind, cell: string, message: string) {
    this.out.push({ sheet: this.name, cell, kind, message: `${cellRef(this.name, cell)}${message}` });
  }
  /** A cell that could not be read is named as unreadable, not judged. */
  readable(rowIndex: number, key: string): boolean {
    return !this.unreadable.has(`${this.name}!${this.cell(rowIndex, key)}`);
  }

  /** The 合计 row (index) against the sum of `parts` over `keys`. */
  total(totalAt: number, parts: number[], keys: readonly string[]) {
    for (const key of keys) {
      if (!this.readable(totalAt, key) || parts.some((i) => !this.readable(i, key))) continue;
      const sum = parts.reduce((s, i) => s + (num(this.rows[i].values[key]) ?? 0), 0);
      const actual = num(this.rows[totalAt].values[key]) ?? 0;
      // 学时 are summed to two decimals; every other summed column holds integers (money in 分).
      if (Math.round(sum * 100) !== Math.round(actual * 100)) {
        const label = this.layout.columns[columnIndex(this.layout, key)].label;
        this.add(
          'total',
          this.cell(totalAt, key),
          `（${this.rowName(this.rows[totalAt])}，${label}）：应为各行之和 ${this.show(key, Math.round(sum * 100) / 100)}，实为 ${this.show(key, actual)}`,
        );
      }
    }
  }

  /** `key` = numerator ÷ denominator in percent, one decimal (a rounding of the exact value). */
  rate(i: number, key: string, numerator: string, denominator: string) {
    if (![key, numerator, denominator].every((k) => this.readable(i, k))) return;
    const v = this.rows[i].values;
    const n = num(v[numerator]);
    const d = num(v[denominator]);
    const actual = num(v[key]);
    const exact = n == null || !d ? null : (n * 100) / d;
    const wrong = exact == null ? actual != null : actual == null || Math.abs(actual - exact) > 0.05 + 1e-9;
    if (!wrong) return;
    const label = this.layout.columns[columnIndex(this.layout, key)].label;
    const should = exact == null ? '（空）' : String(Math.round(exact * 10) / 10);
    this.add(
      'rate',
      this.cell(i, key),
      `（${this.rowName(this.rows[i])}，${label}）：应为 ${should}，实为 ${this.show(key, actual)}`,
    );
  }

  /** `key` = a − b (结余 = 预算 − 支出, 未付 = 合同 − 已付). */
  difference(i: number, key: string, a: string, b: string) {
    if (![key, a, b].every((k) => this.readable(i, k))) return;
    const v = this.rows[i].values;
    const x = num(v[a]);
    const y = num(v[b]);
    if (x == null || y == null) return;
    const actual = num(v[key]) ?? 0;
    if (actual === x - y) return;
    const label = this.layout.columns[columnIndex(this.layout, key)].label;
    this.add(
      'rate',
      this.cell(i, key),
      `（${this.rowName(this.rows[i])}，${label}）：应为 ${this.show(key, x - y)}，实为 ${this.show(key, actual)}`,
    );
  }

  indexes(kind: FigureRow['kind']): number[] {
    return this.rows.flatMap((r, i) => (r.kind === kind || (kind === 'item' && r.kind === 'category') ? [i] : []));
  }

  /** Sheets that place a 合计: there is exactly one, unless the sheet holds nothing at all. */
  totalRow(): number | null {
    const totals = this.indexes('total');
    if (totals.length === 1) return totals[0];
    if (totals.length === 0 && this.rows.length > 0) this.add('total', '', '：缺少合计行');
    if (totals.length > 1)
      for (const i of totals.slice(1))
        this.add('extraRow', rowRange(this.layout, this.table.rowNumbers[i]), '：多出一个合计行');
    return totals[0] ?? null;
  }
}
