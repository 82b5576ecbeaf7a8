import { Typography } from 'antd';
import type { Column } from '../../lists/columns';
import { rate } from '../../format/display';
import { Clip } from '../../format/Clip';
import type { ProblemRecord, QualityCheckRecord } from './types';

export const qualityCheckColumns: Column<QualityCheckRecord>[] = [
  { key: 'period', title: '报告期', width: 96, sortField: 'period', render: (q) => q.period },
  { key: 'date', title: '核查日期', width: 108, sortField: 'checkDate', render: (q) => q.checkDate },
  { key: 'stage', title: '阶段', width: 86, render: (q) => q.stage },
  {
    key: 'category',
    title: '普查对象类别',
    width: 190,
    render: (q) => <Clip text={`${q.rowCode} ${q.categoryName}`} />,
  },
  { key: 'scope', title: '核查范围', width: 200, render: (q) => <Clip text={q.scopeText} /> },
  { key: 'checker', title: '核查人', width: 90, render: (q) => <Clip text={q.checker} /> },
  {
    key: 'sampled',
    title: '抽查数',
    width: 76,
    align: 'right',
    sortField: 'sampledCount',
    render: (q) => q.sampledCount,
  },
  { key: 'errors', title: '差错数', width: 76, align: 'right', render: (q) => q.errorCount },
  { key: 'corrected', title: '已改正', width: 76, align: 'right', render: (q) => q.correctedCount },
  {
    key: 'rate',
    title: '差错率',
    width: 90,
    align: 'right',
    sortField: 'errorRate',
    render: (q) => (
      <Typography.Text type={q.aboveThreshold ? 'danger' : undefined}>{rate(q.errorRate)}</Typography.Text>
    ),
  },
];

export const problemColumns: Column<ProblemRecord>[] = [
  { key: 'refNo', title: '编号', width: 110, sortField: 'refNo', render: (p) => p.refNo },
  { key: 'kind', title: '类别', width: 80, sortField: 'kind', render: (p) => p.kind },
  { key: 'raised', title: '提出日期', width: 100, sortField: 'raisedDate', render: (p) => p.raisedDate },
  { key: 'source', title: '来源', width: 110, render: (p) => <Clip text={p.source} /> },
  { key: 'subject', title: '涉及对象', width: 120, render: (p) => <Clip text={p.subject} /> },
  { key: 'content', title: '问题内容', width: 260, render: (p) => <Clip text={p.content} /> },
  { key: 'due', title: '办结时限', width: 100, sortField: 'dueDate', render: (p) => p.dueDate ?? '' },
  {
    key: 'status',
    title: '办理状态',
    width: 170,
    sortField: 'status',
    render: (p) =>
      p.overdue ? <Typography.Text type="danger">{`${p.status}（逾期${p.daysOverdue}天）`}</Typography.Text> : p.status,
  },
];
