import {
  acceptanceCreate,
  agencyCreate,
  contractCreate,
  contractNodeCreate,
  paymentRecord,
} from '../../../core/schemas/contracts';
import { ACCEPTANCE_CONCLUSIONS, CONTRACT_STATUSES, PROCUREMENT_METHODS, SERVICE_KINDS } from '../../../core/enums';
import { FILE_WITHIN_WORKDAYS, PUBLISH_WITHIN_WORKDAYS, WORKDAY_RULE } from '../../../core/deadlines';
import type { FormSpec } from '../../forms/fieldSpec';

export const agencyForm: FormSpec = {
  schema: agencyCreate,
  items: [
    { name: 'name', span: 14 },
    { name: 'creditCode', span: 10, placeholder: '18位，如 91350100M000100Y43' },
    { name: 'legalRep', span: 8 },
    { name: 'contactName', span: 8 },
    { name: 'phone', span: 8 },
    { name: 'address', span: 24 },
    { name: 'bankName', span: 12 },
    { name: 'bankAccount', span: 12 },
    { name: 'qualification', span: 24, widget: 'textarea' },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

export const contractForm: FormSpec = {
  schema: contractCreate,
  items: [
    { section: '合同' },
    { name: 'contractNo', span: 8 },
    { name: 'name', span: 16 },
    { name: 'agencyId', span: 12, ref: 'agency' },
    { name: 'procurementMethod', span: 12, options: PROCUREMENT_METHODS },
    { name: 'serviceKinds', span: 24, options: SERVICE_KINDS },
    { name: 'amount', span: 8 },
    { name: 'deposit', span: 8 },
    { name: 'status', span: 8, options: CONTRACT_STATUSES },
    { name: 'signedDate', span: 8 },
    { name: 'serviceStart', span: 8 },
    { name: 'serviceEnd', span: 8 },
    { name: 'budgetItemId', span: 24, ref: 'budgetItem', help: '履约节点的付款将同时记为该预算科目的支出' },
    {
      section: `公告与备案（政府采购合同一般应在签订后${PUBLISH_WITHIN_WORKDAYS}个工作日内公告、${FILE_WITHIN_WORKDAYS}个工作日内备案；${WORKDAY_RULE}）`,
    },
    { name: 'publishedDate', span: 12 },
    { name: 'filedDate', span: 12 },
    { section: '项目负责人与派驻人员' },
    { name: 'managerName', span: 12 },
    { name: 'managerPhone', span: 12 },
    { name: 'staffIds', span: 24, ref: 'person', refFilters: () => ({ role: '第三方机构人员' }) },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

export const nodeForm: FormSpec = {
  schema: contractNodeCreate,
  items: [
    { name: 'contractId', hidden: true },
    { name: 'seq', span: 6, placeholder: '留空自动编号' },
    { name: 'workContent', span: 18 },
    { name: 'plannedDate', span: 12 },
    { name: 'actualDate', span: 12, help: '填写后节点视为已完成' },
    { name: 'payableRatio', span: 12, help: '占合同金额的百分比' },
    { name: 'payableAmount', span: 12, placeholder: '留空按比例计算' },
    { name: 'qualityNote', span: 24, widget: 'textarea' },
    { name: 'handlerName', span: 12 },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

export const acceptanceForm: FormSpec = {
  schema: acceptanceCreate,
  items: [
    { name: 'contractId', hidden: true },
    { name: 'acceptedDate', span: 8 },
    { name: 'conclusion', span: 8, options: ACCEPTANCE_CONCLUSIONS },
    { name: 'certificateNo', span: 8 },
    { name: 'method', span: 24, placeholder: '如 会议评审、现场核查' },
    { name: 'members', span: 24, widget: 'textarea' },
    { name: 'issues', span: 24, widget: 'textarea' },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};

export const paymentForm: FormSpec = {
  schema: paymentRecord,
  items: [
    { name: 'nodeId', hidden: true },
    { name: 'date', span: 12 },
    { name: 'amount', span: 12 },
    { name: 'voucherNo', span: 12 },
    { name: 'handlerName', span: 12 },
    { name: 'summary', span: 24, placeholder: '留空为“支付合同款：合同名称（节点）”' },
    { name: 'payee', span: 24, placeholder: '留空为第三方机构名称' },
    { name: 'allowOverpay', span: 24, help: '付款合计超过合同金额时须勾选，工作台会列出此类合同' },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};
