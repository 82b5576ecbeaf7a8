// Intake (收取报表) and the ledger (报送台账) of a city or province office (issue #16, submission.md
// §4): files in, one result per workbook; the files as received; units × periods.
import { z } from 'zod';
import { text, optText, ref, optOneOf, optCode } from './fields';
import { fileField } from './files';
import { listInput } from '../api/define';
import { period, PERIOD_PATTERN } from './workplan';
import { FINDING_KINDS } from '../reports/verify/types';

/** What happened to a workbook taken in (intake_files.outcome). */
export const INTAKE_OUTCOMES = ['新收', '新版本', '重复', '拒收', '附说明接收'] as const;
export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number];

/**
 * Why a workbook was refused (拒收), or why it is a 重复. docs/intake.md lists each with its words.
 * DIGEST is the only refusal intake.accept may override (附说明接收).
 */
export const INTAKE_REASONS = [
  // 拒收
  'OTHER_CITY',
  'OTHER_PROVINCE',
  'WRONG_LEVEL',
  'NOT_A_UNIT',
  'DRAFT',
  'LAYOUT_UNKNOWN',
  'NO_META',
  'DIGEST',
  'DAMAGED',
  'TOO_LARGE',
  'NOT_MONTHLY',
  'OLDER_VERSION',
  'VERSION_CLASH',
  // 重复
  'SAME_FILE',
  'SAME_REPORT',
] as const;
export type IntakeReason = (typeof INTAKE_REASONS)[number];

const unitCode = optCode('单位代码', /^\d{6}$/, '6位数字，如 511302');
const fileId = ref('收取文件');

export const intakeReceiveInput = z
  .object({
    /** As the clerk's machine names it (kept as is: no full-width → half-width here). */
    fileName: z
      .string({ error: () => '文件名应为文本' })
      .min(1, { message: '文件名不能为空' })
      .max(255, { message: '文件名不能超过255个字' })
      .meta({ title: '文件名', kind: 'text' }),
    /** One file: an .xlsx/.xls workbook, or a .zip of them (folders inside are walked). */
    base64: fileField(
      z
        .string({ error: () => '文件内容应为 base64 文本' })
        .min(1, { message: '文件内容不能为空' })
        .max(20_000_000, { message: '文件过大' })
        .meta({ title: '文件内容（base64）', kind: 'text' }),
    ),
    /** Groups the files one drop sends (one call each); the UI makes one id per drop. */
    batchId: optText('批次编号', { max: 64 }),
  })
  .strict();

const finding = z.object({
  sheet: z.string(),
  cell: z.string(),
  kind: z.enum(FINDING_KINDS),
  message: z.string(),
});

/** One workbook taken in and what happened to it. */
export const intakeResult = z.object({
  /** The workbook's name (inside a zip: its path there, folders included). */
  fileName: z.string(),
  /** The zip it came in, or null for a loose file. */
  container: z.string().nullable(),
  outcome: z.enum(INTAKE_OUTCOMES),
  reasonCode: z.enum(INTAKE_REASONS).nullable(),
  /** In Chinese, for the clerk (refusals and duplicates; null when filed plainly). */
  reason: z.string().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  period: z.string().nullable(),
  /** 2018年10月. */
  periodText: z.string().nullable(),
  version: z.number().int().nullable(),
  /** intake_files.id: every workbook taken in has one (intake.download, intake.accept). */
  fileId: z.number().int(),
  /** received_reports.id when it was filed (新收, 新版本, 附说明接收). */
  reportId: z.number().int().nullable(),
  /** The version this one replaced (新版本). */
  replacedVersion: z.number().int().nullable(),
  /** DIGEST: the sheets and cells found (核对's findings); empty otherwise. */
  findings: z.array(finding),
  /** May be filed with a note (intake.accept): a DIGEST refusal not yet accepted. */
  acceptable: z.boolean(),
});
export type IntakeResult = z.output<typeof intakeResult>;

export const intakeReceiveOutput = z.object({
  batchId: z.string(),
  /** One per workbook, in the order found (a zip's entries in its order). */
  results: z.array(intakeResult),
  /** Entries of a zip that are no workbook (a .txt, a .doc…): not taken in, named here. */
  skipped: z.array(z.object({ fileName: z.string(), container: z.string(), reason: z.string() })),
});

export const intakeAcceptInput = z
  .object({
    fileId,
    note: text('接收说明', { max: 500 }),
  })
  .strict();

