// Reading a monthly report workbook (R2) back: each of the six sheets by its layout, the text
// blocks under 工作进度, and a list of the cells that could not be read.
import {
  MONTHLY_BLOCKS,
  MONTHLY_SHEET_KEYS,
  MONTHLY_SHEETS,
  NOTHING,
  type MonthlyFigures,
  type MonthlySheetKey,
  type MonthlyTextKey,
} from './monthly';
import { readTable, type Grid, type ReadProblem, type TableRead } from './readTable';
import type { MoneyUnit } from './doc';
import type { FigureRow } from './figures';

export interface MonthlyRead {
  figures: MonthlyFigures;
  problems: ReadProblem[];
  /** Each sheet as read (where every row and column sat), null when the sheet is missing. */
  reads: Record<MonthlySheetKey, TableRead | null>;
  /** The money unit each sheet was read in. */
  units: Record<MonthlySheetKey, MoneyUnit>;
}

/** The money unit a sheet states in row 2 (`单位：万元`), for workbooks without meta. */
export function unitStated(grid: Grid): MoneyUnit | null {
  for (const row of grid.slice(0, 4)) {
    for (const v of row) if (typeof v === 'string' && /单位：万元/.test(v)) return '万元';
  }
  return null;
}

export function readMonthly(grids: Record<string, Grid>, period: string, moneyUnit: MoneyUnit | null): MonthlyRead {
  const problems: ReadProblem[] = [];
  const sheets = {} as Record<MonthlySheetKey, FigureRow[]>;
  const reads = {} as Record<MonthlySheetKey, TableRead | null>;
  const units = {} as Record<MonthlySheetKey, MoneyUnit>;
  const texts = Object.fromEntries(MONTHLY_BLOCKS.map(([k]) => [k, null])) as Record<MonthlyTextKey, string | null>;
  for (const key of MONTHLY_SHEET_KEYS) {
    const { layout, officeMoneyUnit } = MONTHLY_SHEETS[key];
    const grid = grids[layout.sheetName];
    if (!grid) {
      problems.push({ sheet: layout.sheetName, cell: '', message: `缺少“${layout.sheetName}”工作表` });
      sheets[key] = [];
      reads[key] = null;
      units[key] = officeMoneyUnit ? (moneyUnit ?? '元') : '元';
      continue;
    }
    const unit: MoneyUnit = officeMoneyUnit ? (moneyUnit ?? unitStated(grid) ?? '元') : '元';
    units[key] = unit;
    const labels = key === 'milestones' ? MONTHLY_BLOCKS.map(([, label]) => label) : [];
    const read = readTable(layout.sheetName, layout, grid, unit, labels);
    sheets[key] = read.rows;
    reads[key] = read;
    problems.push(...read.problems);
    for (const [k, label] of MONTHLY_BLOCKS) {
      const text = read.blocks[label];
      if (text !== undefined) texts[k] = text === NOTHING ? null : text;
    }
  }
  return { figures: { period, sheets, texts }, problems, reads, units };
}
