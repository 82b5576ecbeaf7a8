// A 普查小区 whose assignee has left (离岗, leave date on or before today) is not assigned: the
// district record's counts, the list's 未安排 filter and the dashboard check (count = that list's
// total) all read one definition (db/views/derived.ts activeAssigneeCountSql).
import { describe, expect, it } from 'vitest';
import type { DashboardCheck } from '../../core/schemas/dashboard';
import { callOnDay } from '../helpers/callsAt';
import { tempBackendEachTest } from '../helpers/eachTest';
import { addPerson, setOffice } from '../backend/budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

const call = callOnDay(() => b);
type District = {
  enumeratorIds: number[];
  enumeratorCount: number;
  supervisorCount: number;
  leftAssigneeIds: number[];
};

async function unassigned(day: string) {
  const list = await call<{ total: number; rows: { id: number }[] }>(
    'district.list',
    { filters: { unassigned: true } },
    day,
  );
  const checks = (await call<{ checks: DashboardCheck[] }>('dashboard.checks', {}, day)).checks;
  expect(checks.find((c) => c.id === 'districtsUnassigned')!.count).toBe(list.total);
  return list.rows.map((r) => r.id);
}

describe('an assignee who has left', () => {
  it('no longer counts as assigned, from the leave date on', async () => {
    const t = await b.ok('township.create', { code: '511323100', name: '锦屏镇' });
    const enumerator = await addPerson(b, '张三', ['普查员'], { hireStart: '2018-03-01' });
    const supervisor = await addPerson(b, '李四', ['普查指导员'], { hireStart: '2018-03-01' });
    const d = await b.ok('district.create', {
      code: '511323100201001',
      name: '白鹤村1区',
      townshipId: t.id,
      basis: '行政村',
      enumeratorIds: [enumerator.id],
      supervisorIds: [supervisor.id],
    });
    expect(await unassigned('2018-06-01')).toEqual([]);

    await call('person.leave', { id: enumerator.id, leftDate: '2018-06-20', reason: '外出务工' }, '2018-06-10');
    // Before the leave date the 普查员 is still in post.
    expect(await call<District>('district.get', { id: d.id }, '2018-06-10')).toMatchObject({
      enumeratorCount: 1,
      leftAssigneeIds: [],
    });
    expect(await unassigned('2018-06-10')).toEqual([]);

    // From the leave date on, the district has no 普查员 (the assignment row is kept and shown).
    expect(await call<District>('district.get', { id: d.id }, '2018-06-20')).toMatchObject({
      enumeratorIds: [enumerator.id],
      enumeratorCount: 0,
      supervisorCount: 1,
      leftAssigneeIds: [enumerator.id],
    });
    expect(await unassigned('2018-06-20')).toEqual([d.id]);
    const assigned = await call<{ total: number }>('district.list', { filters: { unassigned: false } }, '2018-06-20');
    expect(assigned.total).toBe(0);

    // A new 普查员 in post makes it assigned again.
    const next = await addPerson(b, '王五', ['普查员'], { hireStart: '2018-06-01' });
    await call('district.update', { id: d.id, enumeratorIds: [enumerator.id, next.id] }, '2018-06-21');
    expect(await unassigned('2018-06-21')).toEqual([]);
  });
});
