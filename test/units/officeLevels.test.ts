// The office at each level (submission.md §4), through dispatch: a county as before, a city office
// with its own code (city + 00), a province (2 digits + 0000, no city); messages name the field as
// that level calls it; the level is fixed once units or received files exist.
import { describe, expect, it } from 'vitest';
import { tempBackend } from '../helpers/backend';
import { tempBackendEachTest } from '../helpers/eachTest';
import { NANCHONG_CITY_OFFICE, PENGAN_OFFICE } from '../helpers/offices';

const b = tempBackendEachTest();

const county = PENGAN_OFFICE;
const city = NANCHONG_CITY_OFFICE;
const province = {
  level: '省',
  countyName: '四川省',
  countyCode: '510000',
  unitName: '四川省第二次全国污染源普查领导小组办公室',
} as const;

describe('office levels', () => {
  it('defaults to a county office with the 5th as the deadline day', async () => {
    const saved = await b.ok('office.save', county);
    expect(saved).toMatchObject({ level: '县', reportDeadlineDay: 5, countyCode: '511323', cityCode: '5113' });
  });

  it('saves a city office under its own 6-digit code and a province office without a city', async () => {
    expect(await b.ok('office.save', { ...city, reportDeadlineDay: 8 })).toMatchObject({
      level: '市',
      countyCode: '511300',
      cityCode: '5113',
      reportDeadlineDay: 8,
    });
    const other = tempBackend();
    try {
      expect(await other.ok('office.save', { ...province, cityName: '', cityCode: '' })).toMatchObject({
        level: '省',
        countyCode: '510000',
        cityCode: null,
        cityName: null,
      });
    } finally {
      other.dispose();
    }
  });

  it('refuses codes that do not fit the level, naming the field as the level calls it', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...city, countyCode: '511323' }, 'countyCode', '市级区划代码应为市（州）4位代码加00，如 511300：511323'],
      [{ ...city, countyCode: '511400' }, 'countyCode', '市级区划代码511400与市（州）代码5113不符（应为511300）'],
      [{ ...city, countyName: ' ' }, 'countyName', '市（州）名称不能为空'],
      [{ ...city, cityCode: '' }, 'cityCode', '市（州）代码不能为空'],
      [{ ...province, countyCode: '511300' }, 'countyCode', '省级区划代码应为2位省代码加0000，如 510000：511300'],
      [{ ...province, countyName: '' }, 'countyName', '省名不能为空'],
      [{ ...province, cityCode: '5113' }, 'cityCode', '省普查办不填市（州）代码'],
      [{ ...county, countyName: '' }, 'countyName', '县名不能为空'],
      [{ ...county, level: '乡' }, 'level', '单位级别应为以下之一：县、市、省'],
      [{ ...county, reportDeadlineDay: 29 }, 'reportDeadlineDay', '报送截止日（次月几日）不能大于28'],
      [{ ...county, reportDeadlineDay: 0 }, 'reportDeadlineDay', '报送截止日（次月几日）不能小于1'],
    ];
    const before = b.snapshot();
    for (const [input, path, message] of cases) {
      const e = await b.err('office.save', input);
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.issues).toEqual([{ path, message }]);
    }
    expect(b.snapshot()).toEqual(before);
  });

  it('keeps the level once the office has units, and a new code must still hold them', async () => {
    await b.ok('office.save', city);
    await b.ok('office.save', { ...county, cityName: '南充市' }); // no units yet: may change
    await b.ok('office.save', city);
    await b.ok('unit.save', { units: [{ code: '511323', name: '蓬安县' }] });
    const before = b.snapshot();
    const e = await b.err('office.save', county);
    expect(e).toMatchObject({
      code: 'LEVEL_IN_USE',
      message: '已有下级单位名单或收取的报表，不能把单位级别从市普查办改为县（区）普查办',
    });
    const f = await b.err('office.save', { ...city, countyName: '广安市', countyCode: '511600', cityCode: '5116' });
    expect(f.code).toBe('UNITS_OUTSIDE');
    expect(f.message).toBe('下级单位蓬安县（511323）不在市级区划代码511600之下：请先修改下级单位名单');
    expect(b.snapshot()).toEqual(before);
  });
});

describe('first run at each level', () => {
  const admin = { name: 'admin', password: 'secret123' };

  it('sets up a city office with its counties in one step, audited', async () => {
    const units = [
      { code: '511302', name: '顺庆区' },
      { code: '５１１３２３', name: ' 蓬安县 ' },
    ];
    await b.ok('setup.init', { office: city, admin, units });
    expect(await b.ok('unit.list', {})).toEqual({
      level: '市',
      kind: '县（区）',
      total: 2,
      page: 1,
      pageSize: 50,
      rows: [
        { code: '511302', name: '顺庆区', sortOrder: 1 },
        { code: '511323', name: '蓬安县', sortOrder: 2 },
      ],
    });
    const log = await b.ok('audit.list', {});
    expect(log.rows[0].after).toMatchObject({ units: [{ code: '511302' }, { code: '511323' }] });
  });

  it('refuses units outside the city before writing anything, naming the row', async () => {
    const before = b.snapshot();
    const e = await b.err('setup.init', {
      office: city,
      admin,
      units: [
        { code: '511302', name: '顺庆区' },
        { code: '511602', name: '广安区' },
      ],
    });
    expect(e.issues).toEqual([
      { path: 'units.1.code', message: '第2行：县（区）代码511602不在本市（5113）之下（应以5113开头）' },
    ]);
    expect(b.snapshot()).toEqual(before);
  });

  it('still sets up a county office as before (level 县, no units)', async () => {
    await b.ok('setup.init', { office: county, admin });
    expect(await b.ok('office.get', {})).toMatchObject({ level: '县', reportDeadlineDay: 5 });
    expect((await b.ok('unit.list', {})).rows).toEqual([]);
  });
});
