// The 登记表 (reports.md Printing) through dispatch: one person's form with their assignments and
// training record; 公民身份号码, 手机 and 银行卡号 masked by default, in full only for a reveal role
// and then audited (one entry), like the other prints.
import { describe, expect, it } from 'vitest';
import { tempBackendEachTest } from '../helpers/eachTest';
import { makeId, setOffice } from '../backend/budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

type Doc = { title: string; fields: Record<string, string>; trainings: string[][]; fullSensitive: boolean };
const clerk = { operator: { id: null, name: '录入员甲', role: '录入员' as const }, checkOutput: true };

describe('print.registrationForm', () => {
  it('prints the person with assignments and training, sensitive values masked', async () => {
    const t = await b.ok('township.create', { code: '511323100', name: '锦屏镇' });
    const id = makeId('19800101', '123');
    const p = await b.ok('person.create', {
      name: '张三',
      roles: ['普查员'],
      idNumber: id,
      mobile: '13800138000',
      bankName: '农业银行蓬安支行',
      bankAccount: '6228480012345678901',
      townshipId: t.id,
      hireStart: '2018-03-01',
      hireEnd: '2018-12-31',
      payRate: 12_000,
      payBasis: '元/天',
    });
    await b.ok('district.create', {
      code: '511323100201001',
      name: '白鹤村1区',
      townshipId: t.id,
      basis: '行政村',
      enumeratorIds: [p.id],
    });
    const s = await b.ok('training.create', {
      name: '普查员清查技术培训',
      kind: '清查技术',
      hostLevel: '县',
      startDate: '2018-05-10',
      endDate: '2018-05-11',
    } as never);
    await b.ok('attendance.save', {
      sessionId: s.id,
      rows: [{ personId: p.id, signedIn: true, score: 92, passed: true }],
    } as never);

    const doc = (await b.ok('print.registrationForm', { personId: p.id })) as Doc;
    expect(doc.title).toBe('蓬安县第二次全国污染源普查普查人员登记表');
    expect(doc.fullSensitive).toBe(false);
    expect(doc.fields).toMatchObject({
      name: '张三',
      sex: '男',
      birthMonth: '1980年1月',
      idNumber: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      mobile: '138****8000',
      bankAccount: '6228***********8901',
      roles: '普查员',
      township: '锦屏镇',
      districts: '白鹤村1区',
      hirePeriod: '2018年3月1日 至 2018年12月31日',
      pay: '120.00 元/天',
      status: '在岗',
    });
    expect(doc.trainings).toEqual([
      ['1', '普查员清查技术培训', '2018-05-10至2018-05-11', '县', '已签到', '92', '合格'],
    ]);
  });

  it('in full only for a reveal role, with one audit entry', async () => {
    const id = makeId('19800101', '125');
    const p = await b.ok('person.create', { name: '李四', roles: ['普查员'], idNumber: id, mobile: '13900139000' });
    const entries = () => (b.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = entries();
    const full = (await b.ok('print.registrationForm', { personId: p.id, fullSensitive: true })) as Doc;
    expect(full.fields).toMatchObject({ idNumber: id, mobile: '13900139000' });
    expect(entries()).toBe(before + 1);
    const refused = await b.dispatch('print.registrationForm', { personId: p.id, fullSensitive: true }, clerk);
    expect(refused.ok).toBe(false);
    const masked = await b.dispatch('print.registrationForm', { personId: p.id }, clerk);
    expect(masked.ok && (masked.data as Doc).fields.idNumber).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
  });
});
