// Third-party agencies (第三方机构), their contracts (合同), performance nodes (履约节点) and
// acceptances (验收), domain.md §4. Payments on nodes are expenditures (see ./budget).
import { z } from 'zod';
import {
  text,
  optText,
  optCode,
  creditCode,
  optPhone,
  date,
  optDate,
  money,
  optMoney,
  optInt,
  optDecimal,
  ref,
  optRef,
  bool,
  oneOf,
  listOf,
} from './fields';
import { ACCEPTANCE_CONCLUSIONS, CONTRACT_STATUSES, PROCUREMENT_METHODS, SERVICE_KINDS } from '../enums';
import { listInput, recordOf } from '../api/define';
import { expenditureRecord, positiveMoney } from './budget';

export const agencyCreate = z
  .object({
    name: text('机构名称', { max: 100 }),
    creditCode: creditCode('统一社会信用代码'),
    legalRep: optText('法定代表人', { max: 50 }),
    contactName: optText('联系人', { max: 50 }),
    phone: optPhone('联系电话'),
    address: optText('地址', { max: 200 }),
    bankName: optText('开户行', { max: 100 }),
    bankAccount: optCode('银行账号', /^\d[\d-]{5,39}$/, '6至40位数字'),
    qualification: optText('资质说明', { max: 1000 }),
    note: optText('备注'),
  })
  .strict();
export const agencyRecord = recordOf(agencyCreate, {
  contractCount: z.number().int(),
  contractAmount: z.number().int(),
});
export const agencyList = listInput({}, ['name', 'creditCode', 'contractAmount'] as const);

export const contractCreate = z
  .object({
    contractNo: text('合同编号', { max: 50 }),
    name: text('合同名称', { max: 100 }),
    agencyId: ref('第三方机构'),
    procurementMethod: oneOf('采购方式', PROCUREMENT_METHODS),
    serviceKinds: listOf('服务内容', oneOf('服务内容', SERVICE_KINDS), 1),
    amount: money('合同金额'),
    signedDate: optDate('签订日期'),
    serviceStart: optDate('服务开始日期'),
    serviceEnd: optDate('服务结束日期'),
    deposit: optMoney('履约保证金'),
    managerName: optText('项目负责人', { max: 50 }),
    managerPhone: optPhone('项目负责人电话'),
    publishedDate: optDate('公告日期'),
    filedDate: optDate('备案日期'),
    budgetItemId: optRef('支付预算科目'),
    status: oneOf('合同状态', CONTRACT_STATUSES).default('履行中'),
    /** People with the role 第三方机构人员 the agency put on the job. */
    staffIds: listOf('派驻人员', ref('派驻人员')).default([]),
    note: optText('备注'),
  })
  .strict();
export const contractRecord = recordOf(contractCreate, {
  agencyName: z.string(),
  agencyCreditCode: z.string(),
  budgetItemName: z.string().nullable(),
  paidAmount: z.number().int(),
  /** Negative when more was paid than the contract amount. */
  unpaidAmount: z.number().int(),
  nodeCount: z.number().int(),
  nodesDone: z.number().int(),
  overdueNodes: z.number().int(),
  /** Conclusion of the latest acceptance, null before any. */
  acceptance: z.enum(ACCEPTANCE_CONCLUSIONS).nullable(),
  acceptedDate: z.string().nullable(),
  /** The last day for 公告 / 备案: 2 / 7 working days after signing (core/workdays.ts); null unsigned. */
  publishDue: z.string().nullable(),
  fileDue: z.string().nullable(),
  /** Set when those days reach a year the holiday calendar does not hold (counted Monday to Friday). */
  deadlineNote: z.string().nullable(),
  publishOverdue: z.boolean(),
  fileOverdue: z.boolean(),
  overpaid: z.boolean(),
  endedWithoutAcceptance: z.boolean(),
});
const optFlag = (label: string) => bool(label).optional();
export const contractList = listInput(
  {
    agencyId: ref('第三方机构').optional(),
    status: oneOf('合同状态', CONTRACT_STATUSES).optional(),
    serviceKind: oneOf('服务内容', SERVICE_KINDS).optional(),
    budgetItemId: ref('支付预算科目').optional(),
    /** Has nodes past their planned date and not done. */
    overdue: optFlag('有逾期节点'),
    /** Service period over, still 履行中. */
    endedWithoutAcceptance: optFlag('到期未验收'),
    overpaid: optFlag('付款超过合同金额'),
    /** Past the 2nd working day after signing, no 公告日期. */
    notPublished: optFlag('签订后未公告'),
    /** Past the 7th working day after signing, no 备案日期. */
    notFiled: optFlag('签订后未备案'),
  },
  ['contractNo', 'name', 'signedDate', 'serviceEnd', 'amount', 'paidAmount', 'status'] as const,
);

