// 保密承诺书 through dispatch: the person's fields and rule, the people list's filter, the roster
// import, and the dashboard check (in-post 普查员 / 指导员 without a signed pledge) equal to its list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { addPerson, refusedOn } from '../budgetFixtures';
import { checks, linkedTotal, smallCounty } from './fixtures';

let b: TestBackend;
beforeEach(async () => {
  ({ b } = await smallCounty());
});
afterEach(() => b.dispose());

describe('保密承诺书 on a person', () => {
  it('a 签署日期 alone records 已签署; none recorded reads as 未签署 in the filter', async () => {
    const signed = await addPerson(b, '张签', ['普查员'], { pledgeDate: '2018.5.20' });
    expect(signed).toMatchObject({ pledgeStatus: '已签署', pledgeDate: '2018-05-20' });
    const none = await addPerson(b, '李未', ['普查员']);
    expect(none).toMatchObject({ pledgeStatus: null, pledgeDate: null });
    const names = async (pledgeStatus: '已签署' | '未签署') =>
      (await b.ok('person.list', { filters: { pledgeStatus } })).rows.map((p) => p.name);
    expect(await names('已签署')).toEqual(['张签']);
    expect(await names('未签署')).toEqual(['李未']);
    // Marking it 未签署 drops the stored date.
    expect(await b.ok('person.update', { id: signed.id, pledgeStatus: '未签署' })).toMatchObject({
      pledgeStatus: '未签署',
      pledgeDate: null,
    });
  });

  it('refuses 未签署 with a date, naming the field, and writes nothing', async () => {
    const p = await addPerson(b, '王矛', ['普查员']);
    const e = await refusedOn(b, 'person.update', { id: p.id, pledgeStatus: '未签署', pledgeDate: '2018-05-20' });
    expect(e.issues).toEqual([{ path: 'pledgeDate', message: '保密承诺书为未签署时不应填写签署日期' }]);
    const bad = await b.err('person.update', { id: p.id, pledgeStatus: '签了' });
    expect(bad.issues[0].message).toBe('保密承诺书应为以下之一：已签署、未签署');
  });
});

describe('the dashboard check', () => {
  it('counts in-post 普查员 and 指导员 without a signed pledge, equal to the list it opens', async () => {
    const boss = await addPerson(b, '指导员甲', ['普查指导员'], { pledgeStatus: '已签署' });
    const a = await addPerson(b, '普查员甲', ['普查员'], { supervisorId: boss.id });
    await addPerson(b, '普查员乙', ['普查员'], { supervisorId: boss.id, pledgeStatus: '未签署' });
    const left = await addPerson(b, '普查员丙', ['普查员'], { supervisorId: boss.id });
    await b.ok('person.leave', { id: left.id, leftDate: '2018-06-01' });
    await addPerson(b, '联络员甲', ['村(居)联络员']);
    let c = await checks(b);
    const e = c.get('unpledged:普查员')!;
    expect(e).toMatchObject({ count: 2, point: 11, severity: 'error' });
    expect(e.link).toEqual({
      method: 'person.list',
      filters: { role: '普查员', status: '在岗', pledgeStatus: '未签署' },
    });
    expect(await linkedTotal(b, e)).toBe(2);
    expect(c.get('unpledged:普查指导员')!.count).toBe(0);
    await b.ok('person.update', { id: a.id, pledgeDate: '2018-06-10' });
    c = await checks(b);
    expect(c.get('unpledged:普查员')!.count).toBe(1);
    expect(await linkedTotal(b, c.get('unpledged:普查员')!)).toBe(1);
  });
});
