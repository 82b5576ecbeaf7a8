// The problem and 督办 ledger (work plan points 8 and 12): questions sent back by 审核 (先审核、后汇总),
// problems found, 上级通报 and 督办件, each with its due date and the office's reply; the open and the
// period's items are the draft of R2's 存在问题. docs/spec/quality-and-problems.md §4–§6.
import { z } from 'zod';
import { bool, date, oneOf, optDate, optRef, optText, ref, text } from './fields';
import { period } from './workplan';
import { listInput, recordOf } from '../api/define';

export const PROBLEM_KINDS = ['审核退回', '发现问题', '上级通报', '督办件'] as const;
export const PROBLEM_STATUSES = ['未办结', '已办结'] as const;

export const problemCreate = z
  .object({
    /** 编号 (or the 通报/督办件's 文号); left empty, the next one of the year is given (2018-001). */
    refNo: optText('编号', { max: 50 }),
    kind: oneOf('类别', PROBLEM_KINDS),
    raisedDate: date('提出日期'),
    source: optText('来源', { max: 100 }),
    raisedBy: optText('提出人', { max: 50 }),
    subject: text('涉及对象', { max: 200 }),
    personId: optRef('涉及人员'),
    agencyId: optRef('涉及第三方机构'),
    townshipId: optRef('涉及乡镇（街道）'),
    content: text('问题内容', { max: 2000 }),
    dueDate: optDate('办结时限'),
    status: oneOf('办理状态', PROBLEM_STATUSES).default('未办结'),
    resolution: optText('办理情况及回复', { max: 2000 }),
    resolvedDate: optDate('办结日期'),
    note: optText('备注', { max: 1000 }),
  })
  .strict();

export const problemRecord = recordOf(problemCreate, {
  refNo: z.string(),
  personName: z.string().nullable(),
  agencyName: z.string().nullable(),
  townshipName: z.string().nullable(),
  /** 未办结 and past its due date (today not counted). */
  overdue: z.boolean(),
  /** Days past the due date while open; null otherwise. */
  daysOverdue: z.number().int().nullable(),
});

export const problemList = listInput(
  {
    kind: oneOf('类别', PROBLEM_KINDS).optional(),
    status: oneOf('办理状态', PROBLEM_STATUSES).optional(),
    overdue: bool('已逾期').optional(),
    townshipId: ref('乡镇（街道）').optional(),
    agencyId: ref('第三方机构').optional(),
    personId: ref('人员').optional(),
    /** Raised on or after / on or before these days. */
    from: date('提出日期起').optional(),
    to: date('提出日期止').optional(),
  },
  ['raisedDate', 'dueDate', 'refNo', 'kind', 'status'] as const,
);

export const problemDraftInput = z.object({ period: period() }).strict();
export const problemDraftOutput = z.object({
  period: z.string(),
  /** The draft of R2's 存在问题, for the clerk to edit before saving the progress table. */
  text: z.string(),
  /** Items the text names: open at the period's end, or raised or closed within the period. */
  items: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
});
