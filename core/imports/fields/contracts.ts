// Agencies (第三方机构) and contracts with their performance nodes (合同及履约节点), domain.md §4.
// A contract sheet has one row per node; the contract's own columns are repeated, merged, or
// filled in on its first row only.
import { CONTRACT_STATUSES, PROCUREMENT_METHODS, SERVICE_KINDS } from '../../enums';
import type { ImportField } from '../types';
import { CONTRACT_STATUS_ALIASES, PROCUREMENT_ALIASES } from './aliases';

export const agencyFields: readonly ImportField[] = [
  {
    key: 'name',
    label: '机构名称',
    type: 'text',
    required: true,
    synonyms: ['机构名称', '单位名称', '名称', '第三方机构', '公司名称', '企业名称'],
  },
  {
    key: 'creditCode',
    label: '统一社会信用代码',
    type: 'code',
    required: true,
    synonyms: ['统一社会信用代码', '信用代码', '社会信用代码', '组织机构代码'],
  },
  { key: 'legalRep', label: '法定代表人', type: 'text', synonyms: ['法定代表人', '法人代表', '法人'] },
  { key: 'contactName', label: '联系人', type: 'text', synonyms: ['联系人'] },
  { key: 'phone', label: '联系电话', type: 'text', synonyms: ['联系电话', '电话', '联系方式', '手机'] },
  { key: 'address', label: '地址', type: 'text', synonyms: ['地址', '单位地址', '注册地址', '通讯地址'] },
  { key: 'bankName', label: '开户行', type: 'text', synonyms: ['开户行', '开户银行'] },
  { key: 'bankAccount', label: '银行账号', type: 'code', synonyms: ['银行账号', '账号', '开户账号'] },
  { key: 'qualification', label: '资质说明', type: 'text', synonyms: ['资质说明', '资质', '资质等级'] },
  { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
];

/** Node fields carry a `node.` prefix: they fill the node of the row, not the contract. */
export const contractFields: readonly ImportField[] = [
  { key: 'contractNo', label: '合同编号', type: 'text', required: true, synonyms: ['合同编号', '合同号'] },
  { key: 'name', label: '合同名称', type: 'text', required: true, synonyms: ['合同名称', '项目名称'] },
  {
    key: 'agency',
    label: '第三方机构',
    type: 'ref',
    required: true,
    hint: '按机构名称或统一社会信用代码匹配已有机构',
    synonyms: ['第三方机构', '机构名称', '服务机构', '承接单位', '乙方'],
  },
  {
    key: 'procurementMethod',
    label: '采购方式',
    type: 'enum',
    required: true,
    values: PROCUREMENT_METHODS,
    aliases: PROCUREMENT_ALIASES,
    synonyms: ['采购方式'],
  },
  {
    key: 'serviceKinds',
    label: '服务内容',
    type: 'list',
    required: true,
    values: SERVICE_KINDS,
    synonyms: ['服务内容', '服务类型', '服务类别'],
  },
  { key: 'amount', label: '合同金额', type: 'money', required: true, synonyms: ['合同金额', '金额', '合同价款'] },
  { key: 'signedDate', label: '签订日期', type: 'date', synonyms: ['签订日期', '签订时间', '合同签订日期'] },
  { key: 'serviceStart', label: '服务开始日期', type: 'date', synonyms: ['服务开始日期', '服务起始日期', '开始日期'] },
  { key: 'serviceEnd', label: '服务结束日期', type: 'date', synonyms: ['服务结束日期', '服务截止日期', '结束日期'] },
  { key: 'deposit', label: '履约保证金', type: 'money', synonyms: ['履约保证金', '保证金'] },
  { key: 'managerName', label: '项目负责人', type: 'text', synonyms: ['项目负责人', '负责人'] },
  {
    key: 'managerPhone',
    label: '项目负责人电话',
    type: 'text',
    synonyms: ['项目负责人电话', '负责人电话', '联系电话'],
  },
  { key: 'publishedDate', label: '公告日期', type: 'date', synonyms: ['公告日期', '公示日期'] },
  { key: 'filedDate', label: '备案日期', type: 'date', synonyms: ['备案日期'] },
  {
    key: 'budgetItem',
    label: '支付预算科目',
    type: 'ref',
    hint: '按明细科目名称匹配',
    synonyms: ['支付预算科目', '预算科目', '资金科目'],
  },
  {
    key: 'status',
    label: '合同状态',
    type: 'enum',
    values: CONTRACT_STATUSES,
    aliases: CONTRACT_STATUS_ALIASES,
    synonyms: ['合同状态', '状态'],
  },
  { key: 'note', label: '合同备注', type: 'text', synonyms: ['合同备注'] },
  { key: 'node.seq', label: '节点序号', type: 'int', synonyms: ['节点序号', '履约节点序号', '节点号'] },
  {
    key: 'node.workContent',
    label: '履约节点/工作内容',
    type: 'text',
    synonyms: ['履约节点', '工作内容', '履约节点/工作内容', '节点内容', '履约内容'],
  },
  { key: 'node.plannedDate', label: '计划完成日期', type: 'date', synonyms: ['计划完成日期', '计划完成时间'] },
  { key: 'node.actualDate', label: '实际完成日期', type: 'date', synonyms: ['实际完成日期', '实际完成时间'] },
  {
    key: 'node.qualityNote',
    label: '完成情况及质量',
    type: 'text',
    synonyms: ['完成情况及质量', '完成情况', '质量情况'],
  },
  {
    key: 'node.payableRatio',
    label: '应付比例',
    type: 'number',
    hint: '百分数，如 30 或 30%',
    synonyms: ['应付比例', '付款比例', '支付比例'],
  },
  { key: 'node.payableAmount', label: '应付金额', type: 'money', synonyms: ['应付金额', '应付款'] },
  { key: 'node.handlerName', label: '经办人', type: 'text', synonyms: ['经办人'] },
  { key: 'node.note', label: '备注', type: 'text', synonyms: ['备注', '节点备注'] },
];
