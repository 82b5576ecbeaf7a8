import { allocationCreate, budgetItemCreate, expenditureCreate } from '../../../core/schemas/budget';
import { payRunPost } from '../../../core/schemas/budgetPayRuns';
import { FUNDING_LEVELS } from '../../../core/enums';
import type { FormSpec } from '../../forms/fieldSpec';

export const budgetItemForm: FormSpec = {
  schema: budgetItemCreate,
  items: [
    { name: 'parentId', span: 12, ref: 'budgetItem', refFilters: () => ({ isCategory: true }), help: '留空为一级类别' },
    { name: 'name', span: 12 },
    { name: 'year', span: 8 },
    { name: 'fundingLevel', span: 8, options: FUNDING_LEVELS },
    { name: 'approvalNo', span: 8 },
    { section: '测算依据（单价 × 数量 × 次数/天数）' },
    { name: 'basis', span: 24, placeholder: '如 200元/人·天×120人×30天' },
    { name: 'unitPrice', span: 6 },
    { name: 'quantity', span: 6 },
    { name: 'unit', span: 6, placeholder: '人、台、期…' },
    { name: 'times', span: 6 },
    { name: 'amount', span: 12, help: '留空则按单价×数量×次数/天数计算；有明细科目的类别为小计，不填' },
    { name: 'sortOrder', span: 12 },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
  // A line at 0 without figures (the built-in lines) has no amount yet: shown empty, so 单价 × 数量 apply.
  fromRecord: (v) => (v.amount === 0 && v.unitPrice == null && v.quantity == null ? { ...v, amount: null } : v),
};

/** Items, and categories without items (such as 培训费): where money is booked. */
export const bookable = () => ({ bookable: true });

export const allocationForm: FormSpec = {
  schema: allocationCreate,
  items: [
    { name: 'budgetItemId', span: 24, ref: 'budgetItem', refFilters: bookable },
    { name: 'date', span: 12 },
    { name: 'amount', span: 12 },
    { name: 'source', span: 12, options: FUNDING_LEVELS },
    { name: 'docNo', span: 12 },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

export const expenditureForm: FormSpec = {
  schema: expenditureCreate,
  items: [
    { name: 'budgetItemId', span: 24, ref: 'budgetItem', refFilters: bookable },
    { name: 'date', span: 12 },
    { name: 'amount', span: 12 },
    { name: 'summary', span: 24 },
    { name: 'payee', span: 12 },
    { name: 'voucherNo', span: 12 },
    { name: 'trainingId', span: 24, ref: 'training', help: '培训经费：选择所支付的培训班' },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

export const payRunPostForm: FormSpec = {
  schema: payRunPost.omit({ id: true }),
  items: [
    { name: 'paidDate', span: 12 },
    { name: 'voucherNo', span: 12 },
    { name: 'summary', span: 24, placeholder: '留空为“发放表名称（期间）”' },
  ],
};
