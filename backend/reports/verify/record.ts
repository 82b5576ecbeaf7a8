// What this office recorded for an export id (report_exports.export_uid): the figures and frame the
// file was built from, its version and digest. Only official versions are recorded.
import type { Database } from 'better-sqlite3';
import type { MonthlyFigures, MonthlyFrame } from '../../../core/reports/monthly';
import { SENT_REPORT_ID } from '../../../core/reports/catalogue';

export interface VerifyRecord {
  id: number;
  period: string;
  version: number;
  exportedAt: string;
  operatorName: string;
  fileName: string;
  digest: string | null;
  correctionReason: string | null;
  figures: MonthlyFigures;
  frame: MonthlyFrame;
}

/** What a verify result shows of the record it compared with (not its figures, frame or digest). */
export const recordShown = (record: VerifyRecord | null) =>
  record
    ? {
        id: record.id,
        period: record.period,
        version: record.version,
        exportedAt: record.exportedAt,
        operatorName: record.operatorName,
        fileName: record.fileName,
        correctionReason: record.correctionReason,
      }
    : null;

type Row = Record<string, unknown>;

function toRecord(row: Row): VerifyRecord {
  const recorded = JSON.parse(String(row.figures_json)) as { figures: MonthlyFigures; frame: MonthlyFrame };
  return {
    id: Number(row.id),
    period: String(row.period),
    version: Number(row.version),
    exportedAt: String(row.exported_at),
    operatorName: String(row.operator_name),
    fileName: String(row.file_name),
    digest: row.digest == null ? null : String(row.digest),
    correctionReason: row.correction_reason == null ? null : String(row.correction_reason),
    figures: recorded.figures,
    frame: recorded.frame,
  };
}

export function recordByExportId(db: Database, exportId: string): VerifyRecord | null {
  const row = db
    .prepare('SELECT * FROM report_exports WHERE report_id = ? AND export_uid = ?')
    .get(SENT_REPORT_ID, exportId) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** Every recorded version of a period, oldest first (for a file whose meta is gone). */
export function recordsOfPeriod(db: Database, period: string): VerifyRecord[] {
  return (
    db
      .prepare('SELECT * FROM report_exports WHERE report_id = ? AND period = ? ORDER BY version')
      .all(SENT_REPORT_ID, period) as Row[]
  ).map(toRecord);
}

/** The last version sent of the latest period before this one (periods sort as text). */
export function lastSentBefore(db: Database, period: string): VerifyRecord | null {
  const row = db
    .prepare(
      'SELECT * FROM report_exports WHERE report_id = ? AND period < ? ORDER BY period DESC, version DESC LIMIT 1',
    )
    .get(SENT_REPORT_ID, period) as Row | undefined;
  return row ? toRecord(row) : null;
}