export const contractNodeCreate = z
  .object({
    contractId: ref('所属合同'),
    /** Next number in the contract when left empty. */
    seq: optInt('序号', 1, 999),
    workContent: text('履约节点/工作内容', { max: 200 }),
    plannedDate: optDate('计划完成日期'),
    actualDate: optDate('实际完成日期'),
    qualityNote: optText('完成情况及质量', { max: 1000 }),
    /** Percent of the contract amount; the payable amount follows from it when left empty. */
    payableRatio: optDecimal('应付比例', 0, 100),
    payableAmount: optMoney('应付金额'),
    handlerName: optText('经办人', { max: 50 }),
    note: optText('备注'),
  })
  .strict();
export const contractNodeRecord = recordOf(contractNodeCreate, {
  contractNo: z.string(),
  contractName: z.string(),
  paidAmount: z.number().int(),
  paidDate: z.string().nullable(),
  paymentCount: z.number().int(),
  voucherNos: z.string().nullable(),
  done: z.boolean(),
  overdue: z.boolean(),
});
export const contractNodeList = listInput(
  {
    contractId: ref('所属合同').optional(),
    overdue: optFlag('逾期'),
    done: optFlag('已完成'),
  },
  ['seq', 'plannedDate', 'actualDate'] as const,
);

export const acceptanceCreate = z
  .object({
    contractId: ref('所属合同'),
    acceptedDate: date('验收日期'),
    method: optText('验收方式', { max: 50 }),
    members: optText('验收组成员', { max: 500 }),
    conclusion: oneOf('验收结论', ACCEPTANCE_CONCLUSIONS),
    issues: optText('问题与整改', { max: 2000 }),
    certificateNo: optText('验收书编号', { max: 50 }),
    note: optText('备注'),
  })
  .strict();
export const acceptanceRecord = recordOf(acceptanceCreate, {
  contractNo: z.string(),
  contractName: z.string(),
  agencyName: z.string(),
});
export const acceptanceList = listInput(
  {
    contractId: ref('所属合同').optional(),
    conclusion: oneOf('验收结论', ACCEPTANCE_CONCLUSIONS).optional(),
  },
  ['acceptedDate'] as const,
);

/** A payment on a node: recorded once, as an expenditure of the contract's budget item. */
export const paymentRecord = z
  .object({
    nodeId: ref('履约节点'),
    date: date('付款日期'),
    amount: positiveMoney('实付金额'),
    voucherNo: optText('凭证号', { max: 50 }),
    handlerName: optText('经办人', { max: 50 }),
    /** Defaults to “支付合同款：<contract>（<node>）”. */
    summary: optText('摘要', { max: 200 }),
    /** Defaults to the agency's name. */
    payee: optText('收款单位', { max: 100 }),
    /** Payments that take the total above the contract amount are refused unless this is set. */
    allowOverpay: bool('允许超额支付').default(false),
    note: optText('备注'),
  })
  .strict();
export const paymentUpdate = z
  .object({
    id: ref('付款记录'),
    date: date('付款日期').optional(),
    amount: positiveMoney('实付金额').optional(),
    voucherNo: optText('凭证号', { max: 50 }).optional(),
    summary: text('摘要', { max: 200 }).optional(),
    payee: optText('收款单位', { max: 100 }).optional(),
    allowOverpay: bool('允许超额支付').default(false),
    note: optText('备注').optional(),
  })
  .strict();
export const paymentResult = z.object({ expenditure: expenditureRecord, node: contractNodeRecord });

/** Everything the contract page and the 合同跟踪表 show, in one call. */
export const contractDetail = z.object({
  contract: contractRecord,
  agency: agencyRecord,
  nodes: z.array(contractNodeRecord),
  acceptances: z.array(acceptanceRecord),
  payments: z.array(expenditureRecord),
});
