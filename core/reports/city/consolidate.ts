// The consolidated report's figures from the units' summaries: per sheet one row per included unit
// and a 合计 that is their sum (rates recomputed from the sums), 进度调度表 one block per row code,
// every county's overdue milestones and text blocks, and the list of units with their versions.
// A unit without a report is named, never counted as zero.
import { labelled, completeRows, type FigureRow } from '../figures';
import { percent } from '../../money';
import { DEFAULT_PROGRESS_CATEGORIES, displayName, sumFigures, withRates, type Figures } from '../../progressRules';
import { MONTHLY_BLOCKS, type MonthlyTextKey } from '../monthly';
import {
  CITY_BUDGET,
  CITY_CONTRACTS,
  CITY_LAYOUTS,
  CITY_SHEET_KEYS,
  CITY_STAFF,
  CITY_TRAINING,
  type CitySheetKey,
} from './layouts';
import {
  BUDGET_KEYS,
  CONTRACT_KEYS,
  STAFF_KEYS,
  TRAINING_KEYS,
  type IncludedUnit,
  type TrainingTotals,
  type UnitRef,
  type UnitSummary,
} from './summary';

/** The consolidated report's figures: R2's six sheets (another shape) plus 工作情况 and 汇总单位. */
export interface CityFigures {
  period: string;
  sheets: Record<CitySheetKey, FigureRow[]>;
  /** A consolidation has no text of its own: each county's are on 工作情况. Always null. */
  texts: Record<MonthlyTextKey, string | null>;
}

/** One unit of the office: its filed report's summary (null: not received) and how it was filed. */
export interface ConsolidationUnit {
  unit: UnitRef;
  summary: UnitSummary | null;
  /** received_reports.received_at / generated_at of the version included. */
  receivedAt?: string | null;
  generatedAt?: string | null;
  /** Said on 汇总单位: accepted with a note despite its digest, a correction's reason… */
  note?: string | null;
}

export interface ConsolidationOffice extends UnitRef {
  totalRowPosition: 'top' | 'bottom';
}

export interface Consolidation {
  figures: CityFigures;
  included: IncludedUnit[];
  missing: UnitRef[];
}

const place = (position: 'top' | 'bottom', totals: FigureRow[], body: FigureRow[]) =>
  position === 'top' ? [...totals, ...body] : [...body, ...totals];

const unitCells = (u: UnitRef) => ({ unit: u.name, unitCode: u.code });

/** A county under a city keeps its own name; in a province's report it is 南充市·蓬安县. */
export const placeName = (unitName: string, viaName: string | null) => (viaName ? `${viaName}·${unitName}` : unitName);

function sumRecord<K extends string>(list: readonly Record<K, number>[], keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = list.reduce<number>((n, r) => n + (r[k] ?? 0), 0);
  return out;
}

const roundHours = (h: number) => Math.round(h * 100) / 100;

function sumTraining(list: readonly TrainingTotals[]): TrainingTotals {
  const hours = list.reduce<number | null>((n, t) => (t.hours === null ? n : (n ?? 0) + t.hours), null);
  return {
    sessions: list.reduce((n, t) => n + t.sessions, 0),
    hours: hours === null ? null : roundHours(hours),
    ...sumRecord(list, TRAINING_KEYS),
  };
}

const trainingValues = (t: TrainingTotals): FigureRow['values'] => ({
  ...t,
  passRate: percent(t.passed, t.examined, 1),
});

const budgetValues = (b: Record<(typeof BUDGET_KEYS)[number], number>): FigureRow['values'] => ({
  ...b,
  rate: percent(b.spent, b.budget, 1),
});

function progressRows(units: readonly [UnitRef, UnitSummary][]): FigureRow[] {
  const codes = [...new Set(units.flatMap(([, s]) => Object.keys(s.progress)))].sort();
  const defaults = new Map(DEFAULT_PROGRESS_CATEGORIES.map((c) => [c.rowCode, c]));
  return codes.flatMap((code) => {
    const def = defaults.get(code);
    const having = units.filter(([, s]) => s.progress[code]);
    const name = def ? displayName(def, DEFAULT_PROGRESS_CATEGORIES) : having[0][1].progress[code].name;
    const total = withRates(sumFigures(having.map(([, s]) => s.progress[code].values)));
    const rows: FigureRow[] = [{ kind: 'total', values: { rowCode: code, name, unit: '合计', ...total, note: null } }];
    for (const [u, s] of having) {
      const line = s.progress[code];
      const values: Figures = line.values;
      rows.push({
        kind: 'item',
        values: { rowCode: code, name: null, unit: u.name, ...withRates(values), note: line.note },
      });
    }
    return rows;
  });
}

