// Milestones (工作要点) and the progress table (进度调度表) of workplan.md.
import { z } from 'zod';
import { text, optText, int, optInt, optDate, oneOf, optRef, bool, optBool, code } from './fields';
import { rowsOf } from './rows';
import { MILESTONE_SET_STATUSES, MILESTONE_STATUSES, PROGRESS_REPORT_STATUSES } from '../enums';
import { listInput, recordOf } from '../api/define';
import { COLUMN_LABELS, ENTERED_COLUMNS, type EnteredColumn } from '../progressRules';

export const milestoneCreate = z
  .object({
    /** Order in the list; a new milestone goes last when it is left out. */
    seq: optInt('序号', 1, 9999),
    pointNo: int('工作要点序号', 1, 99),
    pointTitle: text('工作要点', { max: 50 }),
    title: text('工作内容', { max: 300 }),
    /** Continuous milestones (持续) have none. */
    deadline: optDate('完成时限'),
    status: oneOf('完成情况', MILESTONE_SET_STATUSES).default('未开始'),
    completedDate: optDate('完成日期'),
    progressNote: optText('进展说明', { max: 1000 }),
    evidence: optText('佐证材料（文件号/附件说明）', { max: 500 }),
    note: optText('备注'),
  })
  .strict();
export const milestoneRecord = recordOf(milestoneCreate, {
  seq: z.number().int(),
  /** 已逾期 when the deadline has passed and the milestone is not 已完成. */
  effectiveStatus: z.enum(MILESTONE_STATUSES),
  /** Days from today to the deadline (negative once passed); null without a deadline. */
  daysLeft: z.number().int().nullable(),
  /** Not done and due within 14 days (today included). */
  dueSoon: z.boolean(),
  overdue: z.boolean(),
});
export const milestoneList = listInput(
  {
    status: oneOf('完成情况', MILESTONE_STATUSES).optional(),
    pointNo: int('工作要点序号', 1, 99).optional(),
    dueSoon: bool('即将到期').optional(),
    overdue: bool('已逾期').optional(),
  },
  ['seq', 'deadline', 'pointNo', 'status'] as const,
);

/** `2018-06` for a monthly period, `2018-06-上` / `2018-06-下` for the two halves of a month. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(-[上下])?$/;
export const period = (label = '报告期') =>
  code(label, PERIOD_PATTERN, '按月为 2018-06，两周一报为 2018-06-上 或 2018-06-下');

const figureFields = Object.fromEntries(ENTERED_COLUMNS.map((c) => [c, optInt(COLUMN_LABELS[c])])) as {
  [K in EnteredColumn]: ReturnType<typeof optInt>;
};

export const figureRowInput = z
  .object({
    rowCode: code('行代码', /^\d{2}$/, '两位数字，如 02'),
    ...figureFields,
    note: optText('备注', { max: 500 }),
  })
  .strict();

const rowNamed = (raw: unknown, i: number) => {
  const rowCode = (raw as { rowCode?: unknown } | null)?.rowCode;
  return typeof rowCode === 'string' && /^\d{2}$/.test(rowCode.trim()) ? `第${rowCode.trim()}行` : `第${i + 1}条`;
};

/** Which table: the county's (townshipId empty) or one township's. */
const scope = {
  period: period(),
  townshipId: optRef('乡镇（街道）'),
};

export const progressSaveInput = z
  .object({
    ...scope,
    figures: rowsOf('进度数据', figureRowInput, { rowName: rowNamed }),
    mainWork: optText('本期主要工作', { max: 5000 }),
    problems: optText('存在问题', { max: 5000 }),
    nextPlan: optText('下期工作计划', { max: 5000 }),
  })
  .strict();

export const progressGetInput = z
  .object({
    ...scope,
    /** The sum of every township's table for the period instead of one stored table. */
    aggregate: optBool('汇总各乡镇'),
    /** A first table never saved starts with row 11's 名录库底册数 from the registry's 行政村 (the form asks). */
    prefill: optBool('按区划预填'),
  })
  .strict();
export const progressScopeInput = z.object(scope).strict();

const figure = z.number().nullable();
const figureColumns = Object.fromEntries([...ENTERED_COLUMNS, 'c9', 'c12'].map((c) => [c, figure])) as Record<
  EnteredColumn | 'c9' | 'c12',
  typeof figure
>;

/** A 进度调度表 row code as the form names and nests it: a table's row and a category alike. */
const rowCategory = {
  rowCode: z.string(),
  name: z.string(),
  /** As printed: `其中：污水处理厂`, `生活源锅炉(台)`. */
  displayName: z.string(),
  parentCode: z.string().nullable(),
  indent: z.number().int(),
  inTotal: z.boolean(),
};

export const progressRowOutput = z.object({
  ...rowCategory,
  unit: z.string(),
  /** The 合计 row is computed from the others and never entered. */
  computed: z.boolean(),
  ...figureColumns,
  note: z.string().nullable(),
});

export const violationOutput = z.object({
  rowCode: z.string(),
  column: z.string(),
  rule: z.string(),
  noted: z.boolean(),
});

export const progressTableOutput = z.object({
  reportId: z.number().int().nullable(),
  period: z.string(),
  townshipId: z.number().int().nullable(),
  townshipName: z.string().nullable(),
  /** 填报 (a stored table) or 乡镇汇总 (computed from the townships' tables). */
  source: z.enum(['填报', '乡镇汇总']),
  /** null until the table is first saved. */
  status: z.enum(PROGRESS_REPORT_STATUSES).nullable(),
  reportedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  mainWork: z.string().nullable(),
  problems: z.string().nullable(),
  nextPlan: z.string().nullable(),
  /** The period the "never fall" rule compares with. */
  previousPeriod: z.string().nullable(),
  /** Township tables saved for this period (when there are any, the county table can be their sum). */
  townshipReportCount: z.number().int(),
  rows: z.array(progressRowOutput),
  violations: z.array(violationOutput),
});

export const progressPeriodsInput = z
  .object({ townshipId: optRef('乡镇（街道）'), allTownships: optBool('包括各乡镇') })
  .strict();
export const progressPeriodsOutput = z.array(
  z.object({
    reportId: z.number().int(),
    period: z.string(),
    townshipId: z.number().int().nullable(),
    townshipName: z.string().nullable(),
    status: z.enum(PROGRESS_REPORT_STATUSES),
    reportedAt: z.string().nullable(),
    updatedAt: z.string(),
  }),
);

export const progressCategoryOutput = z.object({
  ...rowCategory,
  isTotal: z.boolean(),
  unit: z.string(),
  sort: z.number().int(),
});
