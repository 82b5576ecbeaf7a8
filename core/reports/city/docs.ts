// The consolidated report as sheets: the frame of each (title, 填报单位 line naming the units that
// have not reported, footer) and its rows in the sheet's units. A pure function of figures + frame,
// like the county's monthlyDocs, so a recorded version rebuilds byte for byte.
import type { FilledFrame, MoneyUnit, TableDoc } from '../doc';
import { docRows } from '../figures';
import { markedTitle, type MonthlySheetKey, MONTHLY_SHEETS, type SubmissionStatus } from '../monthly';
import type { SheetLayout } from '../layout';
import { CITY_LAYOUTS, CITY_SHEET_KEYS, type CitySheetKey } from './layouts';
import type { CityFigures } from './consolidate';
import type { UnitRef } from './summary';

export interface CitySheet {
  layout: SheetLayout;
  /** What the sheet's title says after the office and census name. */
  title: string;
  /** 单位 in row 2; 'money' follows the office's money unit. */
  unit: string | 'money' | null;
  officeMoneyUnit: boolean;
  /** Whose 表号 setting the sheet prints (R2's per sheet); the two added sheets print none. */
  tableNoOf: MonthlySheetKey | null;
}

const county = (key: MonthlySheetKey, layout: SheetLayout): CitySheet => ({
  ...MONTHLY_SHEETS[key],
  layout,
  tableNoOf: key,
});

export const CITY_SHEETS: Record<CitySheetKey, CitySheet> = {
  milestones: county('milestones', CITY_LAYOUTS.milestones),
  progress: county('progress', CITY_LAYOUTS.progress),
  staff: county('staff', CITY_LAYOUTS.staff),
  budget: county('budget', CITY_LAYOUTS.budget),
  training: { ...county('training', CITY_LAYOUTS.training), unit: null },
  contracts: county('contracts', CITY_LAYOUTS.contracts),
  works: { layout: CITY_LAYOUTS.works, title: '各单位工作情况', unit: null, officeMoneyUnit: false, tableNoOf: null },
  units: { layout: CITY_LAYOUTS.units, title: '汇总单位及版本', unit: null, officeMoneyUnit: false, tableNoOf: null },
};

/** Everything around the figures, filled at export time and recorded with them. */
export interface CityFrame {
  moneyUnit: MoneyUnit;
  totalRowPosition: 'top' | 'bottom';
  sheets: Record<CitySheetKey, FilledFrame>;
}

/** What the title block says of the units without a report: 「未报：营山县、仪陇县」 ('' when none). */
export const missingText = (missing: readonly UnitRef[]): string =>
  missing.length ? `未报：${missing.map((u) => u.name).join('、')}` : '';

/** Row 2's centre: the period, and under it the units that have not reported. */
export const centreText = (periodText: string, missing: readonly UnitRef[]): string =>
  missing.length ? `${periodText}\n${missingText(missing)}` : periodText;

export function cityDocs(figures: CityFigures, frame: CityFrame, status: SubmissionStatus = 'official'): TableDoc[] {
  return CITY_SHEET_KEYS.map((key) => {
    const sheet = CITY_SHEETS[key];
    const unit: MoneyUnit = sheet.officeMoneyUnit ? frame.moneyUnit : '元';
    return {
      ...frame.sheets[key],
      title: markedTitle(frame.sheets[key].title, status),
      layout: sheet.layout,
      blocks: [],
      moneyUnit: unit,
      rows: docRows(sheet.layout, figures.sheets[key], unit, frame.totalRowPosition),
    };
  });
}
