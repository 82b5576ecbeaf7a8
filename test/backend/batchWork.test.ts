// Batch work (issue #14, item 4), through dispatch: 批量设置 on many people as one audited write,
// pay-run lines by township / role / 普查小区, no posting while a line lacks a 银行卡号, and 导出
// of any list with its filters in the title.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { tempBackendEachTest } from '../helpers/eachTest';
import { addPerson, itemNamed, refusedOn, setOffice } from './budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

const refused = (method: string, input: unknown) => refusedOn(b, method, input);
const auditTail = (n: number) =>
  (
    b.db
      .prepare('SELECT action, entity, entity_id, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT ?')
      .all(n) as {
      action: string;
      entity: string;
      entity_id: number | null;
      before_json: string | null;
      after_json: string | null;
    }[]
  ).reverse();

async function township(code: string, name: string) {
  return b.ok('township.create', { code, name });
}

describe('person.bulkSet', () => {
  it('sets 指导员, 乡镇 and 保险 on many people in one write: one entry for the batch, one per person changed', async () => {
    const t1 = await township('511323100', '相如镇');
    const t2 = await township('511323101', '锦屏镇');
    const v1 = await b.ok('village.create', { townshipId: t1.id, code: '511323100201', name: '白鹤村' });
    const boss = await addPerson(b, '指导甲', ['普查指导员']);
    const a = await addPerson(b, '甲', ['普查员'], { townshipId: t1.id, villageId: v1.id });
    const c = await addPerson(b, '乙', ['普查员'], { townshipId: t2.id, supervisorId: boss.id });
    const entriesBefore = b.snapshot();

    const r = await b.ok('person.bulkSet', {
      ids: [a.id, c.id],
      changes: {
        supervisorId: boss.id,
        townshipId: t2.id,
        insuranceCompany: '中国人寿',
        insuranceStart: '2018/3/1',
        insuranceEnd: '2019年2月28日',
      },
    });
    expect(r).toEqual({ changed: 2, unchanged: 0 });
    const ga = await b.ok('person.get', { id: a.id });
    expect(ga).toMatchObject({
      supervisorId: boss.id,
      townshipId: t2.id,
      villageId: null, // 白鹤村 is not in 锦屏镇
      insuranceCompany: '中国人寿',
      insuranceStart: '2018-03-01',
      insuranceEnd: '2019-02-28',
    });
    expect(await b.ok('person.get', { id: c.id })).toMatchObject({ townshipId: t2.id, insuranceCompany: '中国人寿' });

    const audit = auditTail(3);
    expect(audit.map((e) => [e.action, e.entity, e.entity_id])).toEqual([
      ['bulkSet', 'person', null],
      ['bulkSet', 'person', a.id],
      ['bulkSet', 'person', c.id],
    ]);
    // Each person's entry holds only what changed for them.
    expect(JSON.parse(audit[2].after_json!)).toEqual({
      insuranceCompany: '中国人寿',
      insuranceStart: '2018-03-01',
      insuranceEnd: '2019-02-28',
    });
    expect(JSON.parse(audit[1].before_json!)).toMatchObject({
      townshipId: t1.id,
      villageId: v1.id,
      supervisorId: null,
    });
    expect(Number(b.snapshot()[`audit_log`]) - Number(entriesBefore[`audit_log`])).toBe(3);

    // Asked again: nothing changes, only the batch is recorded.
    expect(await b.ok('person.bulkSet', { ids: [a.id, c.id], changes: { supervisorId: boss.id } })).toEqual({
      changed: 0,
      unchanged: 2,
    });
  });

  it('lets people leave on one day, and refuses the whole batch naming the person when one cannot', async () => {
    const a = await addPerson(b, '甲', ['普查员'], { hireStart: '2018-03-01' });
    const c = await addPerson(b, '乙', ['普查员'], { hireStart: '2018-06-01' });
    const e = await refused('person.bulkSet', { ids: [a.id, c.id], changes: { leftDate: '2018-05-01' } });
    expect(e.message).toBe(`第 2 人 乙（${c.personCode}）：离岗日期不能早于聘用开始日期`);
    expect((await b.ok('person.get', { id: a.id })).status).toBe('在岗');

    expect(
      await b.ok('person.bulkSet', { ids: [a.id, c.id], changes: { leftDate: '2018-12-31', leftReason: '普查结束' } }),
    ).toEqual({ changed: 2, unchanged: 0 });
    expect(await b.ok('person.get', { id: c.id })).toMatchObject({
      status: '离岗',
      leftDate: '2018-12-31',
      leftReason: '普查结束',
    });
    const again = await refused('person.bulkSet', { ids: [a.id], changes: { leftDate: '2019-01-01' } });
    expect(again).toMatchObject({ code: 'ALREADY_LEFT' });
    expect(again.message).toContain(`甲（${a.personCode}）已于2018-12-31离岗`);
  });

  it('refuses a supervisor for someone who is not 普查员, an empty batch and unknown people, writing nothing', async () => {
    const boss = await addPerson(b, '指导甲', ['普查指导员']);
    const a = await addPerson(b, '甲', ['普查员']);
    const liaison = await addPerson(b, '联络丙', ['村(居)联络员']);
    const e = await refused('person.bulkSet', { ids: [a.id, liaison.id], changes: { supervisorId: boss.id } });
    expect(e.message).toBe(`第 2 人 联络丙（${liaison.personCode}）：只有普查员可以指定所属普查指导员`);
    expect((await b.ok('person.get', { id: a.id })).supervisorId).toBeNull();
    expect((await refused('person.bulkSet', { ids: [], changes: { supervisorId: boss.id } })).message).toContain(
      '请先勾选要设置的人员',
    );
    expect((await refused('person.bulkSet', { ids: [a.id], changes: {} })).message).toContain('请至少填写一项');
    expect((await refused('person.bulkSet', { ids: [a.id, 9999], changes: { insuranceCompany: 'x' } })).message).toBe(
      '第 2 人：人员不存在（编号 9999），可能已被删除，请刷新列表后重试',
    );
  });
});

