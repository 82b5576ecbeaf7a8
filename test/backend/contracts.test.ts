import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../../core/enums';
import { tempBackendEachTest } from '../helpers/eachTest';
import {
  addAgency,
  addContract,
  addPerson,
  CODE_A,
  CODE_B,
  FUTURE,
  itemNamed,
  refusedOn,
  setOffice,
} from './budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

const refused = (method: string, input: unknown) => refusedOn(b, method, input);
const agency = (name?: string, creditCode?: string) => addAgency(b, name, creditCode);
const contract = (extra: Record<string, unknown> = {}) => addContract(b, extra);

describe('agencies', () => {
  it('creates, reads, updates, lists, searches and deletes an agency', async () => {
    const a = await b.ok('agency.create', {
      name: ' 四川某环境检测有限公司 ',
      creditCode: '９１３５０１００ｍ０００１００ｙ４３',
      legalRep: '陈某',
      contactName: '刘工',
      phone: '0817-1234567',
      bankAccount: '5100 1234 5678',
    });
    expect(a).toMatchObject({
      name: '四川某环境检测有限公司',
      creditCode: CODE_A,
      phone: '0817-1234567',
      bankAccount: '510012345678',
      contractCount: 0,
      contractAmount: 0,
    });
    expect(await b.ok('agency.get', { id: a.id })).toEqual(a);
    const u = await b.ok('agency.update', { id: a.id, phone: '138 0013 8000', qualification: 'CMA 资质' });
    expect(u).toMatchObject({ phone: '13800138000', qualification: 'CMA 资质' });
    const other = await agency('成都某信息技术有限公司', CODE_B);
    const names = async (input: object) => (await b.ok('agency.list', input)).rows.map((r) => r.name);
    expect(await names({ q: '信息' })).toEqual(['成都某信息技术有限公司']);
    expect(await names({ q: '刘工' })).toEqual(['四川某环境检测有限公司']);
    expect(await names({ q: '9111' })).toEqual(['成都某信息技术有限公司']);
    expect(await names({ sort: { field: 'creditCode', dir: 'asc' } })).toEqual([
      '成都某信息技术有限公司',
      '四川某环境检测有限公司',
    ]);
    expect(await b.ok('agency.delete', { id: other.id })).toEqual({ id: other.id });
    expect((await b.err('agency.get', { id: other.id })).message).toBe(`第三方机构不存在（编号 ${other.id}）`);
  });

  it('rejects bad agencies and refuses deleting one that has contracts', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'X', creditCode: '91350100M000100Y44' }, '统一社会信用代码校验位错误：应为 3，实为 4'],
      [{ name: 'X' }, '统一社会信用代码不能为空'],
      [{ creditCode: CODE_A }, '机构名称不能为空'],
      [
        { name: 'X', creditCode: CODE_A, phone: '12345' },
        '联系电话格式不正确：12345（应为11位手机号，或区号-号码，如 0817-1234567）',
      ],
      [{ name: 'X', creditCode: CODE_A, name2: 'Y' }, '无法识别的字段：name2'],
    ];
    for (const [input, message] of cases) expect((await refused('agency.create', input)).message).toBe(message);
    const a = await agency();
    const dup = await refused('agency.create', { name: '另一家', creditCode: CODE_A });
    expect(dup).toMatchObject({ code: 'DUPLICATE', message: `第三方机构已存在相同的统一社会信用代码“${CODE_A}”` });
    await contract({ agencyId: a.id });
    const e = await refused('agency.delete', { id: a.id });
    expect(e).toMatchObject({ code: 'IN_USE', message: '无法删除第三方机构：仍有1 条合同引用它，请先处理这些记录' });
    expect(await b.ok('agency.get', { id: a.id })).toMatchObject({ contractCount: 1, contractAmount: 12_000_000 });
  });
});

