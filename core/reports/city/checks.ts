// What a consolidated report must satisfy on its own: every 合计 (and each 进度调度表 block's total)
// is the sum of its unit rows, every rate and difference follows from its figures, and each sheet's
// title names the office and the period. Each finding names its cell in the file read.
import type { FigureRow } from '../figures';
import { periodLabel } from '../period';
import { ENTERED_COLUMNS } from '../../progressRules';
import { DRAFT_MARK } from '../monthly';
import { TableCheck } from '../verify/tableCheck';
import { cellRef, type Finding } from '../verify/types';
import type { Grid } from '../readTable';
import { CITY_SHEETS } from './docs';
import { CITY_SHEET_KEYS, type CitySheetKey } from './layouts';
import type { CityRead } from './read';
import { STAFF_KEYS, TRAINING_KEYS } from './summary';

/** One sheet of a consolidated report as read: its rows named by unit (and row code). */
class Sheet extends TableCheck {
  constructor(
    readonly key: CitySheetKey,
    read: CityRead,
    unreadable: ReadonlySet<string>,
  ) {
    const { layout } = CITY_SHEETS[key];
    super(layout.sheetName, layout, read.figures.sheets[key], read.reads[key]!, read.units[key], unreadable);
  }
  rowName(row: FigureRow): string {
    const v = row.values;
    return this.key === 'progress' ? `${String(v.rowCode ?? '')} ${String(v.unit ?? '')}` : String(v.unit ?? '');
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
    else s.add('extraRow', s.cell(i, 'rowCode'), `（${s.rowName(r)}）：不在其代码的合计行之下`);
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
      const t = s.totalRow();
      if (t !== null) s.total(t, items, STAFF_KEYS);
      return;
    }
    case 'budget': {
      const t = s.totalRow();
      if (t !== null) s.total(t, items, ['budget', 'allocated', 'spent', 'balance']);
      for (const i of [...items, ...(t === null ? [] : [t])]) {
        s.difference(i, 'balance', 'budget', 'spent');
        s.rate(i, 'rate', 'spent', 'budget');
      }
      return;
    }
    case 'training': {
      const t = s.totalRow();
      if (t !== null) s.total(t, items, ['sessions', 'hours', ...TRAINING_KEYS]);
      for (const i of [...items, ...s.indexes('total'), ...s.indexes('cumulative')])
        s.rate(i, 'passRate', 'passed', 'examined');
      return;
    }
    case 'contracts': {
      const t = s.totalRow();
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
