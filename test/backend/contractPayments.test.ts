import { describe, expect, it } from 'vitest';
import { tempBackendEachTest } from '../helpers/eachTest';
import { addContract, FUTURE, itemNamed, refusedOn, setOffice } from './budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

const refused = (method: string, input: unknown) => refusedOn(b, method, input);
const contract = (extra: Record<string, unknown> = {}) => addContract(b, extra);

describe('performance nodes and payments', () => {
  it('numbers nodes, derives the payable amount, and flags overdue ones', async () => {
    const c = await contract();
    const n1 = await b.ok('contractNode.create', {
      contractId: c.id,
      workContent: '签订合同后预付',
      payableRatio: 30,
      plannedDate: '2018-03-10',
    });
    expect(n1).toMatchObject({
      seq: 1,
      payableAmount: 3_600_000,
      overdue: true,
      done: false,
      paidAmount: 0,
      paidDate: null,
      contractNo: c.contractNo,
    });
    const n2 = await b.ok('contractNode.create', {
      contractId: c.id,
      workContent: '完成清查',
      payableRatio: 40,
      payableAmount: 4_000_000,
      plannedDate: FUTURE,
    });
    expect(n2).toMatchObject({ seq: 2, payableAmount: 4_000_000, overdue: false });
    expect(await b.ok('contractNode.get', { id: n1.id })).toEqual(n1);
    expect(await b.ok('contract.get', { id: c.id })).toMatchObject({ nodeCount: 2, nodesDone: 0, overdueNodes: 1 });

    let e = await refused('contractNode.create', { contractId: c.id, seq: 2, workContent: '重复' });
    expect(e.message).toBe('合同“PAWP-2018-001”中已有序号为 2 的履约节点');
    e = await refused('contractNode.update', { id: n1.id, actualDate: FUTURE });
    expect(e.message).toBe('实际完成日期不能晚于今天');
    e = await refused('contractNode.create', { contractId: 999, workContent: 'x' });
    expect(e).toMatchObject({ code: 'BAD_REFERENCE', message: '所属合同不存在（编号 999）' });
    e = await refused('contractNode.create', { contractId: c.id, workContent: 'x', payableRatio: 120 });
    expect(e.message).toBe('应付比例不能大于100');
    e = await refused('contractNode.create', { contractId: c.id });
    expect(e.message).toBe('履约节点/工作内容不能为空');

    const done = await b.ok('contractNode.update', { id: n1.id, actualDate: '2018-03-09', qualityNote: '按时完成' });
    expect(done).toMatchObject({ done: true, overdue: false });
    const ratio = await b.ok('contractNode.update', { id: n2.id, payableRatio: 50 });
    expect(ratio.payableAmount).toBe(6_000_000);

    const ids = async (filters: object) => (await b.ok('contractNode.list', { filters })).rows.map((r) => r.id);
    expect(await ids({ contractId: c.id })).toEqual([n1.id, n2.id]);
    expect(await ids({ done: true })).toEqual([n1.id]);
    expect(await ids({ done: false })).toEqual([n2.id]);
    expect(await ids({ overdue: true })).toEqual([]);
    await b.ok('contractNode.update', { id: n2.id, plannedDate: '2018-09-30' });
    expect(await ids({ overdue: true })).toEqual([n2.id]);
    expect((await b.ok('contractNode.list', { q: '完成清查' })).rows.map((r) => r.id)).toEqual([n2.id]);
    expect((await b.ok('contractNode.list', { q: 'PAWP-2018-001' })).total).toBe(2);
    expect(await b.ok('contractNode.delete', { id: n2.id })).toEqual({ id: n2.id });
  });

  it('records a payment once, as an expenditure seen from the node, the contract and the budget', async () => {
    const c = await contract();
    const n = await b.ok('contractNode.create', {
      contractId: c.id,
      workContent: '预付款',
      payableRatio: 30,
      plannedDate: '2018-03-10',
    });
    const before = (await b.ok('budgetItem.get', { id: c.budgetItemId! })).spent;
    const r = await b.ok('contract.recordPayment', {
      nodeId: n.id,
      date: '2018-03-12',
      amount: 3_600_000,
      voucherNo: '记-0312',
      handlerName: '李会计',
    });
    expect(r.expenditure).toMatchObject({
      kind: '合同付款',
      amount: 3_600_000,
      contractNodeId: n.id,
      contractId: c.id,
      contractNo: c.contractNo,
      nodeSeq: 1,
      budgetItemId: c.budgetItemId,
      payee: '四川某环境检测有限公司',
      summary: '支付合同款：蓬安县污染源普查清查技术服务（预付款）',
    });
    expect(r.node).toMatchObject({
      paidAmount: 3_600_000,
      paidDate: '2018-03-12',
      paymentCount: 1,
      voucherNos: '记-0312',
      handlerName: '李会计',
    });
    expect(await b.ok('contract.get', { id: c.id })).toMatchObject({
      paidAmount: 3_600_000,
      unpaidAmount: 8_400_000,
      overpaid: false,
    });
    expect((await b.ok('budgetItem.get', { id: c.budgetItemId! })).spent).toBe(before + 3_600_000);
    expect((await b.ok('expenditure.list', { filters: { contractId: c.id } })).rows.map((x) => x.id)).toEqual([
      r.expenditure.id,
    ]);
    expect((await b.ok('expenditure.list', { filters: { contractNodeId: n.id } })).total).toBe(1);
    expect((await b.ok('expenditure.list', { filters: { kind: '合同付款' } })).total).toBe(1);
    // One call, one audit entry; the node's changed 经办人 travels with it.
    const audit = b.db
      .prepare(`SELECT action, entity, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT 2`)
      .all() as { action: string; entity: string; before_json: string; after_json: string }[];
    expect(audit.map((a) => [a.action, a.entity])).toEqual([
      ['recordPayment', 'expenditure'],
      ['create', 'contractNode'],
    ]);
    expect(JSON.parse(audit[0].after_json).node).toMatchObject({ handlerName: '李会计' });
    expect(JSON.parse(audit[0].before_json).node.handlerName).not.toBe('李会计');

    // Overpaying needs the clerk's explicit say-so.
    let e = await refused('contract.recordPayment', { nodeId: n.id, date: '2018-04-01', amount: 8_400_001 });
    expect(e).toMatchObject({
      code: 'OVERPAY',
      message:
        '本次付款后合同“PAWP-2018-001”已付金额将为 120,000.01 元，超过合同金额 120,000.00 元；如确需超额支付，请选择“允许超额支付”',
    });
    expect(e.issues[0].path).toBe('amount');
    const over = await b.ok('contract.recordPayment', {
      nodeId: n.id,
      date: '2018-04-01',
      amount: 8_400_001,
      allowOverpay: true,
    });
    expect(await b.ok('contract.get', { id: c.id })).toMatchObject({
      paidAmount: 12_000_001,
      unpaidAmount: -1,
      overpaid: true,
    });
    expect((await b.ok('contract.list', { filters: { overpaid: true } })).rows.map((x) => x.id)).toEqual([c.id]);

    // The payment is changed from the contract side only.
    e = await refused('expenditure.update', { id: over.expenditure.id, amount: 1 });
    expect(e).toMatchObject({
      code: 'LINKED',
      message:
        '这笔支出是合同“PAWP-2018-001 蓬安县污染源普查清查技术服务”第 1 个履约节点的付款，请在该合同的付款记录中修改或删除',
    });
    e = await refused('expenditure.delete', { id: over.expenditure.id });
    expect(e.code).toBe('LINKED');
    e = await refused('contract.updatePayment', { id: over.expenditure.id, amount: 8_400_002 });
    expect(e.code).toBe('OVERPAY');
    const fixed = await b.ok('contract.updatePayment', {
      id: over.expenditure.id,
      amount: 8_400_000,
      voucherNo: '记-0401',
    });
    expect(fixed.expenditure).toMatchObject({ amount: 8_400_000, voucherNo: '记-0401' });
    expect(fixed.node).toMatchObject({
      paidAmount: 12_000_000,
      paymentCount: 2,
      voucherNos: expect.stringContaining('记-0401'),
    });
    expect((await b.ok('contract.get', { id: c.id })).overpaid).toBe(false);

    // What refers to a payment cannot vanish under it.
    e = await refused('contractNode.delete', { id: n.id });
    expect(e.message).toBe('无法删除履约节点：仍有2 条支出引用它，请先处理这些记录');
    e = await refused('contract.delete', { id: c.id });
    expect(e).toMatchObject({
      code: 'IN_USE',
      message: '无法删除合同“PAWP-2018-001”：其履约节点已登记 2 笔付款（支出），请先删除这些付款记录',
    });
    e = await refused('contract.update', { id: c.id, budgetItemId: (await itemNamed(b, '数据处理')).id });
    expect(e.message).toBe('合同已有付款记录（已计入“第三方技术服务费”），不能更改支付预算科目');
    e = await refused('budgetItem.delete', { id: c.budgetItemId! });
    expect(e.message).toContain('2 条支出');

    const plain = await b.ok('expenditure.create', {
      budgetItemId: c.budgetItemId!,
      date: '2018-05-01',
      amount: 1,
      summary: '手续费',
    });
    e = await refused('contract.deletePayment', { id: plain.id });
    expect(e).toMatchObject({
      code: 'NOT_A_PAYMENT',
      message: `支出（编号 ${plain.id}）不是合同付款，请在支出登记中修改`,
    });
    expect(await b.ok('contract.deletePayment', { id: over.expenditure.id })).toEqual({ id: over.expenditure.id });
    expect((await b.ok('contractNode.get', { id: n.id })).paidAmount).toBe(3_600_000);
  });

  it('refuses a payment when the contract has no budget item, and bad payment input', async () => {
    const c = await contract({ budgetItemId: null });
    const n = await b.ok('contractNode.create', { contractId: c.id, workContent: '预付款' });
    let e = await refused('contract.recordPayment', { nodeId: n.id, date: '2018-03-12', amount: 100 });
    expect(e).toMatchObject({
      code: 'NO_BUDGET_ITEM',
      message:
        '合同“PAWP-2018-001 蓬安县污染源普查清查技术服务”未设置支付预算科目，无法登记付款；请先在合同中选择支付预算科目',
    });
    e = await refused('contract.recordPayment', { nodeId: 999, date: '2018-03-12', amount: 100 });
    expect(e.message).toBe('履约节点不存在（编号 999）');
    e = await refused('contract.recordPayment', { nodeId: n.id, date: '2018-03-12', amount: 0 });
    expect(e.message).toBe('实付金额应大于0');
    e = await refused('contract.recordPayment', { nodeId: n.id, amount: 10 });
    expect(e.message).toBe('付款日期不能为空');
    e = await refused('contract.recordPayment', { nodeId: n.id, date: '2018-03-12', amount: 10, allowOverpay: 'yes' });
    expect(e.message).toBe('允许超额支付应为是或否');
  });
});
