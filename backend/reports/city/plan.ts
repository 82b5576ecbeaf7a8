// The consolidated report's workbook: a pure function of its figures, frame and version (null: a
// draft), like the county's monthlyPlan, so a recorded version rebuilds byte for byte.
import { cityDocs, type CityFrame } from '../../../core/reports/city/docs';
import type { CityFigures } from '../../../core/reports/city/consolidate';
import { reportName, SENT_REPORT_ID } from '../../../core/reports/catalogue';
import { submissionFileName } from '../../../core/reports/fileName';
import { periodLabel } from '../../../core/reports/period';
import type { SheetSpec } from '../writer/workbook';
import type { BuildEnv } from '../builders/env';
import { cityFigures, cityFrame } from './build';

export function cityPlanOf(figures: CityFigures, frame: CityFrame, officeName: string, version: number | null) {
  const docs = cityDocs(figures, frame, version === null ? 'draft' : 'official');
  return {
    fileName: submissionFileName(officeName, reportName(SENT_REPORT_ID), periodLabel(figures.period), version),
    sheets: docs.map((doc): SheetSpec => ({ type: 'table', frame: doc, rows: doc.rows })),
    period: figures.period,
    total: docs.reduce((n, d) => n + d.rows.length, 0),
  };
}

/** R2 of a 市/省 office for the export's period, from the reports received as they stand now. */
export function cityPlan(env: BuildEnv) {
  const period = env.params.period!;
  const { figures, missing } = cityFigures(env, period);
  const frame = cityFrame(env, period, missing);
  const s = env.params.submission;
  const version = s?.status === 'official' ? s.version : null;
  return { ...cityPlanOf(figures, frame, env.office.countyName, version), monthly: { figures, frame } };
}
