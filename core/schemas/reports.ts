// Reports (reports.md): exporting workbooks, re-exporting a recorded monthly report, reading one
// back, export progress, and the data of the print views.
import { z } from 'zod';
import { text, optText, ref, bool, oneOf, optOneOf } from './fields';
import {
  REPORTS,
  REPORT_IDS,
  REPORT_PARAMS,
  missingParams,
  paramLabel,
  reportName,
  type ReportId,
} from '../reports/catalogue';
import { fileField } from './files';
import { period } from './workplan';
import { SUBMISSION_STATUSES } from '../reports/monthly';

/** What can be exported: the catalogue's ids (the six reports plus the two per-record forms). */
export const EXPORT_REPORTS = REPORT_IDS;
export type ExportReportId = ReportId;
/** @deprecated read `reportName(id)` / `reportOf(id).name` from core/reports/catalogue. */
export const EXPORT_REPORT_NAMES: Record<ExportReportId, string> = Object.fromEntries(
  REPORTS.map((r) => [r.id, r.name]),
) as Record<ExportReportId, string>;

const delivery = {
  /** Chosen by the caller to follow progress with report.progress while the export runs. */
  jobId: optText('任务编号', { max: 64 }),
  /**
   * Desktop: where to save the workbook (an absolute path ending in .xlsx, chosen in the save
   * dialog). It is written to a temporary file beside it and renamed, so a failed save leaves no
   * partial file. Without it the workbook comes back as base64 (browser mode downloads it).
   */
  savePath: optText('保存路径', { max: 1000 }),
};

export const reportExportInput = z
  .object({
    reportId: oneOf('报表', EXPORT_REPORTS),
    /** Each report reads its own (core/reports/catalogue.ts); the rest are ignored. */
    ...REPORT_PARAMS,
    /** Full 公民身份号码, 银行卡号 and 手机 instead of masked ones: 管理员 only, and audited. */
    fullSensitive: bool('导出完整敏感信息').default(false),
    /**
     * The monthly report (R2) only (submission.md §2): `draft` (草稿, the default: always possible,
     * records nothing) or `official` (正式报送: gated, recorded as the next version). Sending is
     * never implied: an export that does not say official is a draft.
     */
    mode: optOneOf('导出方式', SUBMISSION_STATUSES),
    /** Why an official version corrects the one before: required from v2 on, ignored otherwise. */
    correctionReason: optText('更正原因', { max: 200 }),
    ...delivery,
  })
  .strict()
  .superRefine((v, ctx) => {
    const [missing] = missingParams(v.reportId, v);
    if (missing) {
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `导出${reportName(v.reportId)}须指定${paramLabel(missing)}`,
      });
    }
  });

/** The period whose submission status is asked (report.status). */
export const reportStatusInput = z.object({ period: period() }).strict();

const sentVersion = z.object({
  /** The history entry (report.history). */
  id: z.number().int(),
  version: z.number().int(),
  exportedAt: z.string(),
  operatorName: z.string(),
  fileName: z.string(),
  correctionReason: z.string().nullable(),
});

/** A period's monthly report: 草稿 until sent, then 已报送 第N版; and whether an official export may be made now, or why not. */
export const reportStatusOutput = z.object({
  period: z.string(),
  /** 2018年10月, 2018年10月上半月. */
  periodText: z.string(),
  status: z.enum(['草稿', '已报送']),
  /** The latest official version, or null while it is a draft. */
  last: sentVersion.nullable(),
  /** The version an official export now would be. */
  nextVersion: z.number().int(),
  /** An official export now needs a 更正原因 (it would be v2 or later). */
  reasonRequired: z.boolean(),
  /** Whether the gates of submission.md §2 let an official export through now; else why not (the export's own message). */
  officialAllowed: z.boolean(),
  refusal: z.string().nullable(),
});

export const reportReexportInput = z.object({ exportId: ref('导出记录'), ...delivery }).strict();

export const reportFileOutput = z.object({
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** The workbook, base64-encoded; null when it was saved to savePath (over HTTP: a download, ./files.ts). */
  base64: fileField(z.string().nullable()),
  savedPath: z.string().nullable(),
  /** R2 official: the history entry (report.history) this export was recorded as, and its version. */
  exportId: z.number().int().nullable(),
  version: z.number().int().nullable(),
  /** R2: what the file is (its meta's status); null for the other reports. */
  status: z.enum(SUBMISSION_STATUSES).nullable(),
  /** R2 official: the export id in the file's meta (report_exports.export_uid). */
  exportUid: z.string().nullable(),
  /** Whether full sensitive values are in the file (an audited export). */
  fullSensitive: z.boolean(),
});

export const reportProgressInput = z.object({ jobId: text('任务编号', { max: 64 }) }).strict();
export const reportProgressOutput = z
  .object({
    jobId: z.string(),
    phase: z.enum(['排队', '读取数据', '写入', '完成', '失败']),
    done: z.number().int(),
    total: z.number().int(),
  })
  .nullable();

// ---- print views ----------------------------------------------------------------------------

const cell = z.union([z.string(), z.number(), z.null()]);
const docRow = z.object({
  kind: z.enum(['total', 'cumulative', 'category', 'item', 'empty']),
  cells: z.array(cell),
  span: z.tuple([z.number().int(), z.number().int()]).optional(),
});
const unitLine = z.object({ left: z.string(), centre: z.string(), right: z.string() });
const column = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['seq', 'text', 'code', 'int', 'number', 'money', 'rate', 'date', 'mark']),
  width: z.number(),
  sensitive: z.enum(['idNumber', 'bankAccount', 'mobile']).optional(),
  emptyText: z.string().optional(),
});
/** A layout as core/reports/layout.ts defines it: the print view renders any of them. */
const layout = z.object({
  id: z.string(),
  sheetName: z.string(),
  orientation: z.enum(['landscape', 'portrait']),
  codeRow: z.boolean(),
  total: z.enum(['setting', 'bottom', 'none']),
  freezeColumns: z.number().int(),
  columns: z.array(column).readonly(),
  notes: z.array(z.string()).readonly().optional(),
  labelKey: z.string().optional(),
  rowHeight: z.number().optional(),
});

/** A table sheet as the Excel writer and the print views render it (money already in 元). */
export const tableDocOutput = z.object({
  layout,
  title: z.string(),
  unitLine,
  blocks: z.array(z.object({ label: z.string(), text: z.string() })),
  footer: z.string().nullable(),
  moneyUnit: z.enum(['元', '万元']),
  rows: z.array(docRow),
});

export const trackingDocOutput = z.object({
  title: z.string(),
  unitLine,
  fields: z.record(z.string(), z.string()),
  nodes: z.array(docRow),
  acceptance: z.record(z.string(), z.string()),
  signatures: z.string(),
});

export const printPaySheetInput = z
  .object({ payRunId: ref('劳务报酬发放表'), fullSensitive: bool('显示完整敏感信息').default(false) })
  .strict();
export const printSignInInput = z
  .object({ sessionId: ref('培训班'), fullSensitive: bool('显示完整敏感信息').default(false) })
  .strict();
export const printContractInput = z.object({ contractId: ref('合同') }).strict();
