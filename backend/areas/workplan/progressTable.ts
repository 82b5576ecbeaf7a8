// Reading the progress table (进度调度表) out of the store and shaping it for the API: the 合计 row
// and the rates are computed, the rules of core/progressRules judged against the period before.
import type { Database } from 'better-sqlite3';
import {
  ENTERED_COLUMNS,
  checkProgress,
  displayName,
  emptyFigures,
  sumFigures,
  totalFigures,
  withRates,
  type FigureRow,
  type Figures,
  type ProgressCategory,
} from '../../../core/progressRules';
import { withQualityParts } from '../quality/feed';

export interface Scope {
  period: string;
  townshipId: number | null;
}

export interface ReportRow {
  id: number;
  period: string;
  township_id: number | null;
  township_name: string | null;
  status: '草稿' | '已上报';
  reported_at: string | null;
  updated_at: string;
  main_work: string | null;
  problems: string | null;
  next_plan: string | null;
}

const REPORT_SELECT = `SELECT r.*, t.name AS township_name FROM progress_reports r LEFT JOIN townships t ON t.id = r.township_id`;

export function loadCategories(db: Database): ProgressCategory[] {
  const rows = db.prepare('SELECT * FROM progress_categories ORDER BY sort, row_code').all() as Record<
    string,
    unknown
  >[];
  return rows.map((r) => ({
    rowCode: String(r.row_code),
    name: String(r.name),
    parentCode: (r.parent_code as string | null) ?? null,
    indent: Number(r.indent),
    inTotal: r.in_total === 1,
    isTotal: r.is_total === 1,
    unit: String(r.unit),
    sort: Number(r.sort),
  }));
}

export const findReport = (db: Database, s: Scope) =>
  db
    .prepare(`${REPORT_SELECT} WHERE r.period = ? AND ifnull(r.township_id, 0) = ?`)
    .get(s.period, s.townshipId ?? 0) as ReportRow | undefined;

export function loadFigureRows(db: Database, reportId: number): FigureRow[] {
  const rows = db
    .prepare('SELECT * FROM progress_figures WHERE report_id = ? ORDER BY row_code')
    .all(reportId) as Record<string, unknown>[];
  return rows.map((r) => {
    const figures = emptyFigures();
    for (const c of ENTERED_COLUMNS) figures[c] = (r[c] as number | null) ?? null;
    return { rowCode: String(r.row_code), figures, note: (r.note as string | null) ?? null };
  });
}

/** The same scope's latest table before this period (periods sort as text: 2018-06 < 2018-06-上 < 2018-07). */
export const previousReport = (db: Database, s: Scope) =>
  db
    .prepare(`${REPORT_SELECT} WHERE ifnull(r.township_id, 0) = ? AND r.period < ? ORDER BY r.period DESC LIMIT 1`)
    .get(s.townshipId ?? 0, s.period) as ReportRow | undefined;

export const townshipReports = (db: Database, period: string) =>
  db
    .prepare(`${REPORT_SELECT} WHERE r.period = ? AND r.township_id IS NOT NULL ORDER BY t.code`)
    .all(period) as ReportRow[];

/** Every township's table of a period added up; their notes are kept, each under its township's name. */
export function aggregateRows(db: Database, period: string): FigureRow[] {
  const byCode = new Map<string, { figures: Figures[]; notes: string[] }>();
  for (const report of townshipReports(db, period)) {
    for (const row of loadFigureRows(db, report.id)) {
      const entry = byCode.get(row.rowCode) ?? { figures: [], notes: [] };
      entry.figures.push(row.figures);
      if (row.note) entry.notes.push(`${report.township_name}：${row.note}`);
      byCode.set(row.rowCode, entry);
    }
  }
  return [...byCode].map(([rowCode, e]) => ({
    rowCode,
    figures: sumFigures(e.figures),
    note: e.notes.length ? e.notes.join('；') : null,
  }));
}

/** The latest earlier period that has township tables, for the aggregate's "never fall" rule. */
export const previousAggregatePeriod = (db: Database, period: string) =>
  (
    db
      .prepare('SELECT max(period) AS p FROM progress_reports WHERE township_id IS NOT NULL AND period < ?')
      .get(period) as { p: string | null }
  ).p;