function unitsRows(units: readonly ConsolidationUnit[]): FigureRow[] {
  return units.map((u, i) => ({
    kind: 'item',
    values: {
      seq: i + 1,
      ...unitCells(u.unit),
      state: u.summary ? '已报' : '未报',
      version: u.summary?.version ?? null,
      generatedAt: u.summary ? (u.generatedAt ?? null) : null,
      receivedAt: u.summary ? (u.receivedAt ?? null) : null,
      note: u.note ?? null,
    },
  }));
}

/**
 * The consolidated figures of `office` for `period`. `units` are every unit of the office in the
 * order it lists them; those with a summary are included, the others named as missing.
 */
export function consolidate(
  period: string,
  office: ConsolidationOffice,
  units: readonly ConsolidationUnit[],
): Consolidation {
  const pos = office.totalRowPosition;
  const inc = units.filter((u) => u.summary).map((u) => [u.unit, u.summary!] as [UnitRef, UnitSummary]);
  const missing = units.filter((u) => !u.summary).map((u) => u.unit);
  const included = inc.map(([u, s]) => ({ ...u, version: s.version }));

  const staffRows = inc.map(([u, s]): FigureRow => ({ kind: 'item', values: { ...unitCells(u), ...s.staff } }));
  const staffTotal = labelled(
    CITY_STAFF,
    'total',
    '合计',
    sumRecord(
      inc.map(([, s]) => s.staff),
      STAFF_KEYS,
    ),
  );

  const budgetRows = inc.map(([u, s]): FigureRow => ({
    kind: 'item',
    values: { ...unitCells(u), ...budgetValues(s.budget) },
  }));
  const budgetTotal = labelled(
    CITY_BUDGET,
    'total',
    '合计',
    budgetValues(
      sumRecord(
        inc.map(([, s]) => s.budget),
        BUDGET_KEYS,
      ),
    ),
  );

  const trainingRows = inc.map(([u, s]): FigureRow => ({
    kind: 'item',
    values: { ...unitCells(u), ...trainingValues(s.training.period) },
  }));
  const trainingTotals = [
    labelled(CITY_TRAINING, 'total', '合计', trainingValues(sumTraining(inc.map(([, s]) => s.training.period)))),
    labelled(
      CITY_TRAINING,
      'cumulative',
      '累计（截至本期末）',
      trainingValues(sumTraining(inc.map(([, s]) => s.training.cumulative))),
    ),
  ];

  const contractRows = inc.map(([u, s]): FigureRow => ({ kind: 'item', values: { ...unitCells(u), ...s.contracts } }));
  const contractTotal = labelled(CITY_CONTRACTS, 'total', '合计', {
    contracts: inc.reduce((n, [, s]) => n + s.contracts.contracts, 0),
    ...sumRecord(
      inc.map(([, s]) => s.contracts),
      CONTRACT_KEYS,
    ),
  });

  // Milestones and texts of a county keep its name; reaching a province through a city, they say which.
  const via = (u: UnitRef, code: string, viaName: string | null) => viaName ?? (code === u.code ? null : u.name);
  const milestones = inc.flatMap(([u, s]) =>
    (s.overdue ?? []).map((m) => ({
      unitCode: m.unitCode,
      unit: placeName(m.unitName, via(u, m.unitCode, m.viaName)),
      point: m.point,
      title: m.title,
      deadline: m.deadline,
      progressNote: m.progressNote,
    })),
  );
  const works = inc.flatMap(([u, s]) =>
    (s.works ?? []).map((w) => ({
      unitCode: w.unitCode,
      unit: placeName(w.unitName, via(u, w.unitCode, w.viaName)),
      ...Object.fromEntries(MONTHLY_BLOCKS.map(([k]) => [k, w[k]])),
    })),
  );

  const sheets: CityFigures['sheets'] = {
    milestones: milestones.map((m, i) => ({ kind: 'item', values: { seq: i + 1, ...m } })),
    progress: progressRows(inc),
    staff: place(pos, [staffTotal], staffRows),
    budget: place(pos, [budgetTotal], budgetRows),
    training: place(pos, trainingTotals, trainingRows),
    contracts: place(pos, [contractTotal], contractRows),
    works: works.map((w, i) => ({ kind: 'item', values: { seq: i + 1, ...w } })),
    units: unitsRows(units),
  };
  for (const key of CITY_SHEET_KEYS) sheets[key] = completeRows(CITY_LAYOUTS[key], sheets[key]);
  const texts = Object.fromEntries(MONTHLY_BLOCKS.map(([k]) => [k, null])) as CityFigures['texts'];
  return { figures: { period, sheets, texts }, included, missing };
}
