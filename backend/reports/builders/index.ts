// An export job from start to file: read, lay out, write, stamp, hash. Runs in the export worker
// (or in-process for an in-memory store); nothing here writes to the store.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { LAYOUT_VERSION } from '../../../core/reports/layout';
import { monthlyDocs, type MonthlyFigures, type MonthlyFrame } from '../../../core/reports/monthly';
import { dayLabel, periodLabel } from '../../../core/reports/period';
import type { TableDoc } from '../../../core/reports/doc';
import { reportFileName } from '../../../core/reports/fileName';
import { EXPORT_REPORT_NAMES, type ExportReportId } from '../../../core/schemas/reports';
import { writeWorkbook, APP_NAME, type SheetSpec, type WorkbookMeta } from '../writer/workbook';
import type { BuildJob, ExportFile, ProgressFn, RebuildJob } from '../types';
import { buildEnv, type BuildEnv } from './env';
import { buildRoster } from './roster';
import { monthlyFigures, monthlyFrame } from './monthly';
import { budgetDoc, contractsDoc, trainingDoc } from './tables';
import { payRunDoc, signInDoc, trackingDoc } from './sheets';
import pkg from '../../../package.json' with { type: 'json' };

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Figures as canonical JSON (keys sorted), so a hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

interface Planned {
  fileName: string;
  sheets: SheetSpec[];
  period: string | null;
  total: number;
  monthly: ExportFile['monthly'];
}

async function plan(env: BuildEnv): Promise<Planned> {
  const { params, office } = env;
  const name = EXPORT_REPORT_NAMES[params.reportId];
  const day = dayLabel(env.exportDay);
  const one = (doc: TableDoc, fileName: string, period: string | null = null): Planned => ({
    fileName,
    sheets: [asSheet(doc)],
    period,
    total: doc.rows.length,
    monthly: null,
  });
  switch (params.reportId) {
    case 'R1': {
      const roster = buildRoster(env);
      return {
        fileName: reportFileName(office.countyName, name, day),
        sheets: [{ type: 'table', frame: roster.frame, rows: roster.rows }],
        period: null,
        total: roster.count,
        monthly: null,
      };
    }
    case 'R2': {
      const period = params.period!;
      const figures = await monthlyFigures(env, period);
      const frame = monthlyFrame(env, period);
      return { ...monthlyPlan(figures, frame, office.countyName), monthly: { figures, frame } };
    }
    case 'R3':
      return one(await budgetDoc(env), reportFileName(office.countyName, name, day));
    case 'R4':
      return one(
        await trainingDoc(env),
        reportFileName(office.countyName, name, params.period ? periodLabel(params.period) : day),
        params.period,
      );
    case 'R5':
      return one(await contractsDoc(env), reportFileName(office.countyName, name, day));
    case 'R4-signin': {
      const { doc, name: session } = await signInDoc(env, params.sessionId!);
      return one(doc, reportFileName(office.countyName, name, session));
    }
    case 'R5-tracking': {
      const { doc, contractNo } = await trackingDoc(env, params.contractId!);
      return {
        fileName: reportFileName(office.countyName, name, contractNo),
        sheets: [{ type: 'tracking', doc }],
        period: null,
        total: doc.nodes.length,
        monthly: null,
      };
    }
    case 'R6': {
      const { doc, title, period } = await payRunDoc(env, params.payRunId!);
      return one(doc, reportFileName(office.countyName, name, title, periodLabel(period)), period);
    }
  }
}

function asSheet(doc: TableDoc): SheetSpec {
  return { type: 'table', frame: doc, rows: doc.rows };
}

function monthlyPlan(figures: MonthlyFigures, frame: MonthlyFrame, countyName: string) {
  const docs = monthlyDocs(figures, frame);
  return {
    fileName: reportFileName(countyName, EXPORT_REPORT_NAMES.R2, periodLabel(figures.period)),
    sheets: docs.map(asSheet),
    period: figures.period,
    total: docs.reduce((n, d) => n + d.rows.length, 0),
  };
}

function metaOf(
  reportId: ExportReportId,
  county: { countyName: string; countyCode: string },
  period: string | null,
  at: string,
  extra: WorkbookMeta,
): WorkbookMeta {
  return {
    app: APP_NAME,
    appVersion: pkg.version,
    countyCode: county.countyCode,
    countyName: county.countyName,
    reportId,
    reportName: EXPORT_REPORT_NAMES[reportId],
    period: period ?? '',
    layoutVersion: String(LAYOUT_VERSION),
    generatedAt: at,
    ...extra,
  };
}

async function finish(planned: Planned, meta: WorkbookMeta, at: Date, progress: ProgressFn): Promise<ExportFile> {
  const bytes = await writeWorkbook(planned.sheets, meta, at, (n) => progress(n, planned.total));
  progress(planned.total, planned.total);
  return { fileName: planned.fileName, bytes, sha256: sha256(bytes), monthly: planned.monthly };
}

export async function buildFile(db: Database, job: BuildJob, progress: ProgressFn): Promise<ExportFile> {
  const env = buildEnv(db, job, progress);
  progress(0, 0);
  const planned = await plan(env);
  const extra: WorkbookMeta = planned.monthly
    ? {
        moneyUnit: planned.monthly.frame.moneyUnit,
        figuresHash: sha256(Buffer.from(canonicalJson(planned.monthly.figures))),
      }
    : {};
  return finish(
    planned,
    metaOf(job.params.reportId, job.office, planned.period, job.exportedAt, extra),
    env.exportedAt,
    progress,
  );
}

/** A recorded monthly report from its recorded figures and frame: the same bytes as then. */
export async function rebuildFile(job: RebuildJob, progress: ProgressFn): Promise<ExportFile> {
  const planned: Planned = {
    ...monthlyPlan(job.figures, job.frame, job.office.countyName),
    fileName: job.fileName,
    monthly: { figures: job.figures, frame: job.frame },
  };
  const extra = { moneyUnit: job.frame.moneyUnit, figuresHash: sha256(Buffer.from(canonicalJson(job.figures))) };
  return finish(
    planned,
    metaOf('R2', job.office, job.figures.period, job.exportedAt, extra),
    new Date(job.exportedAt),
    progress,
  );
}