describe('contracts', () => {
  it('creates a contract with its staff and derived figures, reads, updates and deletes it', async () => {
    const a = await agency();
    const staff = await addPerson(b, '孙七', ['第三方机构人员'], { agencyId: a.id });
    const c = await contract({
      agencyId: a.id,
      staffIds: [staff.id, staff.id],
      deposit: 600_000,
      managerName: '刘工',
      managerPhone: '13800138000',
    });
    expect(c).toMatchObject({
      contractNo: 'PAWP-2018-001',
      status: '履行中',
      serviceKinds: ['普查清查', '入户调查'],
      agencyName: '四川某环境检测有限公司',
      agencyCreditCode: CODE_A,
      budgetItemName: '第三方技术服务费',
      staffIds: [staff.id],
      paidAmount: 0,
      unpaidAmount: 12_000_000,
      nodeCount: 0,
      nodesDone: 0,
      overdueNodes: 0,
      acceptance: null,
      acceptedDate: null,
      publishOverdue: true,
      fileOverdue: true,
      overpaid: false,
      endedWithoutAcceptance: false,
    });
    expect(await b.ok('contract.get', { id: c.id })).toEqual(c);

    const published = await b.ok('contract.update', { id: c.id, publishedDate: '2018-03-02' });
    expect(published).toMatchObject({ publishOverdue: false, fileOverdue: true, staffIds: [staff.id] });
    const filed = await b.ok('contract.update', { id: c.id, filedDate: '2018-03-07', staffIds: [] });
    expect(filed).toMatchObject({ fileOverdue: false, staffIds: [] });
    const ended = await b.ok('contract.update', { id: c.id, serviceEnd: '2018-12-31' });
    expect(ended.endedWithoutAcceptance).toBe(true);
    const accepted = await b.ok('contract.update', { id: c.id, status: '已验收' });
    expect(accepted.endedWithoutAcceptance).toBe(false);

    expect(await b.ok('contract.delete', { id: c.id })).toEqual({ id: c.id });
    expect((await b.err('contract.get', { id: c.id })).code).toBe('NOT_FOUND');
    const audit = b.db.prepare(`SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 1`).get();
    expect(audit).toEqual({ action: 'delete', entity: 'contract' });
  });

  it('lists contracts by every filter and searches number, name and agency', async () => {
    const a = await agency();
    const other = await agency('成都某信息技术有限公司', CODE_B);
    const c1 = await contract({ agencyId: a.id });
    const c2 = await contract({
      agencyId: other.id,
      contractNo: 'PAWP-2018-002',
      name: '普查信息系统运维',
      serviceKinds: ['信息系统建设运维'],
      amount: 300_000,
      signedDate: FUTURE,
      serviceStart: null,
      serviceEnd: null,
      budgetItemId: (await itemNamed(b, '数据处理')).id,
    });
    await b.ok('contractNode.create', { contractId: c1.id, workContent: '完成清查', plannedDate: '2018-06-30' });
    const c3 = await contract({
      agencyId: a.id,
      contractNo: 'PAWP-2018-003',
      name: '宣传',
      serviceKinds: ['宣传'],
      serviceEnd: '2018-12-31',
      status: '已终止',
      publishedDate: '2018-03-02',
      filedDate: '2018-03-05',
    });

    const ids = async (filters: object, q?: string) =>
      (await b.ok('contract.list', { filters, q })).rows.map((r) => r.id).sort();
    expect(await ids({ agencyId: other.id })).toEqual([c2.id]);
    expect(await ids({ status: '已终止' })).toEqual([c3.id]);
    expect(await ids({ serviceKind: '入户调查' })).toEqual([c1.id]);
    expect(await ids({ serviceKind: '信息系统建设运维' })).toEqual([c2.id]);
    expect(await ids({ budgetItemId: c2.budgetItemId! })).toEqual([c2.id]);
    expect(await ids({ overdue: true })).toEqual([c1.id]);
    expect(await ids({ overdue: false })).toEqual([c2.id, c3.id]);
    expect(await ids({ notPublished: true })).toEqual([c1.id]);
    expect(await ids({ notFiled: true })).toEqual([c1.id]);
    expect(await ids({ notPublished: false })).toEqual([c2.id, c3.id]);
    expect(await ids({ endedWithoutAcceptance: true })).toEqual([]);
    await b.ok('contract.update', { id: c3.id, status: '履行中' });
    expect(await ids({ endedWithoutAcceptance: true })).toEqual([c3.id]);
    expect(await ids({ overpaid: true })).toEqual([]);
    expect(await ids({}, '运维')).toEqual([c2.id]);
    expect(await ids({}, '2018-003')).toEqual([c3.id]);
    expect(await ids({}, '成都某')).toEqual([c2.id]);
    const sorted = await b.ok('contract.list', { sort: { field: 'amount', dir: 'asc' } });
    expect(sorted.rows.map((r) => r.amount)).toEqual([300_000, 12_000_000, 12_000_000]);
  });

  it('rejects bad contracts with the field named and leaves nothing behind', async () => {
    const a = await agency();
    const cat = await itemNamed(b, '人员劳务');
    const enumerator = await addPerson(b, '周八', ['普查员']);
    const otherAgency = await agency('成都某信息技术有限公司', CODE_B);
    const stranger = await addPerson(b, '吴九', ['第三方机构人员'], { agencyId: otherAgency.id });
    const base = {
      contractNo: 'X-1',
      name: '测试合同',
      agencyId: a.id,
      procurementMethod: '询价',
      serviceKinds: ['其他'],
      amount: 100,
    };
    const cases: [unknown, string][] = [
      [{ ...base, serviceKinds: [] }, '服务内容至少选择1项'],
      [{ ...base, serviceKinds: ['扫地'] }, `服务内容应为以下之一：${SERVICE_KINDS.join('、')}`],
      [
        { ...base, procurementMethod: '直接指定' },
        '采购方式应为以下之一：公开招标、邀请招标、竞争性谈判、竞争性磋商、单一来源、询价、框架协议、自行采购',
      ],
      [{ ...base, amount: 1.5 }, '合同金额应为以分为单位的整数'],
      [{ ...base, amount: undefined }, '合同金额不能为空'],
      [{ ...base, status: '已完成' }, '合同状态应为以下之一：履行中、已验收、已终止'],
      [{ ...base, signedDate: '2018-02-30' }, '签订日期不是有效日期：2018-02-30'],
      [
        { ...base, managerPhone: '123' },
        '项目负责人电话格式不正确：123（应为11位手机号，或区号-号码，如 0817-1234567）',
      ],
      [{ ...base, serviceStart: '2018-05-01', serviceEnd: '2018-04-30' }, '服务结束日期不能早于服务开始日期'],
      [{ ...base, agencyId: 999 }, '第三方机构不存在（编号 999）'],
      [{ ...base, budgetItemId: 999 }, '支付预算科目不存在（编号 999）'],
      [{ ...base, budgetItemId: cat.id }, '“人员劳务”是类别，下设 4 个明细科目，请选择具体的明细科目'],
      [{ ...base, staffIds: [999] }, '派驻人员不存在（编号 999）'],
      [{ ...base, staffIds: [enumerator.id] }, '周八不是第三方机构人员，不能派驻到合同'],
      [{ ...base, staffIds: [stranger.id] }, '吴九属于其他第三方机构，不能派驻到本合同'],
    ];
    for (const [input, message] of cases) expect((await refused('contract.create', input)).message).toBe(message);
    await b.ok('contract.create', base as never);
    const dup = await refused('contract.create', { ...base, name: '另一份' });
    expect(dup).toMatchObject({ code: 'DUPLICATE', message: '合同已存在相同的合同编号“X-1”' });
  });
});

