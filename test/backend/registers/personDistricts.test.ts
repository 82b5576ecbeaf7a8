// A person's page lists their 普查小区 with the 名录库底册数 (district.list {assigneeId}), so the clerk
// sees why the dashboard lists a 普查员 over the workload: the districts where they are 普查员 or
// 普查指导员, and no other.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { addPerson } from '../budgetFixtures';
import { smallCounty } from './fixtures';

let b: TestBackend;
let townshipId: number;
let villages: { id: number }[];
beforeEach(async () => {
  ({ b, townshipId, villages } = await smallCounty());
});
afterEach(() => b.dispose());

describe('district.list by assignee', () => {
  it('lists the districts a person is assigned to, as 普查员 or 普查指导员', async () => {
    const e1 = await addPerson(b, '张三', ['普查员']);
    const e2 = await addPerson(b, '李四', ['普查员']);
    const s = await addPerson(b, '王五', ['普查指导员']);
    const make = (villageId: number, listingCount: number, enumeratorIds: number[]) =>
      b.ok('district.create', {
        name: '小区',
        townshipId,
        villageId,
        basis: '行政村',
        listingCount,
        enumeratorIds,
        supervisorIds: [s.id],
      } as never);
    const a = await make(villages[1].id, 40, [e1.id]);
    const shared = await make(villages[2].id, 30, [e1.id, e2.id]);
    await make(villages[3].id, 20, [e2.id]);

    const of = async (id: number) =>
      (await b.ok('district.list', { filters: { assigneeId: id } })).rows.map((d) => [d.id, d.listingCount]);
    expect(await of(e1.id)).toEqual([
      [a.id, 40],
      [shared.id, 30],
    ]);
    expect((await of(e2.id)).length).toBe(2);
    expect((await of(s.id)).length).toBe(3);
    const sharedRow = (await b.ok('district.list', { filters: { assigneeId: e1.id } })).rows[1];
    expect(sharedRow.enumeratorIds).toEqual([e1.id, e2.id]);
  });
});
