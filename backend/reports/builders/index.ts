// An export job from start to file: read, lay out, write, stamp, hash. Runs in the export worker
// (or in-process for an in-memory store); nothing here writes to the store.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { LAYOUT_VERSION } from '../../../core/reports/layout';
import { reportName, SENT_REPORT_ID, type ReportId } from '../../../core/reports/catalogue';
import { writeWorkbook, APP_NAME, type WorkbookMeta } from '../writer/workbook';
import type { BuildJob, ExportFile, ProgressFn, RebuildJob } from '../types';
import { buildEnv } from './env';
import { monthlyPlan, plan, type Planned } from './plans';
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
    ...monthlyPlan(SENT_REPORT_ID, job.figures, job.frame, job.office.countyName),
    fileName: job.fileName,
    monthly: { figures: job.figures, frame: job.frame },
  };
  const extra = { moneyUnit: job.frame.moneyUnit, figuresHash: sha256(Buffer.from(canonicalJson(job.figures))) };
  return finish(
    planned,
    metaOf(SENT_REPORT_ID, job.office, job.figures.period, job.exportedAt, extra),
    new Date(job.exportedAt),
    progress,
  );
}
