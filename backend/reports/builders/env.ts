// What every report builder gets: the read context, the job's parameters and the frame helpers.
import type { Database } from 'better-sqlite3';
import { todayIso, formatDateCn } from '../../../core/dates';
import {
  fillFrame,
  type FilledFrame,
  type OfficeInfo,
  type RecordValues,
  type ReportText,
} from '../../../core/reports/texts';
import type { ReportTexts } from '../../../core/schemas/system';
import type { ReportId } from '../../../core/reports/catalogue';
import type { HandlerCtx } from '../../context';
import { readCtx } from '../read';
import type { BuildJob, ExportParams, ProgressFn } from '../types';

export interface BuildEnv {
  ctx: HandlerCtx;
  params: ExportParams;
  office: OfficeInfo;
  texts: ReportTexts;
  exportedAt: Date;
  /** The export's calendar day on this machine: 报出日期. */
  exportDay: string;
  /**
   * The day a report without a period describes: the asOf parameter, else the export day (R1, R3,
   * R4, R5; R2 is always as of its period's end, whatever the day it is exported).
   */
  asOfDay: string;
  progress: ProgressFn;
}

export function buildEnv(db: Database, job: BuildJob, progress: ProgressFn): BuildEnv {
  const exportedAt = new Date(job.exportedAt);
  return {
    ctx: readCtx(db, exportedAt, job.operator),
    params: job.params,
    office: job.office,
    texts: job.texts,
    exportedAt,
    exportDay: todayIso(exportedAt),
    asOfDay: job.params.asOf ?? todayIso(exportedAt),
    progress,
  };
}

/** A report's frame filled for this export; `record` fills a per-record form's own placeholders. */
export function frameOf(
  env: BuildEnv,
  report: ReportId,
  periodText: string,
  unitText: string | null,
  title?: string,
  record?: RecordValues,
): FilledFrame {
  const text: ReportText = env.texts[report];
  return fillFrame(text, env.office, { periodText, exportDay: env.exportDay, unitText, title, record });
}

/** For reports without a period: the day they describe. */
export const asOf = (env: BuildEnv) => `截至${formatDateCn(env.asOfDay)}`;
