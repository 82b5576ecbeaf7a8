// 组织与宣传 through dispatch (docs/spec/fieldwork-and-organisation.md §2–4): the publicity log, the
// 领导小组 roster, devices and accounts handed to people, and the dashboard check for those still
// out with people who have left (its count is the list it opens).
import { beforeEach, describe, expect, it } from 'vitest';
import { callsAt } from '../../helpers/callsAt';
import { tempBackendEachTest } from '../../helpers/eachTest';
import { makeId, setOffice } from '../budgetFixtures';
import type { OutputOf } from '../../../core/api';
import type { DashboardCheck } from '../../../core/schemas/dashboard';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));
beforeEach(() => {
  today = '2018-09-30';
});

let today: string;
const { ctx, ok, err } = callsAt(
  () => b,
  () => new Date(`${today}T12:00:00Z`),
);
const auditActions = () =>
  b.db.prepare('SELECT entity, action FROM audit_log ORDER BY id').all() as { entity: string; action: string }[];
const enumerator = (name: string, seq: string) =>
  ok('person.create', { name, roles: ['普查员'], idNumber: makeId('19850101', seq), hireStart: '2018-03-01' });

async function check(id: string): Promise<DashboardCheck> {
  const r = await b.dispatch('dashboard.checks', {}, ctx());
  if (!r.ok) throw new Error(r.error.message);
  return (r.data as OutputOf<'dashboard.checks'>).checks.find((c) => c.id === id)!;
}
async function countIsList(id: string) {
  const c = await check(id);
  const list = await ok(c.link!.method as 'device.list', { filters: c.link!.filters, pageSize: 1000 });
  expect(list.total, id).toBe(c.count);
  return { count: c.count, rows: list.rows };
}

describe('publicity log', () => {
  it('records items, filters them by kind and dates, refuses a duplicate of the same day and title', async () => {
    const first = await ok('publicity.create', {
      date: '2018.6.5',
      kind: '广播电视',
      channel: '蓬安县电视台',
      title: '第二次全国污染源普查公益广告',
      quantity: 30,
      unit: '次',
    });
    expect(first).toMatchObject({ date: '2018-06-05', quantity: 30, note: null });
    await ok('publicity.create', { date: '2018-07-10', kind: '标语横幅', title: '入户调查宣传横幅', quantity: 45 });
    await ok('publicity.create', {
      date: '2018-08-02',
      kind: '网络新媒体',
      channel: '微信公众号',
      title: '致普查对象的一封信',
    });
    const july = await ok('publicity.list', { filters: { from: '2018-07-01', to: '2018-07-31' } });
    expect(july.rows.map((r) => r.title)).toEqual(['入户调查宣传横幅']);
    expect((await ok('publicity.list', { filters: { kind: '广播电视' } })).total).toBe(1);
    expect((await ok('publicity.list', { q: '公众号' })).total).toBe(1);
    const dup = await err('publicity.create', {
      date: '2018-06-05',
      kind: '其他',
      title: '第二次全国污染源普查公益广告',
    });
    expect(dup.code).toBe('DUPLICATE');
    const bad = await err('publicity.create', { date: '2018-06-05', kind: '海报', title: 'x' });
    expect(bad.issues[0]).toMatchObject({ path: 'kind' });
    expect(bad.message).toContain('宣传形式');
    expect(
      auditActions()
        .filter((a) => a.entity === 'publicity')
        .map((a) => a.action),
    ).toEqual(['create', 'create', 'create']);
  });
});

