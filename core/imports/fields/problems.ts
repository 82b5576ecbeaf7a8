// The problem and 督办 ledger as clerks keep it in Excel (问题台账, 督办台账, 审核退回登记表), matched by
// its 编号 (docs/spec/quality-and-problems.md §6).
import { PROBLEM_KINDS, PROBLEM_STATUSES } from '../../schemas/problems';
import type { ImportField } from '../types';

const KIND_ALIASES: Record<string, string> = {
  审核: '审核退回',
  退回: '审核退回',
  审核问题: '审核退回',
  退回核实: '审核退回',
  问题: '发现问题',
  自查发现: '发现问题',
  通报: '上级通报',
  上级通报问题: '上级通报',
  督办: '督办件',
  督办事项: '督办件',
  交办件: '督办件',
};

const STATUS_ALIASES: Record<string, string> = {
  办结: '已办结',
  已完成: '已办结',
  完成: '已办结',
  已整改: '已办结',
  已回复: '已办结',
  未完成: '未办结',
  办理中: '未办结',
  整改中: '未办结',
  未整改: '未办结',
  未回复: '未办结',
};

export const problemFields: readonly ImportField[] = [
  {
    key: 'refNo',
    label: '编号',
    type: 'text',
    required: true,
    hint: '按编号匹配台账中已有的事项',
    synonyms: ['编号', '台账编号', '问题编号', '督办编号', '文号'],
  },
  {
    key: 'kind',
    label: '类别',
    type: 'enum',
    required: true,
    values: PROBLEM_KINDS,
    aliases: KIND_ALIASES,
    synonyms: ['类别', '问题类别', '事项类别', '类型'],
  },
  {
    key: 'raisedDate',
    label: '提出日期',
    type: 'date',
    required: true,
    synonyms: ['提出日期', '发现日期', '交办日期', '收文日期', '退回日期', '日期'],
  },
  { key: 'source', label: '来源', type: 'text', synonyms: ['来源', '问题来源', '交办单位', '来文单位'] },
  { key: 'raisedBy', label: '提出人', type: 'text', synonyms: ['提出人', '发现人', '交办人', '审核人'] },
  {
    key: 'subject',
    label: '涉及对象',
    type: 'text',
    required: true,
    synonyms: ['涉及对象', '责任对象', '涉及单位', '责任单位', '涉及人员', '对象'],
  },
  {
    key: 'content',
    label: '问题内容',
    type: 'text',
    required: true,
    synonyms: ['问题内容', '内容', '问题描述', '督办事项', '事项', '退回原因'],
  },
  {
    key: 'dueDate',
    label: '办结时限',
    type: 'date',
    synonyms: ['办结时限', '完成时限', '整改时限', '时限', '要求完成时间'],
  },
  {
    key: 'status',
    label: '办理状态',
    type: 'enum',
    values: PROBLEM_STATUSES,
    aliases: STATUS_ALIASES,
    synonyms: ['办理状态', '状态', '是否办结', '办结情况'],
  },
  {
    key: 'resolution',
    label: '办理情况及回复',
    type: 'text',
    synonyms: ['办理情况及回复', '办理情况', '整改情况', '回复情况', '处理结果', '回复内容'],
  },
  {
    key: 'resolvedDate',
    label: '办结日期',
    type: 'date',
    synonyms: ['办结日期', '完成日期', '整改完成日期', '回复日期'],
  },
  { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
];
