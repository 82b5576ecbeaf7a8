// The monthly report's history (report_exports): what was sent — period, time, operator, the
// figures and the file's hash — one version per export; and the audit entry of an export that
// carries sensitive values in full. Each runs in the export's commit phase, inside dispatch's
// transaction, and writes the call's one audit entry.
import type { HandlerCtx } from '../context';
import { LAYOUT_VERSION } from '../../core/reports/layout';
import type { MonthlyFigures, MonthlyFrame } from '../../core/reports/monthly';
import { SENT_REPORT_ID } from '../../core/reports/catalogue';
import { UserError } from '../../db/errors';

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
  layoutVersion: number;
}

export function recordMonthly(
  ctx: HandlerCtx,
  e: {
    period: string;
    exportedAt: string;
    fileName: string;
    sha256: string;
    figures: MonthlyFigures;
    frame: MonthlyFrame;
  },
): { id: number; version: number } {
  const { v } = ctx.db
    .prepare(`SELECT coalesce(max(version), 0) + 1 AS v FROM report_exports WHERE report_id = ? AND period = ?`)
    .get(SENT_REPORT_ID, e.period) as {
    v: number;
  };
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO report_exports (report_id, period, version, exported_at, operator_id, operator_name, file_name, file_hash, figures_json, layout_version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        SENT_REPORT_ID,
        e.period,
        v,
        e.exportedAt,
        ctx.operator?.id ?? null,
        ctx.operator?.name ?? '系统',
        e.fileName,
        e.sha256,
        JSON.stringify({ figures: e.figures, frame: e.frame }),
        LAYOUT_VERSION,
      ).lastInsertRowid,
  );
  ctx.audit('export', 'reportExport', id, null, {
    reportId: SENT_REPORT_ID,
    period: e.period,
    version: v,
    fileName: e.fileName,
    fileHash: e.sha256,
  });
  return { id, version: v };
}

export function loadExport(ctx: HandlerCtx, id: number): RecordedExport {
  const row = ctx.db.prepare('SELECT * FROM report_exports WHERE id = ?').get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw new UserError('NOT_FOUND', `导出记录不存在（编号 ${id}）`);
  if (row.report_id !== SENT_REPORT_ID)
    throw new UserError('NOT_REEXPORTABLE', '只有工作进度月报的导出记录可以重新导出');
  const recorded = JSON.parse(String(row.figures_json)) as { figures: MonthlyFigures; frame: MonthlyFrame };
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
    layoutVersion: Number(row.layout_version),
  };
}

/** One audit entry for an export with 公民身份号码 / 银行卡号 / 手机 in full. */
export function auditFullSensitive(ctx: HandlerCtx, what: Record<string, unknown>): void {
  ctx.audit('exportSensitive', 'report', null, null, what);
}