/** 收取记录 as every list: search (file or unit name), filters, sort (newest first by default), pages. */
export const intakeListInput = listInput(
  {
    batchId: optText('批次编号', { max: 64 }),
    outcome: optOneOf('结果', INTAKE_OUTCOMES),
    unitCode,
    period: optCode('报告期', PERIOD_PATTERN, '按月为 2018-06，两周一报为 2018-06-上 或 2018-06-下'),
  },
  ['receivedAt', 'unitCode', 'period', 'fileName'] as const,
);

export const intakeFileRecord = z.object({
  id: z.number().int(),
  batchId: z.string().nullable(),
  fileName: z.string(),
  container: z.string().nullable(),
  size: z.number().int(),
  sha256: z.string(),
  outcome: z.enum(INTAKE_OUTCOMES),
  reasonCode: z.enum(INTAKE_REASONS).nullable(),
  reason: z.string().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  period: z.string().nullable(),
  periodText: z.string().nullable(),
  version: z.number().int().nullable(),
  receivedAt: z.string(),
  operatorName: z.string().nullable(),
  /** The filed report (received_reports.id), if any; replacedBy: the newer version's id. */
  reportId: z.number().int().nullable(),
  replacedBy: z.number().int().nullable(),
  acceptNote: z.string().nullable(),
  acceptable: z.boolean(),
});

export const intakeListOutput = z.object({
  rows: z.array(intakeFileRecord),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Desktop: where to save (as report.export's savePath); else the bytes come back as base64. */
const savePath = optText('保存路径', { max: 1000 });

/** The bytes come back as base64 (over HTTP: a download reference, as every file field). */
export const intakeDownloadInput = z.object({ fileId }).strict();

export const fileOutput = z.object({
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  base64: fileField(z.string().nullable()),
  savedPath: z.string().nullable(),
});

/** Months from..to inclusive (2018-06); half-month periods of files received in that span are shown too. */
const range = {
  from: period('起始报告期'),
  to: period('截止报告期'),
};

export const LEDGER_STATES = ['按时', '逾期报送', '未报', '未到期', '拒收', '仅草稿'] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

export const ledgerGetInput = z
  .object({
    ...range,
    unitCode,
    state: optOneOf('状态', LEDGER_STATES),
  })
  .strict();

const ledgerCell = z.object({
  unitCode: z.string(),
  period: z.string(),
  /**
   * 按时 / 逾期报送: filed (the first version's arrival against the deadline); 未报: nothing filed
   * and the deadline passed; 未到期: nothing filed yet, deadline not passed; 拒收: only refused
   * files (not resent); 仅草稿: only drafts arrived.
   */
  state: z.enum(LEDGER_STATES),
  /** The newest filed version (not replaced), its arrival and report id. */
  version: z.number().int().nullable(),
  receivedAt: z.string().nullable(),
  reportId: z.number().int().nullable(),
  fileId: z.number().int().nullable(),
  /** When the first version arrived (judged against the deadline). */
  firstReceivedAt: z.string().nullable(),
  /** Days past the deadline (逾期报送: of the first arrival; 未报: as of today); 0 otherwise. */
  daysLate: z.number().int(),
  /** Filed with a note despite a failed digest. */
  acceptNote: z.string().nullable(),
  /** The last refusal (拒收 / 仅草稿), when nothing is filed. */
  refusal: z
    .object({ reasonCode: z.string(), reason: z.string(), at: z.string(), fileId: z.number().int() })
    .nullable(),
  /** How many versions are filed. */
  versions: z.number().int(),
});

export const ledgerGetOutput = z.object({
  periods: z.array(z.object({ period: z.string(), periodText: z.string(), deadline: z.string(), due: z.boolean() })),
  units: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Units × periods, unit by unit in the units' order, then period. Filtered by unitCode / state. */
  cells: z.array(ledgerCell),
  /** Per state over the cells returned. */
  counts: z.record(z.string(), z.number().int()),
  deadlineDay: z.number().int(),
});

export const ledgerRemindersInput = z.object({ period: period() }).strict();

export const ledgerRemindersOutput = z.object({
  period: z.string(),
  periodText: z.string(),
  deadline: z.string(),
  lines: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      /** 未报送 / 已报送但被拒收（原因）且未重新报送 / 仅报送了草稿. */
      missing: z.string(),
      state: z.enum(LEDGER_STATES),
      /** The deadline: what has been missing since then. */
      since: z.string(),
      daysLate: z.number().int(),
    }),
  ),
  /** One message to paste into WeChat or mail (empty lines when nothing is missing). */
  text: z.string(),
});

export const ledgerExportInput = z.object({ ...range, savePath }).strict();
