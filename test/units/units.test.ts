// 下级单位 through dispatch: the list saved whole (codes under the office, rows named in messages,
// duplicates refused), the division dataset's suggestions, and the guards (county office, units
// with reports filed, roles).
import { describe, expect, it } from 'vitest';
import { tempBackend } from '../helpers/backend';
import { tempBackendEachTest } from '../helpers/eachTest';
import { NANCHONG_CITY_OFFICE } from '../helpers/offices';
import { divisionName, suggestUnits } from '../../core/divisions';

const b = tempBackendEachTest();

const city = NANCHONG_CITY_OFFICE;
const province = { level: '省', countyName: '四川省', countyCode: '510000', unitName: '四川省普查办' } as const;

describe('unit.save / unit.list', () => {
  it('replaces the whole list in the order given, normalised, with one audit entry', async () => {
    await b.ok('office.save', city);
    await b.ok('unit.save', {
      units: [
        { code: '511321', name: '南部县' },
        { code: '511302', name: '顺庆区' },
      ],
    });
    const saved = await b.ok('unit.save', {
      units: [
        { code: '５１１３０２', name: '顺庆区 ' },
        { code: '511323', name: '蓬安县' },
      ],
    });
    expect(saved).toEqual({
      level: '市',
      kind: '县（区）',
      rows: [
        { code: '511302', name: '顺庆区', sortOrder: 1 },
        { code: '511323', name: '蓬安县', sortOrder: 2 },
      ],
      total: 2,
      page: 1,
      pageSize: 1000,
    });
    expect(await b.ok('unit.list', { pageSize: 1000 })).toEqual(saved);
    // Pages and sorts like every list.
    const page2 = await b.ok('unit.list', { page: 2, pageSize: 1, sort: { field: 'code', dir: 'desc' } });
    expect(page2).toMatchObject({ rows: [{ code: '511302' }], total: 2, page: 2 });
    const log = await b.ok('audit.list', { filters: { entity: 'unit' } });
    expect(log.rows).toHaveLength(2);
    expect(log.rows[0].before).toEqual({
      units: [
        { code: '511321', name: '南部县', sortOrder: 1 },
        { code: '511302', name: '顺庆区', sortOrder: 2 },
      ],
    });
  });

  it('refuses codes outside the city, a city code, empty names and duplicates, naming each row', async () => {
    await b.ok('office.save', city);
    const before = b.snapshot();
    const e = await b.err('unit.save', {
      units: [
        { code: '511302', name: '顺庆区' },
        { code: '511602', name: '广安区' },
        { code: '511300', name: '南充市' },
        { code: '51130', name: '某县' },
        { code: '511302', name: '顺庆区（重复）' },
        { code: '511321', name: ' ' },
      ],
    });
    expect(e.issues).toEqual([
      { path: 'units.1.code', message: '第2行：县（区）代码511602不在本市（5113）之下（应以5113开头）' },
      { path: 'units.2.code', message: '第3行：县（区）代码末两位不能为00（那是市级代码）：511300' },
      { path: 'units.3.code', message: '第4行：县（区）代码应为6位数字：51130' },
      { path: 'units.4.code', message: '第5行：县（区）代码511302与第1行重复' },
      { path: 'units.5.name', message: '第6行：县（区）名称不能为空' },
    ]);
    expect(b.snapshot()).toEqual(before);
  });

  it("takes a province's cities as PPCC00 codes", async () => {
    await b.ok('office.save', province);
    expect((await b.ok('unit.save', { units: [{ code: '511300', name: '南充市' }] })).kind).toBe('市（州）');
    const e = await b.err('unit.save', { units: [{ code: '511323', name: '蓬安县' }] });
    expect(e.message).toBe('第1行：市（州）代码应为市（州）4位代码加00，如 511300：511323');
  });

  it('refuses a county office, and dropping a unit whose reports were filed', async () => {
    await b.ok('office.save', { ...city, level: '县', countyName: '蓬安县', countyCode: '511323' });
    expect(await b.err('unit.save', { units: [] })).toMatchObject({ code: 'NOT_A_CITY_OFFICE' });

    const c = tempBackend();
    try {
      await c.ok('office.save', city);
      await c.ok('unit.save', { units: [{ code: '511323', name: '蓬安县' }] });
      // A report filed from it (as intake files one): the unit may no longer leave the list.
      const at = new Date().toISOString();
      const file = c.db
        .prepare(
          `INSERT INTO intake_files (file_name, size, sha256, bytes, outcome, unit_code, period, version, received_at)
           VALUES ('a.xlsx', 1, ?, x'00', '新收', '511323', '2026-10', 1, ?)`,
        )
        .run('a'.repeat(64), at).lastInsertRowid;
      c.db
        .prepare(
          `INSERT INTO received_reports (unit_code, period, version, level, digest_ok, file_id, summary_json, received_at)
           VALUES ('511323', '2026-10', 1, '县', 1, ?, '{}', ?)`,
        )
        .run(file, at);
      const e = await c.err('unit.save', { units: [] });
      expect(e).toMatchObject({
        code: 'UNIT_HAS_REPORTS',
        message: '已收取过报表的单位不能从名单中删除：蓬安县（511323）',
      });
      await c.ok('unit.save', { units: [{ code: '511323', name: '蓬安县（改名）' }] }); // renaming is fine
    } finally {
      c.dispose();
    }
  });

  it('is a 管理员 write: 录入员 and 只读 may list but not save', async () => {
    await b.ok('office.save', city);
    const made = await b.ok('operator.create', { name: 'clerk', role: '录入员', password: 'pass1234' });
    const clerk = { operator: { id: made.id, name: 'clerk', role: '录入员' as const }, checkOutput: true };
    expect((await b.dispatch('unit.list', {}, clerk)).ok).toBe(true);
    const r = await b.dispatch('unit.save', { units: [] }, clerk);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });
});

describe('unit.suggest and the division dataset', () => {
  it("suggests a city's counties and a province's cities from the dataset", async () => {
    await b.ok('office.save', city);
    const s = await b.ok('unit.suggest', {});
    expect(s.source).toContain('2023年统计用区划代码');
    expect(s.units.map((u) => u.code)).toEqual([
      '511302',
      '511303',
      '511304',
      '511321',
      '511322',
      '511323',
      '511324',
      '511325',
      '511381',
    ]);
    expect(s.units.find((u) => u.code === '511323')?.name).toBe('蓬安县');
    // What it suggests is what unit.save takes.
    await b.ok('unit.save', { units: s.units });

    const p = suggestUnits('省', '510000');
    expect(p.find((u) => u.code === '511300')).toEqual({ code: '511300', name: '南充市' });
    expect(p.every((u) => /^51\d\d00$/.test(u.code))).toBe(true);
  });

  it('names a county, a city and a province by code, and knows nothing of others', () => {
    expect(divisionName('511323')).toBe('蓬安县');
    expect(divisionName('511300')).toBe('南充市');
    expect(divisionName('510000')).toBe('四川省');
    expect(divisionName('110100')).toBe('北京市');
    expect(divisionName('519999')).toBeNull();
    expect(suggestUnits('县', '511323')).toEqual([]);
  });
});
