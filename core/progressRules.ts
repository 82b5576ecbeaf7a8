// The progress table (进度调度表) of workplan.md: its columns, its default rows and the rules a
// period's figures must keep. Pure: the handlers load the data, these functions judge it.
import { percent } from './money';

/** Entered columns (counts). 9 (填表率%) and 12 (录入率%) are computed and never stored. */
export const ENTERED_COLUMNS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c10', 'c11', 'c13', 'c14'] as const;
export type EnteredColumn = (typeof ENTERED_COLUMNS)[number];
export const RATE_COLUMNS = ['c9', 'c12'] as const;
export type RateColumn = (typeof RATE_COLUMNS)[number];
export type FigureColumn = EnteredColumn | RateColumn;
/** Columns 3–5 are parts of column 2 (其中). */
export const PART_COLUMNS: ReadonlySet<FigureColumn> = new Set<FigureColumn>(['c3', 'c4', 'c5']);

/** Column key → its number and Chinese name, as printed in the table header. */
export const COLUMN_LABELS: Record<FigureColumn, string> = {
  c1: '名录库底册数',
  c2: '清查数',
  c3: '纳入普查',
  c4: '关停/注销/未找到',
  c5: '新增',
  c6: '入户应查数',
  c7: '已入户数',
  c8: '已填表数',
  c9: '填表率%',
  c10: '县级审核通过数',
  c11: '专网录入数',
  c12: '录入率%',
  c13: '质量核查抽查数',
  c14: '发现差错数',
};

/** All 14 figure columns in the order the table prints them (9 and 12 being rates). */
export const FIGURE_COLUMNS = Object.keys(COLUMN_LABELS) as FigureColumn[];

/** `已入户数（7）` — how a rule names a column. */
export const columnName = (c: FigureColumn) => `${COLUMN_LABELS[c]}（${c.slice(1)}）`;

export interface ProgressCategory {
  rowCode: string;
  name: string;
  /** Rows that are "其中" parts of another row name it here (05–08 → 04). */
  parentCode: string | null;
  indent: number;
  /** Counted in the 合计 row. */
  inTotal: boolean;
  /** The 合计 row: computed from the inTotal rows, never entered. */
  isTotal: boolean;
  unit: string;
  sort: number;
}

const cat = (rowCode: string, name: string, extra: Partial<ProgressCategory> = {}): ProgressCategory => ({
  rowCode,
  name,
  parentCode: null,
  indent: 0,
  inTotal: true,
  isTotal: false,
  unit: '个',
  sort: Number(rowCode),
  ...extra,
});
const part = { parentCode: '04', indent: 1, inTotal: false };

/** The rows a new workspace starts with (workplan.md); the table is data, these are its defaults. */
export const DEFAULT_PROGRESS_CATEGORIES: readonly ProgressCategory[] = [
  cat('01', '合计', { inTotal: false, isTotal: true }),
  cat('02', '工业企业和产业活动单位'),
  cat('03', '规模化畜禽养殖场'),
  cat('04', '集中式污染治理设施'),
  cat('05', '污水处理厂', part),
  cat('06', '生活垃圾处理场(厂)', part),
  cat('07', '危险废物处置厂', part),
  cat('08', '农村集中式污水处理设施', part),
  cat('09', '生活源锅炉', { inTotal: false, unit: '台' }),
  cat('10', '入河(湖)排污口'),
  cat('11', '行政村'),
  cat('12', '工业园区'),
  cat('13', '移动源(储油库、加油站等)'),
];

/**
 * The row label as printed: "其中：" before the first part of a row, full-width spaces before the
 * others (reports.md), and the unit when it is not the usual 个 (生活源锅炉(台)).
 */
export function displayName(c: ProgressCategory, all: readonly ProgressCategory[]): string {
  const unit = c.unit && c.unit !== '个' ? `(${c.unit})` : '';
  if (!c.parentCode) return `${c.name}${unit}`;
  const siblings = all.filter((s) => s.parentCode === c.parentCode).sort((a, b) => a.sort - b.sort);
  const prefix = siblings[0]?.rowCode === c.rowCode ? '其中：' : '\u3000\u3000\u3000';
  return `${prefix}${c.name}${unit}`;
}

export type Figures = Record<EnteredColumn, number | null>;
export type FiguresWithRates = Figures & Record<RateColumn, number | null>;

export interface FigureRow {
  rowCode: string;
  figures: Figures;
  note: string | null;
}

export const emptyFigures = (): Figures => Object.fromEntries(ENTERED_COLUMNS.map((c) => [c, null])) as Figures;

/** Column by column sum; a column stays empty (null) when every part is empty. */
export function sumFigures(list: readonly Figures[]): Figures {
  const out = emptyFigures();
  for (const f of list) {
    for (const c of ENTERED_COLUMNS) {
      const v = f[c];
      if (v != null) out[c] = (out[c] ?? 0) + v;
    }
  }
  return out;
}

/** 填表率 = 8 / 6 and 录入率 = 11 / 6, one decimal; null when 6 is empty or 0. */
export function withRates(f: Figures): FiguresWithRates {
  const rate = (n: number | null) => (n == null || !f.c6 ? null : percent(n, f.c6, 1));
  return { ...f, c9: rate(f.c8), c12: rate(f.c11) };
}

