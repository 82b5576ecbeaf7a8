// Pay runs (劳务报酬发放), domain.md §5 and reports.md R6: people paid for days or pieces at a
// rate; the run's total is posted as one expenditure.
import { z } from 'zod';
import { text, optText, code, date, decimal, optMoney, ref, listOf } from './fields';
import { listInput } from '../api/define';

import { PAY_RUN_STATUSES } from '../enums';
export { PAY_RUN_STATUSES };

/** 天数/件数: half days are common, finer fractions are typing errors. */
const quantity = decimal('天数/件数', 0, 10_000)
  .refine((v) => v > 0, { message: '天数/件数应大于0' })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: '天数/件数最多两位小数' })
  .meta({ title: '天数/件数', kind: 'number' });

/**
 * A line's amount in 分: quantity × rate, rounded half up to the 分. The one place it is computed;
 * quantity has at most two decimals, so the product is done in integers.
 */
export function payLineAmount(quantity: number, rate: number): number {
  const hundredths = Math.round(quantity * 100);
  return Math.floor((hundredths * rate + 50) / 100);
}

export const payRunLineInput = z
  .object({
    personId: ref('人员'),
    quantity,
    /** 标准 in 分 per day or piece; the person's 劳务报酬标准 when left empty. */
    rate: optMoney('标准'),
    note: optText('备注', { max: 200 }),
  })
  .strict();

export const payRunCreate = z
  .object({
    period: code('发放期间', /^\d{4}-(0[1-9]|1[0-2])$/, '年-月，如 2018-06'),
    title: text('发放表名称', { max: 100 }),
    budgetItemId: ref('预算科目'),
    lines: listOf('发放明细', payRunLineInput, 1),
    note: optText('备注'),
  })
  .strict();
export const payRunUpdate = payRunCreate
  .partial()
  .extend({ id: ref('记录编号') })
  .strict();

export const payRunLineRecord = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  personCode: z.string().nullable(),
  roles: z.array(z.string()),
  /** Raw: the bank needs it; masking is the caller's concern. */
  idNumber: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  quantity: z.number(),
  rate: z.number().int(),
  amount: z.number().int(),
  note: z.string().nullable(),
});

/** A pay run as lists show it. */
export const payRunRow = z
  .object({
    id: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    period: z.string(),
    title: z.string(),
    budgetItemId: z.number().int(),
    budgetItemName: z.string(),
    status: z.enum(PAY_RUN_STATUSES),
    paidDate: z.string().nullable(),
    note: z.string().nullable(),
    lineCount: z.number().int(),
    totalQuantity: z.number(),
    totalAmount: z.number().int(),
    /** The expenditure the run was posted as, once 已发放. */
    expenditureId: z.number().int().nullable(),
    voucherNo: z.string().nullable(),
  })
  .loose();
/** A pay run with its lines, for the 劳务报酬发放表. */
export const payRunRecord = payRunRow.extend({ lines: z.array(payRunLineRecord) });

export const payRunList = listInput(
  {
    status: z
      .enum(PAY_RUN_STATUSES, { error: () => `发放状态应为以下之一：${PAY_RUN_STATUSES.join('、')}` })
      .optional(),
    budgetItemId: ref('预算科目').optional(),
    period: code('发放期间', /^\d{4}-(0[1-9]|1[0-2])$/, '年-月，如 2018-06').optional(),
  },
  ['period', 'title', 'totalAmount', 'paidDate'] as const,
);

export const payRunPost = z
  .object({
    id: ref('劳务报酬发放表'),
    paidDate: date('发放日期'),
    voucherNo: optText('凭证号', { max: 50 }),
    /** Defaults to “<title>（<period>）”. */
    summary: optText('摘要', { max: 200 }),
  })
  .strict();
