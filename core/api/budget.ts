import { z } from 'zod';
import { crud, listOutput, method } from './define';
import { idInput } from '../schemas/fields';
import * as s from '../schemas/budget';
import * as p from '../schemas/budgetPayRuns';
import { payRunCandidatesInput, payRunCandidatesOutput } from '../schemas/payRunGroups';

export const budgetApi = {
  ...crud('budgetItem', '预算科目', { create: s.budgetItemCreate, record: s.budgetItemRecord, list: s.budgetItemList }),
  ...crud('allocation', '经费到位', { create: s.allocationCreate, record: s.allocationRecord, list: s.allocationList }),
  ...crud('expenditure', '支出', { create: s.expenditureCreate, record: s.expenditureRecord, list: s.expenditureList }),
  'budget.tree': method({
    input: z.object({}).strict(),
    output: s.budgetTree,
    access: 'read',
    effect: 'none',
    summary: '经费预算及执行情况（类别、明细科目、小计与合计）',
  }),
  'payRun.create': method({
    input: p.payRunCreate,
    output: p.payRunRecord,
    access: 'write',
    effect: 'write',
    summary: '新增劳务报酬发放表',
  }),
  'payRun.get': method({
    input: idInput,
    output: p.payRunRecord,
    access: 'read',
    effect: 'none',
    summary: '查看劳务报酬发放表',
  }),
  'payRun.update': method({
    input: p.payRunUpdate,
    output: p.payRunRecord,
    access: 'write',
    effect: 'write',
    summary: '修改劳务报酬发放表',
  }),
  'payRun.list': method({
    input: p.payRunList,
    output: listOutput(p.payRunRow),
    access: 'read',
    effect: 'none',
    summary: '劳务报酬发放表列表',
  }),
  'payRun.delete': method({
    input: idInput,
    output: z.object({ id: z.number().int() }),
    access: 'write',
    effect: 'write',
    summary: '删除劳务报酬发放表',
  }),
  'payRun.post': method({
    input: p.payRunPost,
    output: p.payRunRecord,
    access: 'write',
    effect: 'write',
    summary: '劳务报酬发放入账（合计记为一笔支出；每行须有银行卡号）',
  }),
  'payRun.unpost': method({
    input: idInput,
    output: p.payRunRecord,
    access: 'write',
    effect: 'write',
    summary: '撤销劳务报酬发放入账',
  }),
  'payRun.candidates': method({
    input: payRunCandidatesInput,
    output: payRunCandidatesOutput,
    access: 'read',
    effect: 'none',
    summary: '按乡镇（街道）、人员类别或普查小区列出在岗人员，供发放表一次添加',
  }),
};