describe('pay runs in batches', () => {
  it('lists the 在岗 people of a township, role or 普查小区 to add as lines in one step', async () => {
    const t1 = await township('511323100', '相如镇');
    const t2 = await township('511323101', '锦屏镇');
    const a = await addPerson(b, '甲', ['普查员'], {
      townshipId: t1.id,
      payRate: 12_000,
      payBasis: '元/天',
      bankAccount: '622848001234567890',
    });
    const c = await addPerson(b, '乙', ['普查员', '普查指导员'], { townshipId: t1.id });
    const d = await addPerson(b, '丙', ['普查员'], { townshipId: t2.id });
    const gone = await addPerson(b, '丁', ['普查员'], { townshipId: t1.id });
    await b.ok('person.leave', { id: gone.id, leftDate: '2018-08-01' });
    await b.ok('district.create', {
      code: '511323101201001',
      name: '一区',
      townshipId: t2.id,
      basis: '行政村',
      enumeratorIds: [d.id],
    });
    const district = (await b.ok('district.list', {})).rows[0];

    const names = async (input: object) => (await b.ok('payRun.candidates', input as never)).people.map((p) => p.name);
    expect(await names({ townshipId: t1.id })).toEqual(['甲', '乙']);
    expect(await names({ townshipId: t1.id, role: '普查指导员' })).toEqual(['乙']);
    expect(await names({ role: '普查员' })).toEqual(['甲', '乙', '丙']);
    expect(await names({ districtId: district.id })).toEqual(['丙']);
    expect((await b.ok('payRun.candidates', { townshipId: t1.id })).people[0]).toEqual({
      personId: a.id,
      name: '甲',
      personCode: a.personCode,
      payRate: 12_000,
      hasBankAccount: true,
    });
    expect((await b.err('payRun.candidates', {})).message).toContain('请至少选择');
    void c;
  });

  it('refuses to post a run while a line has no 银行卡号, naming the people', async () => {
    const a = await addPerson(b, '甲', ['普查员'], { bankAccount: '622848001234567890' });
    const c = await addPerson(b, '乙', ['普查员']);
    const d = await addPerson(b, '丙', ['普查员']);
    const item = await itemNamed(b, '普查员劳动报酬');
    const run = await b.ok('payRun.create', {
      period: '2018-06',
      title: '6月劳务',
      budgetItemId: item.id,
      lines: [a, c, d].map((p) => ({ personId: p.id, quantity: 1, rate: 10_000 })),
    });
    const e = await refused('payRun.post', { id: run.id, paidDate: '2018-07-05' });
    expect(e.code).toBe('MISSING_BANK_ACCOUNT');
    expect(e.message).toBe(
      '发放表“6月劳务”中第 2 行 乙、第 3 行 丙未登记银行卡号，不能发放入账；请先在人员信息中填写银行卡号',
    );
    expect(e.issues.map((i) => i.path)).toEqual(['lines.1.personId', 'lines.2.personId']);
    for (const p of [c, d]) await b.ok('person.update', { id: p.id, bankAccount: '622848001234567899' });
    expect((await b.ok('payRun.post', { id: run.id, paidDate: '2018-07-05' })).status).toBe('已发放');
  });
});

