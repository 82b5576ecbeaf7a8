// What a consolidated report must satisfy on its own: every 合计 (and each 进度调度表 block's total)
// is the sum of its unit rows, every rate and difference follows from its figures, and each sheet's
// title names the office and the period. Each finding names its cell in the file read.
import type { CellValue } from '../doc';
import type { FigureRow } from '../figures';
import { columnIndex } from '../layout';
import { periodLabel } from '../period';
import { ENTERED_COLUMNS } from '../../progressRules';
import { DRAFT_MARK } from '../monthly';
import { shown } from '../verify/rows';
import { cellRef, type Finding, type FindingKind } from '../verify/types';
import type { Grid } from '../readTable';
import { CITY_SHEETS } from './docs';
import { CITY_SHEET_KEYS, type CitySheetKey } from './layouts';
import type { CityRead } from './read';
import { STAFF_KEYS, TRAINING_KEYS } from './summary';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);

class Sheet {
  readonly out: Finding[] = [];
  constructor(
    readonly key: CitySheetKey,
    readonly read: CityRead,
    readonly unreadable: ReadonlySet<string>,
  ) {}
  get layout() {
    return CITY_SHEETS[this.key].layout;
  }
  get name() {
    return this.layout.sheetName;
  }
  get rows(): FigureRow[] {
    return this.read.figures.sheets[this.key];
  }
  cell(i: number, key: string): string {
    const t = this.read.reads[this.key]!;
    const letter = t.columns[columnIndex(this.layout, key)];
    return letter ? `${letter}${t.rowNumbers[i]}` : '';
  }
  label(key: string) {
    return this.layout.columns[columnIndex(this.layout, key)].label;
  }
  show(key: string, v: CellValue | undefined) {
    return shown(this.layout.columns[columnIndex(this.layout, key)], v ?? null, this.read.units[this.key]);
  }
  rowName(i: number) {
    const v = this.rows[i].values;
    return this.key === 'progress' ? `${String(v.rowCode ?? '')} ${String(v.unit ?? '')}` : String(v.unit ?? '');
  }
  add(kind: FindingKind, cell: string, message: string) {
    this.out.push({ sheet: this.name, cell, kind, message: `${cellRef(this.name, cell)}${message}` });
  }
  readable(i: number, key: string) {
    return !this.unreadable.has(`${this.name}!${this.cell(i, key)}`);
  }
  total(at: number, parts: number[], keys: readonly string[]) {
    for (const key of keys) {
      if (!this.readable(at, key) || parts.some((i) => !this.readable(i, key))) continue;
      const values = parts.map((i) => num(this.rows[i].values[key]));
      const sum = values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
      const actual = num(this.rows[at].values[key]);
      const same =
        sum === null ? actual === null : actual !== null && Math.round(sum * 100) === Math.round(actual * 100);
      if (same) continue;
      const should = sum === null ? '（空）' : this.show(key, Math.round(sum * 100) / 100);
      this.add(
        'total',
        this.cell(at, key),
        `（${this.rowName(at)}，${this.label(key)}）：应为各单位之和 ${should}，实为 ${this.show(key, actual)}`,
      );
    }
  }
  rate(i: number, key: string, numerator: string, denominator: string) {
    if (![key, numerator, denominator].every((k) => this.readable(i, k))) return;
    const v = this.rows[i].values;
    const n = num(v[numerator]);
    const d = num(v[denominator]);
    const actual = num(v[key]);
    const exact = n == null || !d ? null : (n * 100) / d;
    const wrong = exact == null ? actual != null : actual == null || Math.abs(actual - exact) > 0.05 + 1e-9;
    if (!wrong) return;
    const should = exact == null ? '（空）' : String(Math.round(exact * 10) / 10);
    this.add(
      'rate',
      this.cell(i, key),
      `（${this.rowName(i)}，${this.label(key)}）：应为 ${should}，实为 ${this.show(key, actual)}`,
    );
  }
  difference(i: number, key: string, a: string, b: string) {
    if (![key, a, b].every((k) => this.readable(i, k))) return;
    const v = this.rows[i].values;
    const x = num(v[a]);
    const y = num(v[b]);
    if (x == null || y == null) return;
    const actual = num(v[key]) ?? 0;
    if (actual !== x - y)
      this.add(
        'rate',
        this.cell(i, key),
        `（${this.rowName(i)}，${this.label(key)}）：应为 ${this.show(key, x - y)}，实为 ${this.show(key, actual)}`,
      );
  }
  indexes(kind: FigureRow['kind']): number[] {
    return this.rows.flatMap((r, i) => (r.kind === kind ? [i] : []));
  }
  /** The one 合计 of a per-unit sheet, or a finding. */
  totalAt(): number | null {
    const totals = this.indexes('total');
    if (totals.length === 0 && this.rows.length > 0) this.add('total', '', '：缺少合计行');
    if (totals.length > 1) this.add('extraRow', '', '：多出合计行');
    return totals.length === 1 ? totals[0] : null;
  }
}

