// Each report's builder, keyed by its catalogue id: what it reads and how its file is named. A
// catalogue entry without a builder here is a compile error (the map is total over ReportId).
import type { ReportId } from '../../../core/reports/catalogue';
import { reportName } from '../../../core/reports/catalogue';
import { monthlyDocs, type MonthlyFigures, type MonthlyFrame } from '../../../core/reports/monthly';
import type { Submission } from '../types';
import { dayLabel, periodLabel } from '../../../core/reports/period';
import type { TableDoc } from '../../../core/reports/doc';
import { reportFileName, submissionFileName } from '../../../core/reports/fileName';
import type { SheetSpec } from '../writer/workbook';
import type { MonthlyRecord } from '../types';
import type { BuildEnv } from './env';
import { buildRoster } from './roster';
import { monthlyFigures, monthlyFrame } from './monthly';
import { budgetDoc, contractsDoc, trainingDoc } from './tables';
import { payRunDoc, signInDoc, trackingDoc } from './sheets';
import { officeLevel } from '../city/level';
import { cityPlan } from '../city/plan';

/** A file about to be written: its name, sheets and row count (for progress). */
export interface Planned {
  fileName: string;
  sheets: SheetSpec[];
  period: string | null;
  total: number;
  /** Set for a report recorded as sent: what is recorded (and rebuilt from later), but its meta. */
  monthly: Pick<MonthlyRecord, 'figures' | 'frame'> | null;
}

export const asSheet = (doc: TableDoc): SheetSpec => ({ type: 'table', frame: doc, rows: doc.rows });

const one = (doc: TableDoc, fileName: string, period: string | null = null): Planned => ({
  fileName,
  sheets: [asSheet(doc)],
  period,
  total: doc.rows.length,
  monthly: null,
});

/**
 * The monthly report's workbook as a pure function of its figures, frame and version (null: a
 * draft, whose every title says 「草稿」 and whose name ends in _草稿).
 */
export function monthlyPlan(
  reportId: ReportId,
  figures: MonthlyFigures,
  frame: MonthlyFrame,
  countyName: string,
  version: number | null,
) {
  const docs = monthlyDocs(figures, frame, version === null ? 'draft' : 'official');
  return {
    fileName: submissionFileName(countyName, reportName(reportId), periodLabel(figures.period), version),
    sheets: docs.map(asSheet),
    period: figures.period,
    total: docs.reduce((n, d) => n + d.rows.length, 0),
  };
}

type Builder = (env: BuildEnv, name: string, day: string) => Promise<Planned>;

export const BUILDERS: Record<ReportId, Builder> = {
  R1: async (env, name, day) => {
    const roster = buildRoster(env);
    return {
      fileName: reportFileName(env.office.countyName, name, day),
      sheets: [{ type: 'table', frame: roster.frame, rows: roster.rows }],
      period: null,
      total: roster.count,
      monthly: null,
    };
  },
  R2: async (env) => {
    // A city or province office's R2 is the consolidation of the reports it received.
    if (officeLevel(env.ctx.db) !== '县') return cityPlan(env);
    const period = env.params.period!;
    const figures = await monthlyFigures(env, period);
    const frame = monthlyFrame(env, period);
    const s: Submission | undefined = env.params.submission;
    const version = s?.status === 'official' ? s.version : null;
    return {
      ...monthlyPlan(env.params.reportId, figures, frame, env.office.countyName, version),
      monthly: { figures, frame },
    };
  },
  R3: async (env, name, day) => one(await budgetDoc(env), reportFileName(env.office.countyName, name, day)),
  R4: async (env, name, day) => {
    const { period } = env.params;
    return one(
      await trainingDoc(env),
      reportFileName(env.office.countyName, name, period ? periodLabel(period) : day),
      period,
    );
  },
  'R4-signin': async (env, name) => {
    const { doc, name: session } = await signInDoc(env, env.params.sessionId!);
    return one(doc, reportFileName(env.office.countyName, name, session));
  },
  R5: async (env, name, day) => one(await contractsDoc(env), reportFileName(env.office.countyName, name, day)),
  'R5-tracking': async (env, name) => {
    const { doc, contractNo } = await trackingDoc(env, env.params.contractId!);
    return {
      fileName: reportFileName(env.office.countyName, name, contractNo),
      sheets: [{ type: 'tracking', doc }],
      period: null,
      total: doc.nodes.length,
      monthly: null,
    };
  },
  R6: async (env, name) => {
    const { doc, title, period } = await payRunDoc(env, env.params.payRunId!);
    return one(doc, reportFileName(env.office.countyName, name, title, periodLabel(period)), period);
  },
};

export function plan(env: BuildEnv): Promise<Planned> {
  const id = env.params.reportId;
  // Named by the day the figures describe (the as-of day, today unless chosen).
  return BUILDERS[id](env, reportName(id), dayLabel(env.asOfDay));
}