describe('list.export', () => {
  const read = (base64: string) => {
    const book = XLSX.read(Buffer.from(base64, 'base64'));
    return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]], { header: 1, defval: '' });
  };

  it('writes what the list shows under its filters, in its columns, masked, with the filters in the title', async () => {
    const t1 = await township('511323100', '相如镇');
    const a = await addPerson(b, '甲', ['普查员'], { townshipId: t1.id, payRate: 12_050, payBasis: '元/天' });
    await addPerson(b, '乙', ['普查指导员'], { townshipId: t1.id });
    await addPerson(b, '丙', ['普查员']);
    const title = '人员管理（人员类别：普查员；乡镇（街道）：相如镇）';
    const r = await b.ok('list.export', {
      list: 'person.list',
      filters: { role: '普查员', townshipId: t1.id },
      sort: { field: 'name', dir: 'asc' },
      columns: [
        { field: 'name', title: '姓名' },
        { field: 'roles', title: '人员类别' },
        { field: 'idNumber', title: '公民身份号码' },
        { field: 'townshipName', title: '乡镇（街道）' },
        { field: 'payRate', title: '劳务报酬标准（元）', kind: 'money' },
        { field: 'insuranceValid', title: '意外保险' },
      ],
      title,
    });
    expect(r.count).toBe(1);
    expect(r.fileName).toMatch(/^人员管理（人员类别：普查员；乡镇（街道）：相如镇）_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = read(r.base64);
    expect(rows[0][0]).toBe(title);
    expect(rows[1][0]).toMatch(/^导出时间：.+；导出人：测试管理员；共 1 条$/);
    expect(rows[2]).toEqual(['姓名', '人员类别', '公民身份号码', '乡镇（街道）', '劳务报酬标准（元）', '意外保险']);
    // The ID is masked as in the list, even for this in-process admin (the file leaves the app).
    expect(rows[3]).toEqual(['甲', '普查员', expect.stringMatching(/^5113\*+\d{4}$|\*/), '相如镇', 120.5, '否']);
    expect(rows[3][2]).not.toBe(a.idNumber);
    const entry = auditTail(1)[0];
    expect([entry.action, entry.entity]).toEqual(['export', 'list']);
    expect(JSON.parse(entry.after_json!)).toMatchObject({ list: 'person.list', title, count: 1 });
  });

  it('pages through long lists, and refuses lists it cannot export', async () => {
    for (let i = 0; i < 3; i++) await township(`5113231${String(i).padStart(2, '0')}`, `镇${i}`);
    const r = await b.ok('list.export', {
      list: 'township.list',
      columns: [
        { field: 'code', title: '代码' },
        { field: 'name', title: '名称' },
      ],
      title: '乡镇（街道）',
    });
    expect(read(r.base64).slice(3)).toEqual([
      ['511323100', '镇0'],
      ['511323101', '镇1'],
      ['511323102', '镇2'],
    ]);
    const cols = [{ field: 'id', title: '编号' }];
    expect((await refused('list.export', { list: 'nothing.list', columns: cols, title: 'x' })).message).toBe(
      '未知的列表：nothing.list',
    );
    expect((await refused('list.export', { list: 'operator.list', columns: cols, title: 'x' })).message).toContain(
      '不能在此导出',
    );
    expect(
      (await refused('list.export', { list: 'person.list', filters: { role: '飞行员' }, columns: cols, title: 'x' }))
        .message,
    ).toContain('筛选条件无效');
  });
});
