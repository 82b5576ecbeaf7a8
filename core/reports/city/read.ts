// Reading a consolidated report workbook (a city's or a province's R2) back into its figures, sheet
// by sheet by its layouts (columns found by their header text), with the cells that could not be
// read; and the summary a province files for a city's report, from those figures alone.
import type { Grid, ReadProblem, TableRead } from '../readTable';
import { readTable } from '../readTable';
import { unitStated } from '../monthlyRead';
import type { MoneyUnit } from '../doc';
import type { FigureRow } from '../figures';
import { MONTHLY_BLOCKS } from '../monthly';
import { ENTERED_COLUMNS, type EnteredColumn } from '../../progressRules';
import { CITY_SHEET_KEYS, type CitySheetKey } from './layouts';
import { CITY_SHEETS } from './docs';
import type { CityFigures } from './consolidate';
import {
  BUDGET_KEYS,
  CONTRACT_KEYS,
  STAFF_KEYS,
  SUMMARY_FORMAT,
  TRAINING_KEYS,
  num,
  str,
  type ProgressLine,
  type SummaryUnit,
  type TrainingTotals,
  type UnitLevel,
  type UnitSummary,
} from './summary';

export interface CityRead {
  figures: CityFigures;
  problems: ReadProblem[];
  /** Each sheet as read (where every row and column sat), null when the sheet is missing. */
  reads: Record<CitySheetKey, TableRead | null>;
  units: Record<CitySheetKey, MoneyUnit>;
}

export function readConsolidated(grids: Record<string, Grid>, period: string, moneyUnit: MoneyUnit | null): CityRead {
  const problems: ReadProblem[] = [];
  const sheets = {} as Record<CitySheetKey, FigureRow[]>;
  const reads = {} as Record<CitySheetKey, TableRead | null>;
  const units = {} as Record<CitySheetKey, MoneyUnit>;
  for (const key of CITY_SHEET_KEYS) {
    const { layout, officeMoneyUnit } = CITY_SHEETS[key];
    const grid = grids[layout.sheetName];
    const unit: MoneyUnit = officeMoneyUnit ? (moneyUnit ?? (grid ? unitStated(grid) : null) ?? '元') : '元';
    units[key] = unit;
    if (!grid) {
      problems.push({ sheet: layout.sheetName, cell: '', message: `缺少“${layout.sheetName}”工作表` });
      sheets[key] = [];
      reads[key] = null;
      continue;
    }
    const read = readTable(layout.sheetName, layout, grid, unit);
    sheets[key] = read.rows;
    reads[key] = read;
    problems.push(...read.problems);
  }
  const texts = Object.fromEntries(MONTHLY_BLOCKS.map(([k]) => [k, null])) as CityFigures['texts'];
  return { figures: { period, sheets, texts }, problems, reads, units };
}

/** `南充市·蓬安县` → the county and the city it came through. */
function splitPlace(text: string): { unitName: string; viaName: string | null } {
  const at = text.indexOf('·');
  return at < 0 ? { unitName: text, viaName: null } : { unitName: text.slice(at + 1), viaName: text.slice(0, at) };
}

const totalRow = (rows: readonly FigureRow[], kind: 'total' | 'cumulative' = 'total') =>
  rows.find((r) => r.kind === kind)?.values ?? {};

function pick<K extends string>(values: FigureRow['values'], keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, num(values[k]) ?? 0])) as Record<K, number>;
}

function trainingOf(values: FigureRow['values']): TrainingTotals {
  return { sessions: num(values.sessions) ?? 0, hours: num(values.hours), ...pick(values, TRAINING_KEYS) };
}

/**
 * A consolidated report (its recorded figures, or figures read back from its workbook) as the
 * summary the next level files: its totals, each county's overdue milestones and texts, and the
 * units it included and missed.
 */
export function summaryOfConsolidated(
  figures: { period: string; sheets: Partial<Record<CitySheetKey, FigureRow[]>> },
  unit: SummaryUnit & { level: Exclude<UnitLevel, '县'> },
): UnitSummary {
  const s = Object.fromEntries(CITY_SHEET_KEYS.map((k) => [k, figures.sheets[k] ?? []])) as CityFigures['sheets'];
  const progress: Record<string, ProgressLine> = {};
  for (const r of s.progress) {
    const code = str(r.values.rowCode);
    if (r.kind !== 'total' || !code || progress[code]) continue;
    const values = Object.fromEntries(ENTERED_COLUMNS.map((c) => [c, num(r.values[c])])) as Record<
      EnteredColumn,
      number | null
    >;
    progress[code] = { name: str(r.values.name)?.trim() ?? code, values, note: null };
  }
  const placed = (r: FigureRow) => ({
    unitCode: str(r.values.unitCode) ?? '',
    ...splitPlace(str(r.values.unit) ?? ''),
  });
  const units = s.units.filter((r) => r.kind === 'item');
  return {
    format: SUMMARY_FORMAT,
    unitCode: unit.code,
    unitName: unit.name,
    level: unit.level,
    period: figures.period,
    version: unit.version,
    progress,
    staff: pick(totalRow(s.staff), STAFF_KEYS),
    budget: pick(totalRow(s.budget), BUDGET_KEYS),
    training: {
      period: trainingOf(totalRow(s.training)),
      cumulative: trainingOf(totalRow(s.training, 'cumulative')),
    },
    contracts: { contracts: num(totalRow(s.contracts).contracts) ?? 0, ...pick(totalRow(s.contracts), CONTRACT_KEYS) },
    overdue: s.milestones
      .filter((r) => r.kind === 'item')
      .map((r) => ({
        ...placed(r),
        seq: null,
        point: str(r.values.point),
        title: str(r.values.title) ?? '',
        deadline: str(r.values.deadline),
        completedDate: null,
        progressNote: str(r.values.progressNote),
      })),
    texts: Object.fromEntries(MONTHLY_BLOCKS.map(([k]) => [k, null])) as UnitSummary['texts'],
    works: s.works
      .filter((r) => r.kind === 'item')
      .map((r) => ({
        ...placed(r),
        ...(Object.fromEntries(MONTHLY_BLOCKS.map(([k]) => [k, str(r.values[k])])) as UnitSummary['texts']),
      })),
    included: units
      .filter((r) => str(r.values.state) === '已报')
      .map((r) => ({
        code: str(r.values.unitCode) ?? '',
        name: str(r.values.unit) ?? '',
        version: num(r.values.version),
      })),
    missing: units
      .filter((r) => str(r.values.state) !== '已报')
      .map((r) => ({ code: str(r.values.unitCode) ?? '', name: str(r.values.unit) ?? '' })),
  };
}
