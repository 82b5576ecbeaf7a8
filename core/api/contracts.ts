import { z } from 'zod';
import { crud, method } from './define';
import { idInput } from '../schemas/fields';
import * as s from '../schemas/contracts';

export const contractsApi = {
  ...crud('agency', '第三方机构', { create: s.agencyCreate, record: s.agencyRecord, list: s.agencyList }),
  ...crud('contract', '合同', { create: s.contractCreate, record: s.contractRecord, list: s.contractList }),
  ...crud('contractNode', '履约节点', {
    create: s.contractNodeCreate,
    record: s.contractNodeRecord,
    list: s.contractNodeList,
  }),
  ...crud('acceptance', '验收记录', { create: s.acceptanceCreate, record: s.acceptanceRecord, list: s.acceptanceList }),
  'contract.detail': method({
    input: idInput,
    output: s.contractDetail,
    access: 'read',
    effect: 'none',
    summary: '查看合同履约跟踪情况（合同、机构、履约节点、付款、验收）',
  }),
  'contract.recordPayment': method({
    input: s.paymentRecord,
    output: s.paymentResult,
    access: 'write',
    effect: 'write',
    summary: '登记履约节点付款（同时记为预算科目支出）',
  }),
  'contract.updatePayment': method({
    input: s.paymentUpdate,
    output: s.paymentResult,
    access: 'write',
    effect: 'write',
    summary: '修改履约节点付款',
  }),
  'contract.deletePayment': method({
    input: idInput,
    output: z.object({ id: z.number().int() }),
    access: 'write',
    effect: 'write',
    summary: '删除履约节点付款',
  }),
};
