import { describe, expect, it } from 'vitest';
import {
  PERSON_CODE_PATTERN,
  formatPersonCode,
  nextFreeSequence,
  parsePersonCode,
  personCodePrefix,
} from '../../core/personCode';

describe('人员编号 helpers', () => {
  it('builds the prefix from the county code and the digit of the first role', () => {
    expect(personCodePrefix('511323', '普查员')).toBe('5113231');
    expect(personCodePrefix('511323', '普查指导员')).toBe('5113232');
    expect(personCodePrefix('511323', '村(居)联络员')).toBe('5113234');
    expect(personCodePrefix('511323', '第三方机构人员')).toBe('5113236');
  });

  it('formats a sequence as four digits and refuses one outside 1–9999', () => {
    expect(formatPersonCode('5113231', 7)).toBe('51132310007');
    expect(formatPersonCode('5113231', 9999)).toBe('51132319999');
    expect(() => formatPersonCode('5113231', 0)).toThrow('人员编号序号超出范围：0');
    expect(() => formatPersonCode('5113231', 10000)).toThrow('人员编号序号超出范围：10000');
  });

  it('parses a well-formed code and rejects anything else', () => {
    expect(parsePersonCode('51132320042')).toEqual({ countyCode: '511323', roleDigit: 2, sequence: 42 });
    expect(parsePersonCode('5113232004')).toBeNull(); // 10 digits
    expect(parsePersonCode('51132370042')).toBeNull(); // no role has digit 7
    expect(parsePersonCode('5113232004A')).toBeNull();
    expect(PERSON_CODE_PATTERN.test('51132300001')).toBe(false); // role digit 0
  });

  it('takes the number after the highest, then the lowest gap once 9999 is used, then gives up', () => {
    expect(nextFreeSequence([])).toBe(1);
    expect(nextFreeSequence([1, 2, 5])).toBe(6);
    const allButSeven = Array.from({ length: 9999 }, (_, i) => i + 1).filter((n) => n !== 7);
    expect(nextFreeSequence(allButSeven)).toBe(7);
    expect(nextFreeSequence(Array.from({ length: 9999 }, (_, i) => i + 1))).toBeNull();
  });
});
