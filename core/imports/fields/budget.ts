// Budget items (预算科目): category rows and item rows in one sheet, domain.md §5.
import { FUNDING_LEVELS } from '../../enums';
import type { ImportField } from '../types';
import { FUNDING_ALIASES } from './aliases';

export const budgetItemFields: readonly ImportField[] = [
  {
    key: 'category',
    label: '类别',
    type: 'ref',
    hint: '明细科目所属的类别名称；留空表示这一行本身是类别',
    synonyms: ['类别', '一级类别', '预算类别', '上级类别', '类别名称', '费用类别'],
  },
  {
    key: 'name',
    label: '科目名称',
    type: 'text',
    required: true,
    synonyms: ['科目名称', '明细科目', '预算科目', '项目', '科目', '支出项目'],
  },
  { key: 'year', label: '年度', type: 'int', synonyms: ['年度', '预算年度', '年份'] },
  { key: 'basis', label: '测算依据', type: 'text', synonyms: ['测算依据', '计算依据', '测算说明'] },
  { key: 'unitPrice', label: '单价', type: 'money', synonyms: ['单价', '标准'] },
  { key: 'quantity', label: '数量', type: 'number', synonyms: ['数量', '人数'] },
  { key: 'unit', label: '计量单位', type: 'text', synonyms: ['计量单位', '单位'] },
  { key: 'times', label: '次数/天数', type: 'number', synonyms: ['次数/天数', '次数', '天数', '月数'] },
  { key: 'amount', label: '预算金额', type: 'money', synonyms: ['预算金额', '金额', '预算数', '预算'] },
  {
    key: 'fundingLevel',
    label: '资金来源',
    type: 'enum',
    values: FUNDING_LEVELS,
    aliases: FUNDING_ALIASES,
    synonyms: ['资金来源', '来源'],
  },
  { key: 'approvalNo', label: '批复文号', type: 'text', synonyms: ['批复文号', '文号'] },
  { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
];
