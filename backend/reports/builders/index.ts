// An export job from start to file: read, lay out, write, stamp, hash. Runs in the export worker
// (or in-process for an in-memory store); nothing here writes to the store.
import type { Database } from 'better-sqlite3';
import { LAYOUT_VERSION } from '../../../core/reports/layout';
import { reportName, SENT_REPORT_ID, type ReportId } from '../../../core/reports/catalogue';
import type { MonthlyFigures, MonthlyFrame } from '../../../core/reports/monthly';
import type { OfficeInfo } from '../../../core/reports/texts';
import { writeWorkbook, APP_NAME, type WorkbookMeta } from '../writer/workbook';
import type { BuildJob, ExportFile, MonthlyRecord, ProgressFn, RebuildJob, Submission } from '../types';
import { sheetDigests, sheetDigestsValue, submissionDigest } from '../digest';
import { sha256 } from '../hash';
import { buildEnv } from './env';
import { monthlyPlan, plan, type Planned } from './plans';
import pkg from '../../../package.json' with { type: 'json' };
import { officeLevel, type OfficeLevel } from '../city/level';
import { cityPlanOf } from '../city/plan';
import type { CityFigures } from '../../../core/reports/city/consolidate';
import type { CityFrame } from '../../../core/reports/city/docs';

export { canonicalJson, sha256 } from '../hash';

/** The meta of every report but R2. */
function metaOf(
  reportId: ReportId,
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
    reportName: reportName(reportId),
    period: period ?? '',
    layoutVersion: String(LAYOUT_VERSION),
    generatedAt: at,
    ...extra,
  };
}

/** The city: the profile's 4-digit code, else the county code's first four digits. */
const cityCodeOf = (office: Pick<OfficeInfo, 'countyCode' | 'cityCode'>) =>
  office.cityCode || office.countyCode.slice(0, 4);

/**
 * The R2 meta sheet, the contract 核对 reads (docs/reports.md): the keys in this order, every value a
 * string, '' where a draft has none; the digest over county code, period, version and every figure,
 * and one digest per sheet so 核对 can name an edited sheet (optional for readers: older files lack it).
 */
export function submissionMeta(
  office: Pick<OfficeInfo, 'countyName' | 'countyCode' | 'cityCode'>,
  figures: MonthlyFigures,
  frame: MonthlyFrame,
  submission: Submission,
  at: string,
  level: OfficeLevel = '县',
): { meta: WorkbookMeta; digest: string } {
  const official = submission.status === 'official';
  const version = official ? submission.version : null;
  const input = { countyCode: office.countyCode, period: figures.period, version, figures };
  const digest = submissionDigest(input);
  const meta: WorkbookMeta = {
    app: APP_NAME,
    appVersion: pkg.version,
    layoutVersion: String(LAYOUT_VERSION),
    // A consolidated report (市/省) says so; a province has no city code (docs/reports.md).
    level,
    countyCode: office.countyCode,
    countyName: office.countyName,
    cityCode: level === '省' ? '' : cityCodeOf(office),
    reportId: SENT_REPORT_ID,
    reportName: reportName(SENT_REPORT_ID),
    period: figures.period,
    status: submission.status,
    version: version === null ? '' : String(version),
    exportId: official ? (submission.exportUid ?? '') : '',
    correctionReason: official && (version ?? 0) >= 2 ? (submission.correctionReason ?? '') : '',
    generatedAt: at,
    moneyUnit: frame.moneyUnit,
    digest,
    sheetDigests: sheetDigestsValue(sheetDigests(input)),
  };
  return { meta, digest };
}

const DRAFT: Submission = { status: 'draft', version: null, exportUid: null, correctionReason: null };

async function finish(
  planned: Planned,
  meta: WorkbookMeta,
  at: Date,
  progress: ProgressFn,
  monthly: MonthlyRecord | null = null,
): Promise<ExportFile> {
  const bytes = await writeWorkbook(planned.sheets, meta, at, (n) => progress(n, planned.total));
  progress(planned.total, planned.total);
  return { fileName: planned.fileName, bytes, sha256: sha256(bytes), monthly };
}

export async function buildFile(db: Database, job: BuildJob, progress: ProgressFn): Promise<ExportFile> {
  const env = buildEnv(db, job, progress);
  progress(0, 0);
  const planned = await plan(env);
  if (planned.monthly) {
    const { figures, frame } = planned.monthly;
    const submission = job.params.submission ?? DRAFT;
    const level = officeLevel(db);
    const { meta, digest } = submissionMeta(job.office, figures, frame, submission, job.exportedAt, level);
    return finish(planned, meta, env.exportedAt, progress, { figures, frame, meta, digest });
  }
  return finish(
    planned,
    metaOf(job.params.reportId, job.office, planned.period, job.exportedAt, {}),
    env.exportedAt,
    progress,
  );
}

/** A recorded monthly report from its recorded figures, frame and meta: the same bytes as then. */
export async function rebuildFile(job: RebuildJob, progress: ProgressFn): Promise<ExportFile> {
  const { figures, frame, meta } = job;
  const consolidated = meta.level === '市' || meta.level === '省';
  const planned: Planned = {
    ...(consolidated
      ? cityPlanOf(figures as CityFigures, frame as CityFrame, meta.countyName ?? '', job.version)
      : monthlyPlan(SENT_REPORT_ID, figures, frame, meta.countyName ?? '', job.version)),
    fileName: job.fileName,
    monthly: { figures, frame },
  };
  return finish(planned, meta, new Date(job.exportedAt), progress, { figures, frame, meta, digest: meta.digest ?? '' });
}
