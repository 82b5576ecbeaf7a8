import { describe, expect, it } from 'vitest';
import { tempBackendEachTest } from '../helpers/eachTest';

const b = tempBackendEachTest();

describe('townships, villages and districts through dispatch', () => {
  it('creates, reads, updates, lists and deletes a township with its derived kind', async () => {
    const t = await b.ok('township.create', { code: '５１１３２３１００', name: ' 相如镇 ' });
    expect(t).toMatchObject({ code: '511323100', name: '相如镇', kind: '镇', villageCount: 0 });
    expect(await b.ok('township.get', { id: t.id })).toEqual(t);
    const u = await b.ok('township.update', { id: t.id, name: '相如街道', code: '511323001' });
    expect(u).toMatchObject({ name: '相如街道', kind: '街道' });
    await b.ok('township.create', { code: '511323200', name: '金溪乡' });
    const list = await b.ok('township.list', { q: '金溪' });
    expect(list.total).toBe(1);
    expect(list.rows[0].name).toBe('金溪乡');
    const sorted = await b.ok('township.list', { sort: { field: 'name', dir: 'desc' } });
    const names = sorted.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort().reverse());
    expect(names).toHaveLength(2);
    expect(await b.ok('township.delete', { id: t.id })).toEqual({ id: t.id });
    expect((await b.err('township.get', { id: t.id })).code).toBe('NOT_FOUND');
  });

  it('refuses to delete a township that villages still refer to, naming them', async () => {
    const t = await b.ok('township.create', { code: '511323100', name: '相如镇' });
    await b.ok('village.create', { townshipId: t.id, code: '511323100201', name: '白鹤村' });
    const before = b.snapshot();
    const e = await b.err('township.delete', { id: t.id });
    expect(e.code).toBe('IN_USE');
    expect(e.message).toBe('无法删除乡镇（街道）：仍有1 条村（社区）引用它，请先处理这些记录');
    expect(b.snapshot()).toEqual(before);
  });

  it('rejects a village whose code is outside its township and leaves the data as it was', async () => {
    const t = await b.ok('township.create', { code: '511323100', name: '相如镇' });
    const before = b.snapshot();
    const e = await b.err('village.create', { townshipId: t.id, code: '511323101201', name: '白鹤村' });
    expect(e.message).toBe('村（居）代码 511323101201 应以所属乡镇（街道）代码 511323100 开头');
    expect(e.issues[0].path).toBe('code');
    expect(b.snapshot()).toEqual(before);
  });

  it('names the field of a missing reference and of a duplicate code', async () => {
    const e = await b.err('village.create', { townshipId: 99, code: '511323100201', name: '白鹤村' });
    expect(e.message).toBe('乡镇（街道）不存在（编号 99）');
    await b.ok('township.create', { code: '511323100', name: '相如镇' });
    const d = await b.err('township.create', { code: '511323100', name: '另一个镇' });
    expect(d.code).toBe('DUPLICATE');
    expect(d.message).toBe('乡镇（街道）已存在相同的乡镇（街道）代码“511323100”');
  });

  it('lists districts with filters and keeps the village inside the township', async () => {
    const t1 = await b.ok('township.create', { code: '511323100', name: '相如镇' });
    const t2 = await b.ok('township.create', { code: '511323200', name: '金溪乡' });
    const v1 = await b.ok('village.create', { townshipId: t1.id, code: '511323100201', name: '白鹤村' });
    const d = await b.ok('district.create', {
      code: '511323100201001',
      name: '白鹤村1区',
      townshipId: t1.id,
      villageId: v1.id,
      basis: '行政村',
    });
    expect(d).toMatchObject({
      status: '未划分',
      enumeratorIds: [],
      supervisorIds: [],
      townshipName: '相如镇',
      villageName: '白鹤村',
    });
    const e = await b.err('district.create', {
      code: '511323200201001',
      name: 'X',
      townshipId: t2.id,
      villageId: v1.id,
      basis: '行政村',
    });
    expect(e.message).toBe('所属村（社区）“白鹤村”不在所选乡镇（街道）内');
    expect((await b.ok('district.list', { filters: { townshipId: t1.id } })).total).toBe(1);
    expect((await b.ok('district.list', { filters: { townshipId: t2.id } })).total).toBe(0);
    expect((await b.ok('district.list', { filters: { unassigned: true } })).total).toBe(1);
    const upd = await b.ok('district.update', { id: d.id, status: '已划分' });
    expect(upd.status).toBe('已划分');
  });
});
