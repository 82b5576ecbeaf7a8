import { Pill } from '../../format/Pill';
import type { AllocationRecord, BudgetItemRecord, ExpenditureRecord, PayRunRow } from '../../api/types';
import type { Column } from '../../lists/columns';
import { StatusTag } from '../../format/StatusTag';
import { rate, yuan } from '../../format/display';

export const budgetItemColumns: Column<BudgetItemRecord>[] = [
  {
    key: 'name',
    title: '科目',
    width: 200,
    sortField: 'name',
    render: (b) => (b.parentName ? `${b.parentName} / ${b.name}` : b.name),
  },
  {
    key: 'budget',
    title: '预算（元）',
    width: 130,
    align: 'right',
    sortField: 'budget',
    render: (b) => yuan(b.budget),
  },
  { key: 'allocated', title: '到位（元）', width: 130, align: 'right', render: (b) => yuan(b.allocated) },
  { key: 'spent', title: '支出（元）', width: 130, align: 'right', sortField: 'spent', render: (b) => yuan(b.spent) },
  { key: 'balance', title: '结余（元）', width: 130, align: 'right', render: (b) => yuan(b.balance) },
  {
    key: 'rate',
    title: '执行率',
    width: 90,
    align: 'right',
    sortField: 'executionRate',
    render: (b) => rate(b.executionRate),
  },
  {
    key: 'flags',
    title: '提示',
    width: 170,
    render: (b) => (
      <>
        {b.overspent && <Pill color="red">支出超预算</Pill>}
        {b.underAllocated && <Pill color="orange">到位少于支出</Pill>}
      </>
    ),
  },
];

export const allocationColumns: Column<AllocationRecord>[] = [
  { key: 'date', title: '到位日期', width: 110, sortField: 'date', render: (a) => a.date },
  { key: 'item', title: '预算科目', width: 200, render: (a) => `${a.categoryName} / ${a.budgetItemName}` },
  {
    key: 'amount',
    title: '金额（元）',
    width: 130,
    align: 'right',
    sortField: 'amount',
    render: (a) => yuan(a.amount),
  },
  { key: 'source', title: '资金来源', width: 90, render: (a) => a.source ?? '' },
  { key: 'docNo', title: '文号', width: 180, render: (a) => a.docNo ?? '' },
  { key: 'note', title: '备注', width: 200, render: (a) => a.note ?? '' },
];

export const expenditureColumns: Column<ExpenditureRecord>[] = [
  { key: 'date', title: '支出日期', width: 110, sortField: 'date', render: (e) => e.date },
  { key: 'item', title: '预算科目', width: 190, render: (e) => `${e.categoryName} / ${e.budgetItemName}` },
  {
    key: 'amount',
    title: '金额（元）',
    width: 130,
    align: 'right',
    sortField: 'amount',
    render: (e) => yuan(e.amount),
  },
  { key: 'summary', title: '摘要', width: 260, render: (e) => e.summary },
  { key: 'payee', title: '收款单位（人）', width: 170, render: (e) => e.payee ?? '' },
  { key: 'voucher', title: '凭证号', width: 100, sortField: 'voucherNo', render: (e) => e.voucherNo ?? '' },
  { key: 'kind', title: '类型', width: 90, render: (e) => <Pill>{e.kind}</Pill> },
];

export const payRunColumns: Column<PayRunRow>[] = [
  { key: 'period', title: '发放期间', width: 100, sortField: 'period', render: (r) => r.period },
  { key: 'title', title: '发放表名称', width: 240, sortField: 'title', render: (r) => r.title },
  { key: 'item', title: '预算科目', width: 170, render: (r) => r.budgetItemName },
  { key: 'lines', title: '人数', width: 70, align: 'right', render: (r) => r.lineCount },
  {
    key: 'total',
    title: '金额（元）',
    width: 130,
    align: 'right',
    sortField: 'totalAmount',
    render: (r) => yuan(r.totalAmount),
  },
  { key: 'status', title: '状态', width: 80, render: (r) => <StatusTag value={r.status} /> },
  { key: 'paid', title: '发放日期', width: 110, sortField: 'paidDate', render: (r) => r.paidDate ?? '' },
];
