import type { EntityDef } from '../entity';

const flag = (column: string) => (v: unknown) => ({ sql: `${column} = ?`, params: [v ? 1 : 0] });
const from = (column: string) => (v: unknown) => ({ sql: `${column} >= ?`, params: [v] });
const upTo = (column: string) => (v: unknown) => ({ sql: `${column} <= ?`, params: [v] });

export const budgetItemDef: EntityDef = {
  name: 'budgetItem',
  label: '预算科目',
  table: 'budget_items',
  view: 'budget_items_view',
  bools: ['isCategory', 'overspent', 'underAllocated'],
  search: { contains: ['name', 'basis', 'approval_no'] },
  filters: {
    parentId: 'parent_id',
    isCategory: flag('is_category'),
    // A leaf money is booked on: an item, or a category without items (backend/areas/budget/rules.ts).
    bookable: flag('(item_count = 0)'),
    year: 'year',
    fundingLevel: 'funding_level',
    overspent: flag('overspent'),
    underAllocated: flag('under_allocated'),
  },
  sortable: {
    sortOrder: 'category_sort, category_id, is_category DESC, sort_order',
    name: 'name',
    amount: 'amount',
    budget: 'budget',
    spent: 'spent',
    executionRate: 'execution_rate',
  },
  // Tree order: each category followed by its items.
  defaultSort: 'category_sort, category_id, is_category DESC, sort_order, id',
};

export const allocationDef: EntityDef = {
  name: 'allocation',
  label: '经费到位',
  table: 'budget_allocations',
  view: 'budget_allocations_view',
  search: { contains: ['doc_no', 'budget_item_name', 'note'] },
  filters: {
    budgetItemId: 'budget_item_id',
    categoryId: 'category_id',
    source: 'source',
    dateFrom: from('date'),
    dateTo: upTo('date'),
  },
  sortable: { date: 'date', amount: 'amount' },
  defaultSort: 'date DESC, id DESC',
};

export const expenditureDef: EntityDef = {
  name: 'expenditure',
  label: '支出',
  table: 'expenditures',
  view: 'expenditures_view',
  search: { contains: ['summary', 'payee', 'budget_item_name'], prefix: ['voucher_no'] },
  filters: {
    budgetItemId: 'budget_item_id',
    categoryId: 'category_id',
    kind: 'kind',
    contractId: 'contract_id',
    contractNodeId: 'contract_node_id',
    payRunId: 'pay_run_id',
    trainingId: 'training_id',
    dateFrom: from('date'),
    dateTo: upTo('date'),
  },
  sortable: { date: 'date', amount: 'amount', voucherNo: 'voucher_no' },
  defaultSort: 'date DESC, id DESC',
};

export const payRunDef: EntityDef = {
  name: 'payRun',
  label: '劳务报酬发放表',
  table: 'pay_runs',
  view: 'pay_runs_view',
  search: { contains: ['title'], prefix: ['period'] },
  filters: { status: 'status', budgetItemId: 'budget_item_id', period: 'period' },
  sortable: { period: 'period', title: 'title', totalAmount: 'total_amount', paidDate: 'paid_date' },
  defaultSort: 'period DESC, id DESC',
};
