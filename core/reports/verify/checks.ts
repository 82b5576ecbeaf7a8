// What any R2 must satisfy on its own, whoever sent it: every 合计 is the sum of its rows, every
// rate (and 结余, 未付) follows from its figures, the progress rules of workplan.md hold (or carry
// their note), and 进度调度表 has the row codes 01–13 once each. Each finding names its cell.
import { MONTHLY_SHEETS, type MonthlySheetKey } from '../monthly';
import type { MonthlyRead } from '../monthlyRead';
import type { FigureRow } from '../figures';
import { columnIndex } from '../layout';
import type { CellValue } from '../doc';
import {
  checkProgress,
  DEFAULT_PROGRESS_CATEGORIES,
  ENTERED_COLUMNS,
  type FigureRow as ProgressRow,
  type Figures,
} from '../../progressRules';
import { rowLabel } from './rows';
import { TableCheck } from './tableCheck';
import { TRAINING_SUMMED } from '../rows/training';
import type { Finding } from './types';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);
const trim = (v: CellValue | undefined) => (v == null ? '' : String(v).trim());

/** One sheet of a county's R2 as read. */
class SheetCheck extends TableCheck {
  constructor(
    readonly key: MonthlySheetKey,
    readonly read: MonthlyRead,
    unreadable: ReadonlySet<string>,
    readonly previous: PreviousProgress | null,
  ) {
    const { layout } = MONTHLY_SHEETS[key];
    super(layout.sheetName, layout, read.figures.sheets[key], read.reads[key]!, read.units[key], unreadable);
  }
  rowName(row: FigureRow): string {
    return rowLabel(this.key, row);
  }
}

const CODES = DEFAULT_PROGRESS_CATEGORIES.map((c) => c.rowCode);
const IN_TOTAL = new Set(DEFAULT_PROGRESS_CATEGORIES.filter((c) => c.inTotal).map((c) => c.rowCode));

function checkProgressSheet(s: SheetCheck) {
  const codeCol = s.table.columns[columnIndex(s.layout, 'rowCode')] ?? 'B';
  const at = new Map<string, number>();
  s.rows.forEach((r, i) => {
    const code = trim(r.values.rowCode);
    const row = s.table.rowNumbers[i];
    const cell = `${codeCol}${row}`;
    if (!code) s.add('rowCode', cell, `：第${row}行“${rowLabel('progress', r)}”没有代码`);
    else if (!CODES.includes(code)) s.add('rowCode', cell, `：代码“${code}”不是进度调度表的行代码（应为01—13）`);
    else if (at.has(code)) s.add('rowCode', cell, `：代码${code}重复（第${s.table.rowNumbers[at.get(code)!]}行已有）`);
    else at.set(code, i);
  });
  // A sheet that says 无 has no table for the period: nothing to be complete.
  if (s.rows.length > 0 || s.table.nothingRows.length === 0) {
    const last = (s.table.rowNumbers.at(-1) ?? s.table.nothingRows.at(-1) ?? 0) + 1;
    CODES.forEach((code, k) => {
      if (at.has(code)) return;
      const next = CODES.slice(k + 1).find((c) => at.has(c));
      const row = next ? s.table.rowNumbers[at.get(next)!] : last;
      const name = DEFAULT_PROGRESS_CATEGORIES[k].name;
      s.add('rowCode', `${codeCol}${row}`, `：缺少代码为${code}的“${name}”行（应在第${row}行）`);
    });
  }

  // With a counted row missing, its absence is the finding: every column of 合计 would differ.
  const total = at.get('01');
  if (total !== undefined && [...IN_TOTAL].every((code) => at.has(code))) {
    const parts = [...at].filter(([code]) => IN_TOTAL.has(code)).map(([, i]) => i);
    s.total(total, parts, ENTERED_COLUMNS);
  }
  s.rows.forEach((_r, i) => {
    s.rate(i, 'c9', 'c8', 'c6');
    s.rate(i, 'c12', 'c11', 'c6');
  });

  const rows: ProgressRow[] = [...at]
    .filter(([code]) => code !== '01')
    .map(([code, i]) => ({
      rowCode: code,
      figures: Object.fromEntries(ENTERED_COLUMNS.map((c) => [c, num(s.rows[i].values[c])])) as Figures,
      note: trim(s.rows[i].values.note) || null,
    }));
  for (const v of checkProgress({ categories: DEFAULT_PROGRESS_CATEGORIES, rows, previous: s.previous }))
    if (!v.noted) s.add('rule', s.cell(at.get(v.rowCode)!, v.column), `：${v.rule}（${v.rowCode}行，备注中未说明）`);
}

