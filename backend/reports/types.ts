// What an export job carries into the worker and what comes back.
import type { ReportId } from '../../core/reports/catalogue';
import type { ReportTexts } from '../../core/schemas/system';
import type { OfficeInfo } from '../../core/reports/texts';
import type { MonthlyFigures, MonthlyFrame, SubmissionStatus } from '../../core/reports/monthly';
import type { Operator } from '../context';

export interface ExportParams {
  reportId: ReportId;
  period: string | null;
  role: string | null;
  townshipId: number | null;
  status: string | null;
  sessionId: number | null;
  contractId: number | null;
  payRunId: number | null;
  /** R1, R3, R4, R5: the day described (null: the export day). R2 is always as of its period end. */
  asOf?: string | null;
  fullSensitive: boolean;
  /** R2: what the file is, decided before it is built (a draft when absent). */
  submission?: Submission;
}

/** What an R2 file is (its meta): a draft, or official version `version` with its export id. */
export interface Submission {
  status: SubmissionStatus;
  /** null for a draft. */
  version: number | null;
  /** The uuid recorded as report_exports.export_uid; null for a draft. */
  exportUid: string | null;
  /** From v2 on; null otherwise. */
  correctionReason: string | null;
}

/** What is recorded of an official R2 (and rebuilt from): figures, frame and the file's meta and digest. */
export interface MonthlyRecord {
  figures: MonthlyFigures;
  frame: MonthlyFrame;
  /** The meta sheet exactly as written (key → value, in order). */
  meta: Record<string, string>;
  digest: string;
}

/** A fresh export: read the store, build, write. */
export interface BuildJob {
  type: 'build';
  params: ExportParams;
  office: OfficeInfo;
  texts: ReportTexts;
  /** The export instant (ISO): stamps the workbook and decides overdue/insurance "as of". */
  exportedAt: string;
  operator: Operator | null;
  dbPath: string;
}

/** A recorded monthly report, rebuilt from its recorded figures, frame and meta. */
export interface RebuildJob {
  type: 'rebuild';
  /** The recorded version (an official file: no 「草稿」 marks). */
  version: number;
  figures: MonthlyFigures;
  frame: MonthlyFrame;
  /** The recorded meta, written again as it was. */
  meta: Record<string, string>;
  exportedAt: string;
  fileName: string;
}

export type ExportJob = BuildJob | RebuildJob;

export interface ExportFile {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  /** R2 only: what is recorded if it is sent (official). */
  monthly: MonthlyRecord | null;
}

/** Body rows written so far of how many (0 when unknown). */
export type ProgressFn = (done: number, total: number) => void;
