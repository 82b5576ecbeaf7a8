// What a consolidation needs from one unit's monthly report (R2): the unit's own totals of every
// sheet, its overdue milestones and its three text blocks. Intake stores it as received_reports.
// summary_json when it files a report, so the city's (or province's) report is built from these
// alone, never by re-reading the workbooks. Money in 分, counts as numbers, rates left out: a rate
// of a sum is recomputed from the summed figures, never summed.
import type { FigureRow } from '../figures';
import type { CellValue } from '../doc';
import { MONTHLY_BLOCKS, type MonthlyFigures, type MonthlyTextKey } from '../monthly';
import { ENTERED_COLUMNS, type EnteredColumn } from '../../progressRules';
import { TRAINING_SUMMED } from '../rows/training';

/** Bumped when the shape changes, so a stored summary of another shape is recognised. */
export const SUMMARY_FORMAT = 1;

export type UnitLevel = '县' | '市' | '省';

/** A unit as a consolidation names it: its 6-digit division code and its name (蓬安县, 南充市). */
export interface UnitRef {
  code: string;
  name: string;
}

/** Whose report a summary is: the unit, the level of the file, and its version (null for a draft). */
export interface SummaryUnit extends UnitRef {
  version: number | null;
}

/** One row code of 进度调度表: the unit's figures (its own totals, or the city total for a city). */
export interface ProgressLine {
  name: string;
  values: Record<EnteredColumn, number | null>;
  note: string | null;
}

export const STAFF_KEYS = [
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
export type StaffKey = (typeof STAFF_KEYS)[number];
export type StaffTotals = Record<StaffKey, number>;

export const BUDGET_KEYS = ['budget', 'allocated', 'spent', 'balance'] as const;
export type BudgetKey = (typeof BUDGET_KEYS)[number];
/** 经费情况's 合计, in 分. */
export type BudgetTotals = Record<BudgetKey, number>;

/** Training's summed columns (学时 apart: summed to two decimals, and empty when no session had any). */
export const TRAINING_KEYS = TRAINING_SUMMED;
export type TrainingKey = (typeof TRAINING_KEYS)[number];
export interface TrainingTotals extends Record<TrainingKey, number> {
  /** How many sessions (期次). */
  sessions: number;
  hours: number | null;
}

export const CONTRACT_KEYS = ['amount', 'paid', 'unpaid', 'nodesDone', 'nodeCount', 'overdue'] as const;
export type ContractKey = (typeof CONTRACT_KEYS)[number];
export interface ContractTotals extends Record<ContractKey, number> {
  /** How many contracts. */
  contracts: number;
}

/** An overdue milestone, with the county it belongs to (also when a city report carries it on). */
export interface OverdueMilestone {
  unitCode: string;
  unitName: string;
  /** The city it came through, in a province's report; null in a county's or city's. */
  viaName: string | null;
  seq: number | null;
  point: string | null;
  title: string;
  deadline: string | null;
  completedDate: string | null;
  progressNote: string | null;
}

/** A county's three text blocks, with the county (and the city it came through, in a province's report). */
export interface UnitWork extends Record<MonthlyTextKey, string | null> {
  unitCode: string;
  unitName: string;
  viaName: string | null;
}

/** A unit a consolidated report included, and in which version. */
export interface IncludedUnit extends UnitRef {
  version: number | null;
}

export interface UnitSummary {
  format: typeof SUMMARY_FORMAT;
  unitCode: string;
  unitName: string;
  /** The level of the file the summary was taken from: 县 (a county's R2) or 市 / 省 (a consolidation). */
  level: UnitLevel;
  period: string;
  version: number | null;
  /** By row code ('01' the unit's 合计). Empty when the report had no progress table. */
  progress: Record<string, ProgressLine>;
  staff: StaffTotals;
  budget: BudgetTotals;
  training: { period: TrainingTotals; cumulative: TrainingTotals };
  contracts: ContractTotals;
  overdue: OverdueMilestone[];
  /** The unit's own three text blocks (a consolidated report has none of its own: all null). */
  texts: Record<MonthlyTextKey, string | null>;
  /** Each county's text blocks: a county's own (when it wrote any), a city's counties' for a city. */
  works: UnitWork[];
  /** For a consolidated report: the units it included (with versions) and the ones missing. */
  included?: IncludedUnit[];
  missing?: UnitRef[];
}

/** The status a milestone overdue at the period end carries (core/milestones.ts). */
export const OVERDUE_STATUS = '已逾期';

export const num = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);
export const str = (v: CellValue | undefined): string | null =>
  v === null || v === undefined || v === '' ? null : String(v);

