// R2 工作进度月报: its figures (what is recorded as sent) read from the store for one period, and
// the frame of each of its six sheets.
import {
  MONTHLY_SHEETS,
  MONTHLY_SHEET_KEYS,
  type MonthlyFigures,
  type MonthlyFrame,
  type MonthlySheetKey,
} from '../../../core/reports/monthly';
import { completeRows, labelled, type FigureRow } from '../../../core/reports/figures';
import { periodLabel, periodRange } from '../../../core/reports/period';
import { milestoneRow, progressRows } from '../../../core/reports/rows/workplan';
import { budgetSummaryRows, budgetSummaryTotal } from '../../../core/reports/rows/budget';
import { trainingRow, trainingTotal } from '../../../core/reports/rows/training';
import { contractRow, contractTotal } from '../../../core/reports/rows/contracts';
import { STAFF } from '../../../core/reports/layouts/people';
// 两员情况's summed columns, the same the consolidation reads back from a unit's summary.
import { STAFF_KEYS } from '../../../core/reports/city/summary';
import type { BuildEnv } from './env';
import { read, readAll } from '../read';
import { asOfParams, districtCountsAsOf, staffCountsAsOf, type AsOfParams } from '../asOf/people';
import { budgetTreeAsOf } from '../asOf/budget';
import { contractsAsOf } from '../asOf/contracts';
import { milestonesAsOf } from '../asOf/workplan';
import { withRolesAsOf } from '../asOf/training';
import { fillFrame } from '../../../core/reports/texts';
import { monthlySheetText } from '../../../core/schemas/system';

/** 两员情况 at the period end: people in post then, by township, and the districts existing then. */
function staffRows(env: BuildEnv, at: AsOfParams): FigureRow[] {
  const db = env.ctx.db;
  const townships = db.prepare('SELECT id, name FROM townships ORDER BY code').all() as { id: number; name: string }[];
  const districts = districtCountsAsOf(db, at);
  const counts = staffCountsAsOf(db, at);
  const row = (id: number, name: string): FigureRow => {
    const c = counts.get(id);
    const values: FigureRow['values'] = { township: name };
    for (const key of STAFF_KEYS) values[key] = key === 'districts' ? (districts.get(id) ?? 0) : (c?.[key] ?? 0);
    return { kind: 'item', values };
  };
  const rows = townships.map((t) => row(t.id, t.name));
  // People of the office itself have no township; the row appears only when it counts someone.
  const unplaced = row(0, '未指定乡镇');
  if (STAFF_KEYS.some((k) => Number(unplaced.values[k]) > 0)) rows.push(unplaced);
  const total: FigureRow['values'] = {};
  for (const key of STAFF_KEYS) total[key] = rows.reduce((n, r) => n + Number(r.values[key] ?? 0), 0);
  return place(env, [labelled(STAFF, 'total', '合计', total)], rows);
}

const place = (env: BuildEnv, totals: FigureRow[], body: FigureRow[]) =>
  env.office.totalRowPosition === 'top' ? [...totals, ...body] : [...body, ...totals];

async function progressSheet(env: BuildEnv, period: string) {
  let table = await read(env.ctx, 'progress.get', { period });
  if (table.reportId === null && table.townshipReportCount > 0)
    table = await read(env.ctx, 'progress.get', { period, aggregate: true });
  const hasData = table.reportId !== null || table.source === '乡镇汇总';
  const rows = hasData ? progressRows(table) : [];
  const texts = { mainWork: table.mainWork, problems: table.problems, nextPlan: table.nextPlan };
  return {
    rows: place(
      env,
      rows.filter((r) => r.kind === 'total'),
      rows.filter((r) => r.kind !== 'total'),
    ),
    texts,
  };
}

/** Sessions ending in the period, and cumulative: every session ended by the period end. */
async function trainingSheet(env: BuildEnv, period: string, at: AsOfParams): Promise<FigureRow[]> {
  const { from, to } = periodRange(period);
  const all = await readAll(env.ctx, 'training.list', { sort: { field: 'startDate', dir: 'asc' } });
  const sessions = withRolesAsOf(
    env.ctx.db,
    at,
    all.filter((s) => s.endDate <= to),
  );
  const inPeriod = sessions.filter((s) => s.endDate >= from);
  const totals = [
    trainingTotal(inPeriod, 'total', '合计'),
    trainingTotal(sessions, 'cumulative', '累计（截至本期末）'),
  ];
  return place(
    env,
    totals,
    inPeriod.map((s, i) => trainingRow(s, i + 1)),
  );
}

/**
 * Every sheet as the office stood at the period's last day (docs/reports.md "As of a day"),
 * whenever it is exported; the export day is only the frame's 报出日期.
 */
export async function monthlyFigures(env: BuildEnv, period: string): Promise<MonthlyFigures> {
  const db = env.ctx.db;
  const at = asOfParams(db, periodRange(period).to);
  const progress = await progressSheet(env, period);
  const tree = budgetTreeAsOf(db, at);
  const contracts = contractsAsOf(db, at);
  const sheets: MonthlyFigures['sheets'] = {
    milestones: milestonesAsOf(db, at).map(milestoneRow),
    progress: progress.rows,
    staff: staffRows(env, at),
    budget: place(env, [budgetSummaryTotal(tree)], budgetSummaryRows(tree)),
    training: await trainingSheet(env, period, at),
    contracts: place(
      env,
      [contractTotal(contracts)],
      contracts.map((c, i) => contractRow(c, i + 1)),
    ),
  };
  for (const key of MONTHLY_SHEET_KEYS) sheets[key] = completeRows(MONTHLY_SHEETS[key].layout, sheets[key]);
  return { period, sheets, texts: progress.texts };
}

/** Each sheet's title, 填报单位 line and footer, filled now and recorded with the figures. */
export function monthlyFrame(env: BuildEnv, period: string): MonthlyFrame {
  const periodText = periodLabel(period);
  const sheets = {} as MonthlyFrame['sheets'];
  for (const key of MONTHLY_SHEET_KEYS) {
    const sheet = MONTHLY_SHEETS[key];
    const unit = sheet.unit === 'money' ? env.office.moneyUnit : sheet.unit;
    // The first sheet carries the report's own title; the others name what they show.
    const title = key === 'milestones' ? undefined : `{县名}{普查名称}${sheet.title}（{期别}）`;
    // Each sheet carries its own 表号 (submission.md §2).
    sheets[key as MonthlySheetKey] = fillFrame(monthlySheetText(env.texts, key), env.office, {
      periodText,
      exportDay: env.exportDay,
      unitText: unit,
      title,
    });
  }
  return { moneyUnit: env.office.moneyUnit, totalRowPosition: env.office.totalRowPosition, sheets };
}
