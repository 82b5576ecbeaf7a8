// Budget (普查经费), domain.md §5: a two-level tree of budget items, allocations (到位) and
// expenditures (支出). Pay runs (劳务报酬发放) are in ./budgetPayRuns.
import { z } from 'zod';
import { text, optText, date, money, optMoney, int, optInt, optDecimal, ref, optRef, oneOf, optOneOf } from './fields';
import { EXPENDITURE_KINDS, FUNDING_LEVELS } from '../enums';
import { listInput, recordOf } from '../api/define';

/** Allocations and expenditures of 0 mean nothing happened; refuse them at the door. */
export const positiveMoney = (label: string) =>
  money(label)
    .refine((v) => v !== 0, { message: `${label}应大于0` }) // negatives already have their message
    .meta({ title: label, kind: 'money' });

export { EXPENDITURE_KINDS };

export const budgetItemCreate = z
  .object({
    /** Empty for a category (一级类别); a category's id for an item (明细科目). */
    parentId: optRef('上级类别'),
    year: optInt('年度', 2000, 2100),
    name: text('科目名称', { max: 50 }),
    /** 测算依据, e.g. `200元/人·天×120人×30天`. */
    basis: optText('测算依据', { max: 500 }),
    unitPrice: optMoney('单价'),
    quantity: optDecimal('数量'),
    unit: optText('计量单位', { max: 20 }),
    times: optDecimal('次数/天数'),
    /** Left empty: 单价 × 数量 × 次数/天数 when those are filled in, else 0. */
    amount: optMoney('预算金额'),
    fundingLevel: optOneOf('资金来源', FUNDING_LEVELS),
    approvalNo: optText('批复文号', { max: 100 }),
    note: optText('备注'),
    /** Position among its siblings; after the last one when left empty. */
    sortOrder: optInt('排序号', 0, 1_000_000),
  })
  .strict();

/** Budget figures of an item, or the 小计 of a category (its own figures plus its items'). */
export const budgetFigures = {
  budget: z.number().int(),
  allocated: z.number().int(),
  spent: z.number().int(),
  balance: z.number().int(),
  /** 支出 / 预算 in percent, one decimal; null when the budget is 0. */
  executionRate: z.number().nullable(),
};
export const budgetItemRecord = recordOf(budgetItemCreate, {
  parentName: z.string().nullable(),
  isCategory: z.boolean(),
  itemCount: z.number().int(),
  ...budgetFigures,
  overspent: z.boolean(),
  underAllocated: z.boolean(),
});
export const budgetItemList = listInput(
  {
    parentId: ref('上级类别').optional(),
    isCategory: z.boolean().optional(),
    /** Where money is booked: an item, or a category without items. */
    bookable: z.boolean().optional(),
    year: int('年度', 2000, 2100).optional(),
    fundingLevel: oneOf('资金来源', FUNDING_LEVELS).optional(),
    /** 支出超过预算. */
    overspent: z.boolean().optional(),
    /** 到位少于支出. */
    underAllocated: z.boolean().optional(),
  },
  ['sortOrder', 'name', 'amount', 'budget', 'spent', 'executionRate'] as const,
);

const categoryNode = budgetItemRecord.and(z.object({ items: z.array(budgetItemRecord) }));
export const budgetTree = z.object({
  categories: z.array(categoryNode),
  /** 合计 over every category. */
  total: z.object(budgetFigures),
});

export const allocationCreate = z
  .object({
    budgetItemId: ref('预算科目'),
    date: date('到位日期'),
    amount: positiveMoney('到位金额'),
    source: optOneOf('资金来源', FUNDING_LEVELS),
    docNo: optText('文号', { max: 100 }),
    note: optText('备注'),
  })
  .strict();
export const allocationRecord = recordOf(allocationCreate, {
  budgetItemName: z.string(),
  categoryId: z.number().int(),
  categoryName: z.string(),
});
export const allocationList = listInput(
  {
    budgetItemId: ref('预算科目').optional(),
    /** A category and all its items. */
    categoryId: ref('类别').optional(),
    source: oneOf('资金来源', FUNDING_LEVELS).optional(),
    dateFrom: date('起始日期').optional(),
    dateTo: date('截止日期').optional(),
  },
  ['date', 'amount'] as const,
);

/** Contract payments and pay-run totals are expenditures too, but they are written from their own side. */
export const expenditureCreate = z
  .object({
    budgetItemId: ref('预算科目'),
    date: date('支出日期'),
    amount: positiveMoney('支出金额'),
    summary: text('摘要', { max: 200 }),
    payee: optText('收款单位（人）', { max: 100 }),
    voucherNo: optText('凭证号', { max: 50 }),
    /** 培训经费: the training session this pays for. */
    trainingId: optRef('培训班'),
    note: optText('备注'),
  })
  .strict();
export const expenditureRecord = recordOf(expenditureCreate, {
  contractNodeId: z.number().int().nullable(),
  payRunId: z.number().int().nullable(),
  kind: z.enum(EXPENDITURE_KINDS),
  budgetItemName: z.string(),
  categoryId: z.number().int(),
  categoryName: z.string(),
  contractId: z.number().int().nullable(),
  contractNo: z.string().nullable(),
  contractName: z.string().nullable(),
  nodeSeq: z.number().int().nullable(),
  nodeWorkContent: z.string().nullable(),
  payRunTitle: z.string().nullable(),
  payRunPeriod: z.string().nullable(),
});
export const expenditureList = listInput(
  {
    budgetItemId: ref('预算科目').optional(),
    categoryId: ref('类别').optional(),
    kind: oneOf('支出类型', EXPENDITURE_KINDS).optional(),
    contractId: ref('合同').optional(),
    contractNodeId: ref('履约节点').optional(),
    payRunId: ref('劳务报酬发放表').optional(),
    trainingId: ref('培训班').optional(),
    dateFrom: date('起始日期').optional(),
    dateTo: date('截止日期').optional(),
  },
  ['date', 'amount', 'voucherNo'] as const,
);
