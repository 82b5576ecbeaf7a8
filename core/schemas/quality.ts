// 质量核查 records (work plan points 5 and 9): what was sampled where, by whom, the errors found and
// corrected; the error rate judged against the threshold the office sets; and which source the
// progress table's columns 13–14 take per period. docs/spec/quality-and-problems.md §1–§3.
import { z } from 'zod';
import { bool, date, decimal, int, oneOf, optRef, optText, ref, text } from './fields';
import { period } from './workplan';
import { listInput, recordOf } from '../api/define';
import { DEFAULT_PROGRESS_CATEGORIES } from '../progressRules';

export const QUALITY_STAGES = ['清查', '入户调查'] as const;
/** Columns 13–14 of a period's progress tables: as typed, or the sums of the quality records. */
export const QUALITY_SOURCES = ['填报', '质量核查'] as const;
export type QualitySource = (typeof QUALITY_SOURCES)[number];
/** The error-rate threshold (%) until the office sets its own (no spec names one: docs/spec/quality-and-problems.md §2). */
export const DEFAULT_ERROR_RATE_THRESHOLD = 5;
/** The progress table's rows a record can count in: every row but 合计, which adds them up. */
export const QUALITY_ROW_CODES = DEFAULT_PROGRESS_CATEGORIES.filter((c) => !c.isTotal).map((c) => c.rowCode) as [
  string,
  ...string[],
];

export const qualityCheckCreate = z
  .object({
    period: period('报告期'),
    stage: oneOf('核查阶段', QUALITY_STAGES),
    /** The progress table's row (普查对象类别) whose columns 13–14 the record counts in. */
    rowCode: oneOf('普查对象类别（行代码）', QUALITY_ROW_CODES),
    townshipId: optRef('乡镇（街道）'),
    districtId: optRef('普查小区'),
    agencyId: optRef('第三方机构'),
    contractId: optRef('合同'),
    checker: text('核查人', { max: 100 }),
    checkDate: date('核查日期'),
    sampledCount: int('抽查数', 0, 1e7),
    errorCount: int('发现差错数', 0, 1e7),
    correctedCount: int('已改正数', 0, 1e7).default(0),
    note: optText('备注', { max: 1000 }),
  })
  .strict();

export const qualityCheckRecord = recordOf(qualityCheckCreate, {
  categoryName: z.string(),
  townshipName: z.string().nullable(),
  districtName: z.string().nullable(),
  agencyName: z.string().nullable(),
  contractNo: z.string().nullable(),
  /** What was checked, in words: the district, township, contract or agency (全县 when none). */
  scopeText: z.string(),
  /** 差错率% = errors / sampled, one decimal; null when nothing was sampled. */
  errorRate: z.number().nullable(),
  /** The error rate is above the office's threshold. */
  aboveThreshold: z.boolean(),
  uncorrectedCount: z.number().int(),
});

export const qualityCheckList = listInput(
  {
    period: period('报告期').optional(),
    stage: oneOf('核查阶段', QUALITY_STAGES).optional(),
    rowCode: oneOf('普查对象类别（行代码）', QUALITY_ROW_CODES).optional(),
    townshipId: ref('乡镇（街道）').optional(),
    agencyId: ref('第三方机构').optional(),
    aboveThreshold: bool('差错率超过上限').optional(),
    uncorrected: bool('差错未全部改正').optional(),
    /** Records of this period and every one before it (what the cumulative columns 13–14 count). */
    upToPeriod: period('截至报告期').optional(),
  },
  ['checkDate', 'period', 'errorRate', 'sampledCount'] as const,
);

export const qualitySettings = z
  .object({
    /** 差错率上限 (%): a record above it is a dashboard error. */
    errorRateThreshold: decimal('差错率上限（%）', 0, 100),
  })
  .strict();

export const qualityFeedInput = z.object({ period: period(), townshipId: optRef('乡镇（街道）') }).strict();
export const qualitySourceInput = z
  .object({ period: period(), source: oneOf('第13、14列取数', QUALITY_SOURCES) })
  .strict();

export const qualityFeedOutput = z.object({
  period: z.string(),
  townshipId: z.number().int().nullable(),
  source: z.enum(QUALITY_SOURCES),
  /** Per progress row: the cumulative sums of the records up to the period's end. */
  rows: z.array(
    z.object({
      rowCode: z.string(),
      sampled: z.number().int(),
      errors: z.number().int(),
      corrected: z.number().int(),
      records: z.number().int(),
    }),
  ),
  sampled: z.number().int(),
  errors: z.number().int(),
  corrected: z.number().int(),
  errorRate: z.number().nullable(),
  threshold: z.number(),
});