const items = (rows: readonly FigureRow[]) => rows.filter((r) => r.kind === 'item' || r.kind === 'category');

/** The sheet's row of this kind, else the sum of its item rows (a sheet read back without its 合计). */
function totalOf<K extends string>(rows: readonly FigureRow[], kind: 'total' | 'cumulative', keys: readonly K[]) {
  const row = rows.find((r) => r.kind === kind);
  const out = {} as Record<K, number>;
  for (const k of keys) {
    out[k] = row ? (num(row.values[k]) ?? 0) : items(rows).reduce<number>((n, r) => n + (num(r.values[k]) ?? 0), 0);
  }
  return out;
}

export function progressOfRows(rows: readonly FigureRow[]): Record<string, ProgressLine> {
  const out: Record<string, ProgressLine> = {};
  for (const r of rows) {
    const code = str(r.values.rowCode);
    if (!code || out[code]) continue;
    const values = {} as Record<EnteredColumn, number | null>;
    for (const c of ENTERED_COLUMNS) values[c] = num(r.values[c]);
    out[code] = { name: str(r.values.name)?.trim() ?? code, values, note: str(r.values.note) };
  }
  return out;
}

/** 期次 as written (`3期`), else counted from the session rows. */
function sessionsOf(row: FigureRow | undefined, fallback: number): number {
  const m = row ? /(\d+)/.exec(String(row.values.batch ?? '')) : null;
  return m ? Number(m[1]) : fallback;
}

function trainingOf(rows: readonly FigureRow[], kind: 'total' | 'cumulative'): TrainingTotals {
  const row = rows.find((r) => r.kind === kind);
  const body = items(rows);
  const hours = row
    ? num(row.values.hours)
    : body.reduce<number | null>((n, r) => sumNullable(n, r.values.hours), null);
  return {
    sessions: sessionsOf(row, body.length),
    hours,
    ...totalOf(rows, kind, TRAINING_KEYS),
  };
}

const sumNullable = (a: number | null, v: CellValue | undefined) => (typeof v === 'number' ? (a ?? 0) + v : a);

/** `done/all` of 履约节点. */
function nodesOf(v: CellValue | undefined): [number, number] {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(v ?? ''));
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

function contractsOf(rows: readonly FigureRow[]): ContractTotals {
  const row = rows.find((r) => r.kind === 'total');
  const body = items(rows);
  const sums = totalOf(rows, 'total', ['amount', 'paid', 'unpaid', 'overdue'] as const);
  const [nodesDone, nodeCount] = row
    ? nodesOf(row.values.nodes)
    : body.map((r) => nodesOf(r.values.nodes)).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
  return { contracts: body.length, ...sums, nodesDone, nodeCount };
}

function textsOf(figures: MonthlyFigures): Record<MonthlyTextKey, string | null> {
  return Object.fromEntries(MONTHLY_BLOCKS.map(([k]) => [k, figures.texts[k] ?? null])) as Record<
    MonthlyTextKey,
    string | null
  >;
}

/** A county's R2 (its recorded figures, or figures read back from its workbook) as a summary. */
export function summaryOfCounty(figures: MonthlyFigures, unit: SummaryUnit): UnitSummary {
  const s = figures.sheets;
  const texts = textsOf(figures);
  const overdue: OverdueMilestone[] = s.milestones
    .filter((r) => str(r.values.status) === OVERDUE_STATUS)
    .map((r) => ({
      unitCode: unit.code,
      unitName: unit.name,
      viaName: null,
      seq: num(r.values.seq),
      point: str(r.values.point),
      title: str(r.values.title) ?? '',
      deadline: str(r.values.deadline),
      completedDate: str(r.values.completedDate),
      progressNote: str(r.values.progressNote),
    }));
  return {
    format: SUMMARY_FORMAT,
    unitCode: unit.code,
    unitName: unit.name,
    level: '县',
    period: figures.period,
    version: unit.version,
    progress: progressOfRows(s.progress),
    staff: totalOf(s.staff, 'total', STAFF_KEYS),
    budget: totalOf(s.budget, 'total', BUDGET_KEYS),
    training: { period: trainingOf(s.training, 'total'), cumulative: trainingOf(s.training, 'cumulative') },
    contracts: contractsOf(s.contracts),
    overdue,
    texts,
    works: Object.values(texts).some((t) => t !== null)
      ? [{ unitCode: unit.code, unitName: unit.name, viaName: null, ...texts }]
      : [],
  };
}