export interface TableParts {
  scope: Scope;
  townshipName: string | null;
  report: ReportRow | undefined;
  rows: FigureRow[];
  previous: { period: string; rows: FigureRow[] } | null;
  source: '填报' | '乡镇汇总';
}

/** The API's view of one table: 13 rows with 合计 and rates computed, and every broken rule. */
export function buildTable(db: Database, parts: TableParts) {
  const p = withQualityParts(db, parts); // columns 13–14 from the quality records where the period says so
  const categories = loadCategories(db);
  const byCode = new Map(p.rows.map((r) => [r.rowCode, r]));
  const total = totalFigures(categories, p.rows);
  const rows = categories.map((c) => {
    const stored = byCode.get(c.rowCode);
    const figures = c.isTotal ? total : (stored?.figures ?? emptyFigures());
    return {
      rowCode: c.rowCode,
      name: c.name,
      displayName: displayName(c, categories),
      parentCode: c.parentCode,
      indent: c.indent,
      inTotal: c.inTotal,
      unit: c.unit,
      computed: c.isTotal,
      ...withRates(figures),
      note: stored?.note ?? null,
    };
  });
  const violations = checkProgress({ categories, rows: p.rows, previous: p.previous });
  return {
    reportId: p.report?.id ?? null,
    period: p.scope.period,
    townshipId: p.scope.townshipId,
    townshipName: p.townshipName,
    source: p.source,
    status: p.report?.status ?? null,
    reportedAt: p.report?.reported_at ?? null,
    updatedAt: p.report?.updated_at ?? null,
    mainWork: p.report?.main_work ?? null,
    problems: p.report?.problems ?? null,
    nextPlan: p.report?.next_plan ?? null,
    previousPeriod: p.previous?.period ?? null,
    townshipReportCount: townshipReports(db, p.scope.period).length,
    rows,
    violations,
  };
}

export type ProgressTable = ReturnType<typeof buildTable>;

/** Progress row 11 (行政村) counts the 村委会 among the villages (the code says which, 200–399). */
export const ADMIN_VILLAGE_ROW = '11';

/**
 * The scope's very first table, before anything is saved: row 11's 名录库底册数 starts as the number
 * of 行政村 in the registry (the county's, or the township's), for the clerk to keep or change. Only
 * the form asks for it (progress.get with prefill); reports read what was saved.
 */
function firstTableRows(db: Database, scope: Scope): FigureRow[] {
  const { n } = db
    .prepare(`SELECT count(*) AS n FROM villages_view WHERE kind = '村委会' AND (? IS NULL OR township_id = ?)`)
    .get(scope.townshipId, scope.townshipId) as { n: number };
  if (n === 0 || !loadCategories(db).some((c) => c.rowCode === ADMIN_VILLAGE_ROW)) return [];
  return [{ rowCode: ADMIN_VILLAGE_ROW, figures: { ...emptyFigures(), c1: n }, note: null }];
}

/** A stored table (county or township) as the API shows it; `prefill`: see firstTableRows. */
export function storedTable(db: Database, scope: Scope, prefill = false) {
  const report = findReport(db, scope);
  const prev = previousReport(db, scope);
  const townshipName =
    scope.townshipId === null
      ? null
      : ((db.prepare('SELECT name FROM townships WHERE id = ?').get(scope.townshipId) as { name: string } | undefined)
          ?.name ?? null);
  return buildTable(db, {
    scope,
    townshipName,
    report,
    rows: report ? loadFigureRows(db, report.id) : prefill && !prev ? firstTableRows(db, scope) : [],
    previous: prev ? { period: prev.period, rows: loadFigureRows(db, prev.id) } : null,
    source: '填报',
  });
}

/** The sum of every township's table for the period, computed live (nothing stored). */
export function aggregateTable(db: Database, period: string) {
  const prevPeriod = previousAggregatePeriod(db, period);
  return buildTable(db, {
    scope: { period, townshipId: null },
    townshipName: null,
    report: undefined,
    rows: aggregateRows(db, period),
    previous: prevPeriod ? { period: prevPeriod, rows: aggregateRows(db, prevPeriod) } : null,
    source: '乡镇汇总',
  });
}
