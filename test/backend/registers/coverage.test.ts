// 普查小区 coverage through dispatch: default codes and the length setting, villages without a
// 小区 or in two, 普查员 over the workload and 指导员 over the ratio the office sets — each a
// dashboard check whose count is the total of the list it opens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { addPerson, refusedOn } from '../budgetFixtures';
import { checks, linkedTotal, smallCounty } from './fixtures';

let b: TestBackend;
let townshipId: number;
let villages: { id: number; code: string }[];
beforeEach(async () => {
  ({ b, townshipId, villages } = await smallCounty());
});
afterEach(() => b.dispose());

const district = (extra: Record<string, unknown>) =>
  b.ok('district.create', { name: '小区', townshipId, basis: '行政村', ...extra } as never);

describe('普查小区 codes', () => {
  it('fill an empty code with the village code and the next 3-digit sequence', async () => {
    const v = villages[1];
    expect(await b.ok('district.nextCode', { villageId: v.id })).toEqual({ code: '511323100201001', message: null });
    const first = await district({ villageId: v.id });
    expect(first.code).toBe('511323100201001');
    await district({ villageId: v.id, code: '511323100201007' });
    expect((await district({ villageId: v.id })).code).toBe('511323100201008');
    // An update that blanks the code keeps it.
    expect((await b.ok('district.update', { id: first.id, code: null as never, name: '白鹤一区' })).code).toBe(
      '511323100201001',
    );
  });

  it('refuse a typed code of another length than the office sets, in Chinese, naming the field', async () => {
    const e = await refusedOn(b, 'district.create', {
      name: '小区',
      townshipId,
      villageId: villages[1].id,
      basis: '行政村',
      code: '51132310020101',
    });
    expect(e.issues).toEqual([
      { path: 'code', message: '普查小区代码应为15位数字（按系统设置中的普查小区代码位数），实为14位' },
    ]);
  });

  it('follow the length setting: 16 digits give a 4-digit sequence; 12 give no default', async () => {
    await b.ok('coverage.saveSettings', {
      districtCodeLength: 16,
      maxListingPerEnumerator: null,
      maxDistrictsPerEnumerator: null,
      maxEnumeratorsPerSupervisor: 5,
    });
    expect((await district({ villageId: villages[2].id })).code).toBe('5113231002020001');
    await b.ok('coverage.saveSettings', {
      districtCodeLength: 12,
      maxListingPerEnumerator: null,
      maxDistrictsPerEnumerator: null,
      maxEnumeratorsPerSupervisor: 5,
    });
    const e = await b.err('district.create', { name: '小区', townshipId, villageId: villages[2].id, basis: '行政村' });
    expect(e.message).toBe('普查小区代码设置为12位，不能在12位村（居）代码后加序号自动生成，请填写普查小区代码');
    expect((await district({ code: '511323100299' })).code).toBe('511323100299');
  });

  it('refuse an empty code without a village, saying what to do', async () => {
    const e = await b.err('district.create', { name: '园区', townshipId, basis: '工业园区' });
    expect(e.issues[0]).toEqual({
      path: 'code',
      message: '未选择所属村（社区），不能自动生成普查小区代码：请填写代码，或选择所属村（社区）',
    });
  });

  it('settings: defaults until saved, admin only, audited, validated in Chinese', async () => {
    expect(await b.ok('coverage.settings', {})).toEqual({
      districtCodeLength: 15,
      maxListingPerEnumerator: null,
      maxDistrictsPerEnumerator: null,
      maxEnumeratorsPerSupervisor: 5,
    });
    const e = await b.err('coverage.saveSettings', {
      districtCodeLength: 30,
      maxListingPerEnumerator: null,
      maxDistrictsPerEnumerator: null,
      maxEnumeratorsPerSupervisor: 5,
    });
    expect(e.issues[0].message).toBe('普查小区代码位数不能大于20');
    const audits = () => b.db.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'coverageSettings'`).pluck().get();
    await b.ok('coverage.saveSettings', {
      districtCodeLength: 15,
      maxListingPerEnumerator: 40,
      maxDistrictsPerEnumerator: 3,
      maxEnumeratorsPerSupervisor: 4,
    });
    expect(audits()).toBe(1);
    const clerk = await b.dispatch(
      'coverage.saveSettings',
      {
        districtCodeLength: 15,
        maxListingPerEnumerator: null,
        maxDistrictsPerEnumerator: null,
        maxEnumeratorsPerSupervisor: 5,
      },
      { operator: { id: null, name: '录入员甲', role: '录入员' } },
    );
    expect(clerk.ok).toBe(false);
  });
});

describe('coverage checks (全面覆盖，不重不漏)', () => {
  it('villages without a 小区: counted, equal to the list they open, and fixed by drawing one', async () => {
    await district({ villageId: villages[0].id, basis: '社区' });
    let c = (await checks(b)).get('villagesWithoutDistrict')!;
    expect(c).toMatchObject({ count: 3, point: 5, severity: 'error' });
    expect(c.link).toEqual({ method: 'village.list', filters: { withoutDistrict: true } });
    expect(await linkedTotal(b, c)).toBe(3);
    await district({ villageId: villages[1].id });
    c = (await checks(b)).get('villagesWithoutDistrict')!;
    expect(c.count).toBe(2);
    expect(await linkedTotal(b, c)).toBe(2);
  });

  it('a village drawn twice (two 小区 with one name or one 四至; 工业园区 aside): counted and equal to its list', async () => {
    const v = villages[1];
    // Several 小区 in one village are the design (the code's sequence); a park is drawn on its own.
    await district({ villageId: v.id, name: '白鹤一区', boundaryNote: '东至河，西至路' });
    await district({ villageId: v.id, name: '白鹤二区', boundaryNote: '东至路，西至山' });
    await district({ villageId: v.id, name: '白鹤一区', basis: '工业园区' });
    expect((await checks(b)).get('villagesWithDuplicateDistricts')!.count).toBe(0);
    const again = await district({ villageId: v.id, name: '白鹤三区', boundaryNote: '东至河， 西至路' });
    await district({ villageId: villages[2].id, name: '油房一区' });
    await district({ villageId: villages[2].id, name: '油房一区' });
    const c = (await checks(b)).get('villagesWithDuplicateDistricts')!;
    expect(c).toMatchObject({ count: 2, link: { method: 'village.list', filters: { duplicateDistricts: true } } });
    expect(await linkedTotal(b, c)).toBe(2);
    await b.ok('district.delete', { id: again.id });
    expect((await checks(b)).get('villagesWithDuplicateDistricts')!.count).toBe(1);
  });

  it('普查员 over the 底册数 or 小区 count the office sets; 指导员 over the ratio', async () => {
    const boss = await addPerson(b, '指导员甲', ['普查指导员']);
    const a = await addPerson(b, '普查员甲', ['普查员'], { supervisorId: boss.id });
    const c2 = await addPerson(b, '普查员乙', ['普查员'], { supervisorId: boss.id });
    await district({ villageId: villages[0].id, listingCount: 50, enumeratorIds: [a.id] });
    // Shared by two: 30 each.
    await district({ villageId: villages[1].id, listingCount: 60, enumeratorIds: [a.id, c2.id] });
    let c = await checks(b);
    // Nothing set for 普查员: nobody is over; the ratio (default 5) holds.
    expect(c.get('enumeratorsOverWorkload')!.count).toBe(0);
    expect(c.get('supervisorsOverSpan')!.count).toBe(0);
    await b.ok('coverage.saveSettings', {
      districtCodeLength: 15,
      maxListingPerEnumerator: 70,
      maxDistrictsPerEnumerator: null,
      maxEnumeratorsPerSupervisor: 1,
    });
    c = await checks(b);
    expect(c.get('enumeratorsOverWorkload')).toMatchObject({ count: 1, severity: 'warning' });
    expect(await linkedTotal(b, c.get('enumeratorsOverWorkload')!)).toBe(1);
    expect((await b.ok('person.list', { filters: { overWorkload: true } })).rows.map((p) => p.name)).toEqual([
      '普查员甲',
    ]);
    expect(c.get('supervisorsOverSpan')!.count).toBe(1);
    expect(await linkedTotal(b, c.get('supervisorsOverSpan')!)).toBe(1);
    await b.ok('coverage.saveSettings', {
      districtCodeLength: 15,
      maxListingPerEnumerator: null,
      maxDistrictsPerEnumerator: 1,
      maxEnumeratorsPerSupervisor: 2,
    });
    c = await checks(b);
    expect(c.get('enumeratorsOverWorkload')!.count).toBe(1);
    expect(c.get('supervisorsOverSpan')!.count).toBe(0);
    // A 普查员 who left is not counted in a 指导员's span nor as over the workload.
    await b.ok('coverage.saveSettings', {
      districtCodeLength: 15,
      maxListingPerEnumerator: null,
      maxDistrictsPerEnumerator: 1,
      maxEnumeratorsPerSupervisor: 1,
    });
    await b.ok('person.leave', { id: a.id, leftDate: '2018-06-01' });
    c = await checks(b);
    expect(c.get('enumeratorsOverWorkload')!.count).toBe(0);
    expect(c.get('supervisorsOverSpan')!.count).toBe(0);
  });
});
