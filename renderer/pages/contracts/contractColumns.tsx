import { Pill } from '../../format/Pill';
import type { AgencyRecord, ContractRecord } from '../../api/types';
import type { Column } from '../../lists/columns';
import { codeColumn } from '../../lists/codeColumn';
import { StatusTag } from '../../format/StatusTag';
import { yuan } from '../../format/display';
import { Clip } from '../../format/Clip';

export const contractColumns: Column<ContractRecord>[] = [
  codeColumn('contractNo', '合同编号', 130),
  { key: 'name', title: '合同名称', width: 220, sortField: 'name', render: (c) => <Clip text={c.name} /> },
  // Next to the name: at 1366 px the dates are off to the right, and 状态 is what a clerk reads first.
  {
    key: 'status',
    title: '状态',
    width: 150,
    sortField: 'status',
    render: (c) => (
      <>
        <StatusTag value={c.status} />
        {(c.publishOverdue || c.fileOverdue) && <Pill color="orange">{c.publishOverdue ? '未公告' : '未备案'}</Pill>}
      </>
    ),
  },
  { key: 'agency', title: '第三方机构', width: 180, render: (c) => <Clip text={c.agencyName} /> },
  {
    key: 'amount',
    title: '合同金额（元）',
    width: 130,
    align: 'right',
    sortField: 'amount',
    render: (c) => yuan(c.amount),
  },
  {
    key: 'paid',
    title: '已付（元）',
    width: 120,
    align: 'right',
    sortField: 'paidAmount',
    render: (c) => yuan(c.paidAmount),
  },
  {
    key: 'nodes',
    title: '履约节点',
    width: 120,
    render: (c) => (
      <>
        {c.nodesDone}/{c.nodeCount}
        {c.overdueNodes > 0 && <Pill color="red">逾期{c.overdueNodes}</Pill>}
      </>
    ),
  },
  { key: 'signed', title: '签订日期', width: 108, sortField: 'signedDate', render: (c) => c.signedDate ?? '' },
  { key: 'end', title: '服务截止', width: 108, sortField: 'serviceEnd', render: (c) => c.serviceEnd ?? '' },
];

export const agencyColumns: Column<AgencyRecord>[] = [
  { key: 'name', title: '机构名称', width: 240, sortField: 'name', render: (a) => <Clip text={a.name} /> },
  codeColumn('creditCode', '统一社会信用代码', 190),
  { key: 'contact', title: '联系人', width: 100, render: (a) => a.contactName ?? '' },
  { key: 'phone', title: '电话', width: 130, render: (a) => a.phone ?? '' },
  { key: 'count', title: '合同数', width: 80, align: 'right', render: (a) => a.contractCount },
  {
    key: 'amount',
    title: '合同金额（元）',
    width: 140,
    align: 'right',
    sortField: 'contractAmount',
    render: (a) => yuan(a.contractAmount),
  },
];
