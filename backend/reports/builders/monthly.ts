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
import { frameOf, type BuildEnv } from './env';
import { read, readAll } from '../read';
import { insuranceValidSql, passedSql, trainedSql } from '../../../db/views/derived';

const STAFF_KEYS = [
  'districts',
  'enumerators',
  'supervisors',
  'trained',
  'passed',
  'certified',
  'insured',
  'townshipLiaisons',
  'villageLiaisons',
] as const;

const hasRole = (roles: string) =>
  `EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role IN (${roles}))`;

/** 两员情况 by township, people on duty only; the two roles counted once per person in 已培训…已参保. */
const STAFF_SQL = `
SELECT tid, sum(enumerator) AS enumerators, sum(supervisor) AS supervisors,
  sum(two AND trained) AS trained, sum(two AND passed) AS passed, sum(two AND certified) AS certified,
  sum(two AND insured) AS insured, sum(township_liaison) AS townshipLiaisons, sum(village_liaison) AS villageLiaisons
FROM (
  SELECT coalesce(p.township_id, 0) AS tid,
    ${hasRole(`'普查员'`)} AS enumerator,
    ${hasRole(`'普查指导员'`)} AS supervisor,
    ${hasRole(`'普查员', '普查指导员'`)} AS two,
    ${trainedSql('p.id')} AS trained,
    ${passedSql('p.id')} AS passed,
    (p.cert_no IS NOT NULL) AS certified,
    ${insuranceValidSql('p.insurance_start', 'p.insurance_end', '@day')} AS insured,
    ${hasRole(`'乡镇(街道)联络员'`)} AS township_liaison,
    ${hasRole(`'村(居)联络员'`)} AS village_liaison
  FROM people p WHERE p.status = '在岗'
) GROUP BY tid`;

function staffRows(env: BuildEnv): FigureRow[] {
  const db = env.ctx.db;
  const townships = db.prepare('SELECT id, name FROM townships ORDER BY code').all() as { id: number; name: string }[];
  const districts = new Map(
    (
      db.prepare('SELECT township_id AS id, count(*) AS n FROM census_districts GROUP BY township_id').all() as {
        id: number;
        n: number;
      }[]
    ).map((r) => [r.id, r.n]),
  );
  const counts = new Map(
    (db.prepare(STAFF_SQL).all({ day: env.exportDay }) as Record<string, number>[]).map((r) => [r.tid, r]),
  );
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

async function trainingSheet(env: BuildEnv, period: string): Promise<FigureRow[]> {
  const { from, to } = periodRange(period);
  const sessions = (await readAll(env.ctx, 'training.list', { sort: { field: 'startDate', dir: 'asc' } })).filter(
    (s) => s.startDate <= to,
  );
  const inPeriod = sessions.filter((s) => s.startDate >= from);
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

export async function monthlyFigures(env: BuildEnv, period: string): Promise<MonthlyFigures> {
  const milestones = await readAll(env.ctx, 'milestone.list', { sort: { field: 'seq', dir: 'asc' } });
  const progress = await progressSheet(env, period);
  const tree = await read(env.ctx, 'budget.tree', {});
  const contracts = await readAll(env.ctx, 'contract.list', { sort: { field: 'contractNo', dir: 'asc' } });
  const sheets: MonthlyFigures['sheets'] = {
    milestones: milestones.map(milestoneRow),
    progress: progress.rows,
    staff: staffRows(env),
    budget: place(env, [budgetSummaryTotal(tree)], budgetSummaryRows(tree)),
    training: await trainingSheet(env, period),
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
    sheets[key as MonthlySheetKey] = frameOf(env, env.params.reportId, periodText, unit, title);
  }
  return { moneyUnit: env.office.moneyUnit, totalRowPosition: env.office.totalRowPosition, sheets };
}
