// What an export job carries into the worker and what comes back.
import type { ReportId } from '../../core/reports/catalogue';
import type { ReportTexts } from '../../core/schemas/system';
import type { OfficeInfo } from '../../core/reports/texts';
import type { MonthlyFigures, MonthlyFrame } from '../../core/reports/monthly';
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

/** A recorded monthly report, rebuilt from its recorded figures and frame. */
export interface RebuildJob {
  type: 'rebuild';
  figures: MonthlyFigures;
  frame: MonthlyFrame;
  office: Pick<OfficeInfo, 'countyName' | 'countyCode'>;
  exportedAt: string;
  fileName: string;
}

export type ExportJob = BuildJob | RebuildJob;

export interface ExportFile {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  /** R2 only: what is recorded as sent. */
  monthly: { figures: MonthlyFigures; frame: MonthlyFrame } | null;
}

/** Body rows written so far of how many (0 when unknown). */
export type ProgressFn = (done: number, total: number) => void;
