// The monthly report's history (report_exports): the official versions sent — period, version,
// time, operator, the export id and digest the file's meta carries, the correction reason, and
// the figures, frame and meta the file was built from (so it can be rebuilt byte for byte and 核对
// can compare a file with it); and the audit entry of an export that carries sensitive values in
// full. Each write runs in the export's commit phase, inside dispatch's transaction, and writes
// the call's one audit entry. Drafts are not recorded.
import type { HandlerCtx } from '../context';
import { LAYOUT_VERSION } from '../../core/reports/layout';
import type { MonthlyFigures, MonthlyFrame } from '../../core/reports/monthly';
import { SENT_REPORT_ID } from '../../core/reports/catalogue';
import { UserError } from '../../db/errors';
import type { MonthlyRecord } from './types';

export interface RecordedExport {
  id: number;
  period: string;
  version: number;
  exportedAt: string;
  operatorName: string;
  fileName: string;
  fileHash: string;
  figures: MonthlyFigures;
  frame: MonthlyFrame;
  /** The meta as written; null for a version recorded before submission.md §2. */
  meta: Record<string, string> | null;
  exportUid: string | null;
  layoutVersion: number;
}

/** The latest official version of a period, or null while the period has none. */
export interface LastVersion {
  id: number;
  version: number;
  exportedAt: string;
  operatorName: string;
  fileName: string;
  correctionReason: string | null;
  digest: string | null;
  exportUid: string | null;
}

export function lastVersion(ctx: HandlerCtx, period: string): LastVersion | null {
  const row = ctx.db
    .prepare(
      `SELECT id, version, exported_at, operator_name, file_name, correction_reason, digest, export_uid
       FROM report_exports WHERE report_id = ? AND period = ? ORDER BY version DESC LIMIT 1`,
    )
    .get(SENT_REPORT_ID, period) as Record<string, unknown> | undefined;
  if (!row) return null;
  return {
    id: Number(row.id),
    version: Number(row.version),
    exportedAt: String(row.exported_at),
    operatorName: String(row.operator_name),
    fileName: String(row.file_name),
    correctionReason: (row.correction_reason as string | null) ?? null,
    digest: (row.digest as string | null) ?? null,
    exportUid: (row.export_uid as string | null) ?? null,
  };
}

/** Records an official version whose number and export id were decided before the file was built. */
export function recordMonthly(
  ctx: HandlerCtx,
  e: {
    period: string;
    version: number;
    exportUid: string;
    correctionReason: string | null;
    exportedAt: string;
    fileName: string;
    sha256: string;
    monthly: MonthlyRecord;
  },
): { id: number; version: number } {
  const { figures, frame, meta, digest } = e.monthly;
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO report_exports (report_id, period, version, exported_at, operator_id, operator_name, file_name,
           file_hash, figures_json, layout_version, export_uid, correction_reason, digest)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        SENT_REPORT_ID,
        e.period,
        e.version,
        e.exportedAt,
        ctx.operator?.id ?? null,
        ctx.operator?.name ?? '系统',
        e.fileName,
        e.sha256,
        JSON.stringify({ figures, frame, meta }),
        LAYOUT_VERSION,
        e.exportUid,
        e.correctionReason,
        digest,
      ).lastInsertRowid,
  );
  ctx.audit('export', 'reportExport', id, null, {
    reportId: SENT_REPORT_ID,
    period: e.period,
    version: e.version,
    exportUid: e.exportUid,
    correctionReason: e.correctionReason,
    fileName: e.fileName,
    fileHash: e.sha256,
    digest,
  });
  return { id, version: e.version };
}

export function loadExport(ctx: HandlerCtx, id: number): RecordedExport {
  const row = ctx.db.prepare('SELECT * FROM report_exports WHERE id = ?').get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw new UserError('NOT_FOUND', `导出记录不存在（编号 ${id}）`);
  if (row.report_id !== SENT_REPORT_ID)
    throw new UserError('NOT_REEXPORTABLE', '只有工作进度月报的导出记录可以重新导出');
  const recorded = JSON.parse(String(row.figures_json)) as {
    figures: MonthlyFigures;
    frame: MonthlyFrame;
    meta?: Record<string, string>;
  };
  return {
    id,
    period: String(row.period),
    version: Number(row.version),
    exportedAt: String(row.exported_at),
    operatorName: String(row.operator_name),
    fileName: String(row.file_name),
    fileHash: String(row.file_hash),
    figures: recorded.figures,
    frame: recorded.frame,
    meta: recorded.meta ?? null,
    exportUid: (row.export_uid as string | null) ?? null,
    layoutVersion: Number(row.layout_version),
  };
}

/** One audit entry for an export with 公民身份号码 / 银行卡号 / 手机 in full. */
export function auditFullSensitive(ctx: HandlerCtx, what: Record<string, unknown>): void {
  ctx.audit('exportSensitive', 'report', null, null, what);
}
