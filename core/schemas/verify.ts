// report.read — 核对 of a monthly report workbook (submission.md §3): the workbook in, and out
// whose and which it is, what it was compared against, and the findings by sheet and cell.
import { z } from 'zod';
import { fileField } from './files';
import { FINDING_KINDS } from '../reports/verify/types';
import { SUBMISSION_STATUSES } from '../reports/monthly';

export const reportVerifyInput = z
  .object({
    base64: fileField(
      z
        .string({ error: () => '工作簿内容应为 base64 文本' })
        .min(1, { message: '工作簿内容不能为空' })
        .max(40_000_000, { message: '工作簿过大' }),
    ),
  })
  .strict();

const figureRow = z.object({
  kind: z.enum(['total', 'cumulative', 'category', 'item', 'empty']),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
const figures = z.object({
  period: z.string(),
  sheets: z.record(z.string(), z.array(figureRow)),
  texts: z.record(z.string(), z.string().nullable()),
});

const finding = z.object({
  sheet: z.string(),
  cell: z.string(),
  kind: z.enum(FINDING_KINDS),
  message: z.string(),
  before: z.string().nullable().optional(),
  after: z.string().nullable().optional(),
});

const identity = z.object({
  countyCode: z.string().nullable(),
  countyName: z.string().nullable(),
  cityCode: z.string().nullable(),
  period: z.string().nullable(),
  status: z.enum(SUBMISSION_STATUSES).nullable(),
  version: z.number().int().nullable(),
  exportId: z.string().nullable(),
  correctionReason: z.string().nullable(),
  generatedAt: z.string().nullable(),
  /** meta: from the meta sheet; title: the meta is missing, read from the visible titles. */
  source: z.enum(['meta', 'title']),
});

const record = z.object({
  id: z.number().int(),
  period: z.string(),
  version: z.number().int(),
  exportedAt: z.string(),
  operatorName: z.string(),
  fileName: z.string(),
  correctionReason: z.string().nullable(),
});

export const reportVerifyOutput = z.object({
  identity,
  /** This office's record of the file's export id, when it holds one. */
  record: record.nullable(),
  /** What the figures were compared against: the record (cell by cell), the digest alone, or nothing. */
  basis: z.enum(['record', 'digest', 'none']),
  digest: z.enum(['match', 'mismatch', 'absent']),
  /** One line: what was checked and how many findings. */
  summary: z.string(),
  /** In reading order: sheet by sheet, then by row and column. */
  findings: z.array(finding),
  /** The meta sheet's key → value, as found. */
  meta: z.record(z.string(), z.string()),
  /** The figures as read back. */
  figures,
});
