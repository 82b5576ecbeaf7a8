import { describe, expect, it } from 'vitest';
import {
  countyInCity,
  townshipKind,
  validateCityCode,
  validateRegionCode,
  villageKind,
} from '../../core/validate/regionCode';

const msg = (r: { ok: true } | { ok: false; message: string }) => (r.ok ? 'OK' : r.message);

describe('validateRegionCode', () => {
  it('accepts codes of each level, inside their parent', () => {
    expect(validateRegionCode('511323', 'county')).toEqual({ ok: true, value: '511323' });
    expect(validateRegionCode('511323', 'county', '5113')).toEqual({ ok: true, value: '511323' });
    expect(validateRegionCode(' ５１１３２３１００ ', 'township', '511323')).toEqual({ ok: true, value: '511323100' });
    expect(validateRegionCode('511323100201', 'village', '511323100')).toEqual({ ok: true, value: '511323100201' });
  });
  it('length and characters, with default labels', () => {
    expect(msg(validateRegionCode('51132', 'county'))).toBe('县级区划代码应为6位数字，实为5位：51132');
    expect(msg(validateRegionCode('5113231', 'township'))).toBe('乡镇（街道）代码应为9位数字，实为7位：5113231');
    expect(msg(validateRegionCode('5113231002', 'village'))).toBe('村（居）代码应为12位数字，实为10位：5113231002');
    expect(msg(validateRegionCode('51132A', 'county'))).toBe('县级区划代码只能包含数字：51132A');
    expect(msg(validateRegionCode('', 'village'))).toBe('村（居）代码不能为空');
  });
  it('must start with the parent code, naming both codes', () => {
    expect(msg(validateRegionCode('511324100', 'township', '511323'))).toBe(
      '乡镇（街道）代码511324100不属于上级区划511323（应以511323开头）',
    );
    expect(msg(validateRegionCode('511323', 'county', '5114'))).toBe(
      '县级区划代码511323不属于上级区划5114（应以5114开头）',
    );
  });
  it('rejects all-zero tails (the parent itself)', () => {
    expect(msg(validateRegionCode('511300', 'county'))).toBe('县级区划代码末两位不能为00（那是市级代码）：511300');
    expect(msg(validateRegionCode('511323000', 'township'))).toBe('乡镇（街道）代码末三位不能为000：511323000');
  });
  it('uses a custom label', () => {
    expect(msg(validateRegionCode('51132', 'county', undefined, '县代码'))).toBe('县代码应为6位数字，实为5位：51132');
  });
});

describe('validateCityCode / countyInCity', () => {
  it('accepts 4 digits and the 6-digit 00 form', () => {
    expect(validateCityCode('5113')).toEqual({ ok: true, value: '5113' });
    expect(validateCityCode('511300')).toEqual({ ok: true, value: '5113' });
  });
  it('rejects other shapes', () => {
    expect(msg(validateCityCode('511'))).toBe('市（州）代码应为4位数字：511');
    expect(msg(validateCityCode('5100'))).toBe('市（州）代码末两位不能为00（那是省级代码）：5100');
    expect(msg(validateCityCode(''))).toBe('市（州）代码不能为空');
  });
  it('countyInCity', () => {
    expect(countyInCity('511323', '5113')).toBe(true);
    expect(countyInCity('511323', '5114')).toBe(false);
    expect(countyInCity('5113', '5113')).toBe(false);
  });
});

describe('townshipKind / villageKind', () => {
  it('township ranges', () => {
    expect(townshipKind('511323001')).toBe('街道');
    expect(townshipKind('511323099')).toBe('街道');
    expect(townshipKind('511323100')).toBe('镇');
    expect(townshipKind('511323199')).toBe('镇');
    expect(townshipKind('511323200')).toBe('乡');
    expect(townshipKind('511323399')).toBe('乡');
    expect(townshipKind('511323400')).toBe('类似乡级单位');
    expect(townshipKind('511323599')).toBe('类似乡级单位');
    expect(townshipKind('511323600')).toBeNull();
    expect(townshipKind('511323000')).toBeNull();
    expect(townshipKind('51132310')).toBeNull();
  });
  it('village ranges', () => {
    expect(villageKind('511323100001')).toBe('居委会');
    expect(villageKind('511323100199')).toBe('居委会');
    expect(villageKind('511323100200')).toBe('村委会');
    expect(villageKind('511323100399')).toBe('村委会');
    expect(villageKind('511323100400')).toBeNull();
    expect(villageKind('511323100000')).toBeNull();
    expect(villageKind('5113231002')).toBeNull();
  });
});