const STAFF_KEYS = MONTHLY_SHEETS.staff.layout.columns.filter((c) => c.kind === 'int').map((c) => c.key);
const TRAINING_TOTALS = [...TRAINING_SUMMED, 'hours'];

function checkSheet(s: SheetCheck) {
  switch (s.key) {
    case 'progress':
      return checkProgressSheet(s);
    case 'staff': {
      const t = s.totalRow();
      if (t !== null) s.total(t, s.indexes('item'), STAFF_KEYS);
      return;
    }
    case 'budget': {
      const t = s.totalRow();
      if (t !== null) s.total(t, s.indexes('item'), ['budget', 'allocated', 'spent', 'balance']);
      s.rows.forEach((_r, i) => {
        s.difference(i, 'balance', 'budget', 'spent');
        s.rate(i, 'rate', 'spent', 'budget');
      });
      return;
    }
    case 'training': {
      const t = s.totalRow();
      const items = s.indexes('item');
      if (t !== null) {
        s.total(t, items, TRAINING_TOTALS);
        const batch = trim(s.rows[t].values.batch);
        if (batch !== `${items.length}期`)
          s.add(
            'total',
            s.cell(t, 'batch'),
            `（合计，期次）：本期有${items.length}个培训班，应为“${items.length}期”，实为“${batch}”`,
          );
      }
      s.rows.forEach((_r, i) => s.rate(i, 'passRate', 'passed', 'examined'));
      return;
    }
    case 'contracts': {
      const t = s.totalRow();
      const items = s.indexes('item');
      if (t !== null) {
        s.total(t, items, ['amount', 'paid', 'unpaid', 'overdue']);
        const [done, all] = items.reduce(
          ([d, a], i) => {
            const m = /^(\d+)\/(\d+)$/.exec(trim(s.rows[i].values.nodes));
            return m ? [d + Number(m[1]), a + Number(m[2])] : [d, a];
          },
          [0, 0],
        );
        const nodes = trim(s.rows[t].values.nodes);
        if (nodes !== `${done}/${all}`)
          s.add('total', s.cell(t, 'nodes'), `（合计，履约节点）：应为各行之和“${done}/${all}”，实为“${nodes}”`);
      }
      s.rows.forEach((r, i) => {
        if (r.kind === 'item') s.difference(i, 'unpaid', 'amount', 'paid');
      });
      return;
    }
    default:
      return;
  }
}

/** The progress table of the period before, as sent: its figures only ever grow (or say why in 备注). */
export type PreviousProgress = { period: string; rows: ProgressRow[] };

/** A sent monthly report's 进度调度表 as the progress rules take it (for the "never fall" rule). */
export function progressRowsOf(rows: readonly FigureRow[]): ProgressRow[] {
  return rows
    .filter((r) => r.kind === 'item')
    .map((r) => ({
      rowCode: trim(r.values.rowCode),
      figures: Object.fromEntries(ENTERED_COLUMNS.map((c) => [c, num(r.values[c])])) as Figures,
      note: trim(r.values.note) || null,
    }));
}

/**
 * Every 合计, rate, rule and row code of the sheets that could be read; `unreadable` holds the
 * cells (`进度调度表!C6`) that could not be read, which are named elsewhere and not judged here;
 * `previous`, when the office holds it, the period before as sent.
 */
export function checkFigures(
  read: MonthlyRead,
  unreadable: ReadonlySet<string>,
  previous: PreviousProgress | null = null,
): Finding[] {
  const keys: MonthlySheetKey[] = ['progress', 'staff', 'budget', 'training', 'contracts'];
  return keys.flatMap((key) => {
    if (!read.reads[key]) return [];
    const s = new SheetCheck(key, read, unreadable, previous);
    checkSheet(s);
    return s.out;
  });
}