describe('领导小组 and 成员单位', () => {
  it('keeps members in their order with post, unit and share of the work; one person once per unit', async () => {
    await ok('groupMember.create', {
      name: '李明',
      unit: '县生态环境局',
      unitPost: '局长',
      groupPost: '副组长',
      duties: '负责普查日常工作',
      phone: '0817-8632001',
      sort: 2,
    });
    const head = await ok('groupMember.create', {
      name: '王强',
      unit: '县人民政府',
      unitPost: '副县长',
      groupPost: '组长',
      sort: 1,
    });
    const member = await ok('groupMember.create', {
      name: '赵丽',
      unit: '县统计局',
      groupPost: '成员',
      duties: '提供基本单位名录',
    });
    expect(member.sort).toBe(0);
    const list = await ok('groupMember.list', { sort: { field: 'sort', dir: 'asc' } });
    expect(list.rows.map((r) => r.name)).toEqual(['赵丽', '王强', '李明']);
    expect((await ok('groupMember.list', { filters: { groupPost: '组长' } })).rows[0].id).toBe(head.id);
    expect((await err('groupMember.create', { name: '赵丽', unit: '县统计局', groupPost: '联络员' })).code).toBe(
      'DUPLICATE',
    );
    const phone = await err('groupMember.update', { id: member.id, phone: '12345' });
    expect(phone.issues[0].path).toBe('phone');
  });
});

describe('devices and accounts handed to people', () => {
  it('hand-over and return: one holder at a time, a return never before the hand-over', async () => {
    const p = await enumerator('张三', '123');
    const q = await enumerator('李四', '135');
    const pad = await ok('device.create', {
      kind: 'PAD',
      identifier: 'PAD-0001',
      description: '华为 M5',
      personId: p.id,
      handedDate: '2018-07-20',
    });
    expect(pad).toMatchObject({ state: '在用', isOut: true, outWithLeaver: false, personName: '张三' });
    const snap = b.snapshot();
    const twice = await err('device.create', {
      kind: 'PAD',
      identifier: 'PAD-0001',
      personId: q.id,
      handedDate: '2018-08-01',
    });
    expect(twice.message).toBe('PAD“PAD-0001”已于2018-07-20发放给张三且未归还，请先登记归还');
    expect(b.snapshot()).toEqual(snap);
    const early = await err('device.update', { id: pad.id, returnedDate: '2018-07-01' });
    expect(early.issues[0]).toMatchObject({ path: 'returnedDate' });
    const back = await ok('device.update', { id: pad.id, returnedDate: '2018-09-01' });
    expect(back.isOut).toBe(false);
    // Returned, it may be handed to the next person.
    await ok('device.create', { kind: 'PAD', identifier: 'PAD-0001', personId: q.id, handedDate: '2018-09-02' });
    expect((await ok('device.list', { filters: { personId: q.id, isOut: true } })).total).toBe(1);
    // A person who holds (or held) a device is not deleted from under it.
    const del = await err('person.delete', { id: p.id });
    expect(del.message).toContain('设备与账号');
  });

  it('the dashboard counts devices and accounts still out with people who have left, as the list it opens', async () => {
    const p = await enumerator('张三', '123');
    const q = await enumerator('李四', '135');
    await ok('device.create', { kind: 'PAD', identifier: 'PAD-0001', personId: p.id, handedDate: '2018-07-20' });
    const account = await ok('device.create', {
      kind: '系统账号',
      identifier: '511323-pc-0007',
      personId: p.id,
      handedDate: '2018-07-20',
    });
    await ok('device.create', { kind: 'PAD', identifier: 'PAD-0002', personId: q.id, handedDate: '2018-07-20' });
    expect(await countIsList('devicesWithLeavers')).toMatchObject({ count: 0 });

    // 张三 leaves at the end of October: from that day, not before, what he holds is counted.
    await ok('person.update', { id: p.id, status: '离岗', leftDate: '2018-10-31', leftReason: '外出务工' });
    expect((await countIsList('devicesWithLeavers')).count).toBe(0);
    today = '2018-10-31';
    const { count, rows } = await countIsList('devicesWithLeavers');
    expect(count).toBe(2);
    expect((await check('devicesWithLeavers')).severity).toBe('error');
    expect(rows.map((r) => r.identifier).sort()).toEqual(['511323-pc-0007', 'PAD-0001']);

    // Returning the PAD and closing the account clear the check.
    await ok('device.update', { id: rows.find((r) => r.kind === 'PAD')!.id, returnedDate: '2018-10-31' });
    await ok('device.update', { id: account.id, state: '已注销' });
    expect(await countIsList('devicesWithLeavers')).toMatchObject({ count: 0 });
  });
});