/** The 合计 row: the sum of the rows counted in the total (02, 03, 04, 10, 11, 12, 13). */
export function totalFigures(categories: readonly ProgressCategory[], rows: readonly FigureRow[]): Figures {
  const counted = new Set(categories.filter((c) => c.inTotal).map((c) => c.rowCode));
  return sumFigures(rows.filter((r) => counted.has(r.rowCode)).map((r) => r.figures));
}

/** How a message names a row: `第03行（工业源）`. */
export const rowLabel = (rowCode: string, name: string | undefined) =>
  name ? `第${rowCode}行（${name}）` : `第${rowCode}行`;

export interface Violation {
  rowCode: string;
  column: FigureColumn;
  /**
   * The rule in words with the values a clerk reads on screen, never column numbers (which read as
   * values): `已入户数 7 不能大于入户应查数 6`. Callers put the row before it (`rowLabel`).
   */
  rule: string;
  /** The row carries a note (备注) explaining it, so it no longer blocks 已上报. */
  noted: boolean;
}

/** Column rules within one row: [column that must be smaller, the one it is bounded by]. */
const WITHIN_ROW: readonly [EnteredColumn, EnteredColumn][] = [
  ['c7', 'c6'],
  ['c8', 'c7'],
  ['c10', 'c8'],
];

export interface ProgressInput {
  categories: readonly ProgressCategory[];
  rows: readonly FigureRow[];
  /** The same table's figures of the period before, when there is one. */
  previous?: { period: string; rows: readonly FigureRow[] } | null;
}

/** Every rule of workplan.md, in row order; the computed 合计 row is never judged on its own. */
export function checkProgress({ categories, rows, previous }: ProgressInput): Violation[] {
  const byCode = new Map(rows.map((r) => [r.rowCode, r]));
  const catByCode = new Map(categories.map((c) => [c.rowCode, c]));
  const prevByCode = new Map((previous?.rows ?? []).map((r) => [r.rowCode, r]));
  const out: Violation[] = [];
  const ordered = [...categories].sort((a, b) => a.sort - b.sort);

  for (const c of ordered) {
    if (c.isTotal) continue;
    const row = byCode.get(c.rowCode);
    if (!row) continue;
    const f = row.figures;
    const noted = Boolean(row.note?.trim());
    const add = (column: FigureColumn, rule: string) => out.push({ rowCode: c.rowCode, column, rule, noted });

    // "其中" rows never exceed the row they are part of.
    const parent = c.parentCode ? byCode.get(c.parentCode) : undefined;
    const parentCat = c.parentCode ? catByCode.get(c.parentCode) : undefined;
    if (parent && parentCat) {
      for (const col of ENTERED_COLUMNS) {
        const v = f[col];
        const limit = parent.figures[col];
        if (v != null && limit != null && v > limit) {
          add(
            col,
            `${c.name}的${COLUMN_LABELS[col]} ${v} 不能大于${parentCat.name}（第${parentCat.rowCode}行）的${COLUMN_LABELS[col]} ${limit}`,
          );
        }
      }
    }

    // Together, the parts of a row never exceed it either (reported on the parent row).
    const parts = ordered.filter((p) => p.parentCode === c.rowCode);
    if (parts.length) {
      const codes = parts.map((p) => p.rowCode);
      for (const col of ENTERED_COLUMNS) {
        const limit = f[col];
        const values = codes.map((code) => byCode.get(code)?.figures[col]).filter((v): v is number => v != null);
        const anyPartAlone = values.some((v) => limit != null && v > limit);
        const sum = values.reduce((a, b) => a + b, 0);
        if (limit != null && values.length > 1 && !anyPartAlone && sum > limit) {
          add(
            col,
            `其中各项（第${codes[0]}—${codes[codes.length - 1]}行）的${COLUMN_LABELS[col]}之和 ${sum} 不能大于${c.name}的${COLUMN_LABELS[col]} ${limit}`,
          );
        }
      }
    }

    if (f.c2 != null && (f.c3 != null || f.c4 != null) && (f.c3 ?? 0) + (f.c4 ?? 0) > f.c2) {
      const sum = (f.c3 ?? 0) + (f.c4 ?? 0);
      add(
        'c3',
        `${COLUMN_LABELS.c3} ${f.c3 ?? 0} 与${COLUMN_LABELS.c4} ${f.c4 ?? 0} 之和 ${sum} 不能大于${COLUMN_LABELS.c2} ${f.c2}`,
      );
    }
    for (const [small, big] of WITHIN_ROW) {
      const v = f[small];
      const limit = f[big];
      if (v != null && limit != null && v > limit)
        add(small, `${COLUMN_LABELS[small]} ${v} 不能大于${COLUMN_LABELS[big]} ${limit}`);
    }

    // Cumulative counts only grow; a fall needs an explanation.
    const prev = prevByCode.get(c.rowCode);
    if (prev && previous) {
      for (const col of ENTERED_COLUMNS) {
        const was = prev.figures[col];
        const now = f[col];
        if (was != null && now != null && now < was) {
          add(col, `${COLUMN_LABELS[col]}比上期（${previous.period}）减少（由${was}减为${now}），须在备注中说明`);
        }
      }
    }
  }
  return out;
}

/** The violations that still block marking the report 已上报: those without a note. */
export const blockingViolations = (violations: readonly Violation[]) => violations.filter((v) => !v.noted);