function checkProgress(s: Sheet) {
  // Blocks: a total row and the unit rows that follow it with the same code.
  let at = -1;
  let parts: number[] = [];
  const close = () => {
    if (at >= 0) s.total(at, parts, ENTERED_COLUMNS);
  };
  s.rows.forEach((r, i) => {
    if (r.kind === 'total') {
      close();
      at = i;
      parts = [];
    } else if (at >= 0 && r.values.rowCode === s.rows[at].values.rowCode) parts.push(i);
    else s.add('extraRow', s.cell(i, 'rowCode'), `（${s.rowName(i)}）：不在其代码的合计行之下`);
    s.rate(i, 'c9', 'c8', 'c6');
    s.rate(i, 'c12', 'c11', 'c6');
  });
  close();
}

function checkSheet(s: Sheet) {
  const items = s.indexes('item');
  switch (s.key) {
    case 'progress':
      return checkProgress(s);
    case 'staff': {
      const t = s.totalAt();
      if (t !== null) s.total(t, items, STAFF_KEYS);
      return;
    }
    case 'budget': {
      const t = s.totalAt();
      if (t !== null) s.total(t, items, ['budget', 'allocated', 'spent', 'balance']);
      for (const i of [...items, ...(t === null ? [] : [t])]) {
        s.difference(i, 'balance', 'budget', 'spent');
        s.rate(i, 'rate', 'spent', 'budget');
      }
      return;
    }
    case 'training': {
      const t = s.totalAt();
      if (t !== null) s.total(t, items, ['sessions', 'hours', ...TRAINING_KEYS]);
      for (const i of [...items, ...s.indexes('total'), ...s.indexes('cumulative')])
        s.rate(i, 'passRate', 'passed', 'examined');
      return;
    }
    case 'contracts': {
      const t = s.totalAt();
      if (t !== null) s.total(t, items, ['contracts', 'amount', 'paid', 'unpaid', 'nodeCount', 'nodesDone', 'overdue']);
      for (const i of [...items, ...(t === null ? [] : [t])]) s.difference(i, 'unpaid', 'amount', 'paid');
      return;
    }
    default:
      return;
  }
}

/** Every sheet's sums and rates, each finding at its cell; unreadable cells are not judged. */
export function checkConsolidated(read: CityRead, unreadable: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const key of CITY_SHEET_KEYS) {
    if (!read.reads[key]) continue;
    const s = new Sheet(key, read, unreadable);
    checkSheet(s);
    out.push(...s.out);
  }
  return out;
}

/** Each sheet's title line (A1) against the meta: the office's name, the period, the draft mark. */
export function checkCityTitles(
  grids: Record<string, Grid>,
  meta: { countyName: string | null; period: string | null; status: string | null },
): Finding[] {
  const out: Finding[] = [];
  for (const key of CITY_SHEET_KEYS) {
    const sheet = CITY_SHEETS[key].layout.sheetName;
    const grid = grids[sheet];
    if (!grid) continue;
    const title = String(grid[0]?.[0] ?? '');
    const add = (message: string) =>
      out.push({ sheet, cell: 'A1', kind: 'meta', message: `${cellRef(sheet, 'A1')}：标题“${title}”${message}` });
    if (meta.countyName && !title.includes(meta.countyName)) add(`与标识信息的单位“${meta.countyName}”不符`);
    if (meta.period && !title.includes(periodLabel(meta.period)) && !title.includes(periodShort(meta.period)))
      add(`与标识信息的报告期“${periodLabel(meta.period)}”不符`);
    if (meta.status === 'draft' && !title.includes(DRAFT_MARK)) add(`缺少草稿标记${DRAFT_MARK}，而标识信息为草稿`);
    if (meta.status === 'official' && title.includes(DRAFT_MARK)) add('带有草稿标记，而标识信息为正式报送');
  }
  return out;
}

/** 2026-11 → 2026年11月 without the zero padding a clerk's title may leave out. */
const periodShort = (period: string) => periodLabel(period).replace(/年0/, '年');