describe('acceptances and the contract page', () => {
  it('records acceptances, shows the latest conclusion on the contract, lists and deletes them', async () => {
    const c = await contract();
    const a1 = await b.ok('acceptance.create', {
      contractId: c.id,
      acceptedDate: '2018-12-20',
      method: '会议评审',
      members: '张某、李某、王某',
      conclusion: '不合格',
      issues: '清查底册缺漏',
      certificateNo: 'YS-01',
    });
    expect(a1).toMatchObject({ contractNo: c.contractNo, contractName: c.name, agencyName: '四川某环境检测有限公司' });
    expect(await b.ok('acceptance.get', { id: a1.id })).toEqual(a1);
    const a2 = await b.ok('acceptance.create', {
      contractId: c.id,
      acceptedDate: '2018-12-20',
      conclusion: '整改后合格',
    });
    expect(await b.ok('contract.get', { id: c.id })).toMatchObject({
      acceptance: '整改后合格',
      acceptedDate: '2018-12-20',
    });
    const moved = await b.ok('acceptance.update', { id: a1.id, acceptedDate: '2018-12-28' });
    expect(moved.acceptedDate).toBe('2018-12-28');
    expect((await b.ok('contract.get', { id: c.id })).acceptance).toBe('不合格');

    const ids = async (input: object) => (await b.ok('acceptance.list', input)).rows.map((r) => r.id);
    expect(await ids({ filters: { contractId: c.id } })).toEqual([a1.id, a2.id]);
    expect(await ids({ filters: { conclusion: '整改后合格' } })).toEqual([a2.id]);
    expect(await ids({ q: 'YS-01' })).toEqual([a1.id]);

    const bad: [unknown, string][] = [
      [
        { contractId: c.id, acceptedDate: '2018-12-20', conclusion: '优秀' },
        '验收结论应为以下之一：合格、不合格、整改后合格',
      ],
      [{ contractId: c.id, conclusion: '合格' }, '验收日期不能为空'],
      [{ contractId: c.id, acceptedDate: FUTURE, conclusion: '合格' }, '验收日期不能晚于今天'],
      [{ contractId: 999, acceptedDate: '2018-12-20', conclusion: '合格' }, '所属合同不存在（编号 999）'],
    ];
    for (const [input, message] of bad) expect((await refused('acceptance.create', input)).message).toBe(message);

    expect(await b.ok('acceptance.delete', { id: a1.id })).toEqual({ id: a1.id });
    expect((await b.ok('contract.get', { id: c.id })).acceptance).toBe('整改后合格');
  });

  it('gives the whole contract in one call, and deleting a contract without payments takes its nodes and acceptances along, audited', async () => {
    const c = await contract();
    const n = await b.ok('contractNode.create', { contractId: c.id, workContent: '预付款', plannedDate: '2018-03-10' });
    const p = await b.ok('contract.recordPayment', { nodeId: n.id, date: '2018-03-12', amount: 100 });
    const x = await b.ok('acceptance.create', { contractId: c.id, acceptedDate: '2018-12-20', conclusion: '合格' });
    const d = await b.ok('contract.detail', { id: c.id });
    expect(d.contract.id).toBe(c.id);
    expect(d.agency.creditCode).toBe(CODE_A);
    expect(d.nodes.map((r) => r.id)).toEqual([n.id]);
    expect(d.acceptances.map((r) => r.id)).toEqual([x.id]);
    expect(d.payments.map((r) => r.id)).toEqual([p.expenditure.id]);
    expect((await refused('contract.detail', { id: 999 })).message).toBe('合同不存在（编号 999）');

    await b.ok('contract.deletePayment', { id: p.expenditure.id });
    await b.ok('contract.delete', { id: c.id });
    expect(
      b.db
        .prepare('SELECT (SELECT count(*) FROM contract_nodes) + (SELECT count(*) FROM contract_acceptances) AS n')
        .get(),
    ).toEqual({ n: 0 });
    const last = b.db.prepare(`SELECT before_json FROM audit_log ORDER BY id DESC LIMIT 1`).get() as {
      before_json: string;
    };
    const before = JSON.parse(last.before_json);
    expect(before.nodes.map((r: { id: number }) => r.id)).toEqual([n.id]);
    expect(before.acceptances.map((r: { id: number }) => r.id)).toEqual([x.id]);
  });

  it('keeps a person on a contract from being deleted', async () => {
    const a = await agency();
    const staff = await addPerson(b, '孙七', ['第三方机构人员'], { agencyId: a.id });
    await contract({ agencyId: a.id, staffIds: [staff.id] });
    const e = await refused('person.delete', { id: staff.id });
    expect(e.message).toContain('合同派驻人员');
  });
});
