import { describe, expect, it } from 'vitest';
import {
  idCheckChar,
  looksLikeExcelMangledId,
  maskIdNumber,
  normalizeIdNumber,
  validateIdNumber,
} from '../../core/validate/idNumber';

const TODAY = new Date(2018, 5, 1); // 2018-06-01, local time

describe('validateIdNumber: valid vectors', () => {
  it('11010519491231002X', () => {
    expect(validateIdNumber('11010519491231002X', undefined, TODAY)).toEqual({
      ok: true,
      value: { id: '11010519491231002X', sex: '女', birthDate: '1949-12-31' },
    });
  });
  it('34052419800101001X', () => {
    expect(validateIdNumber('34052419800101001X', undefined, TODAY)).toEqual({
      ok: true,
      value: { id: '34052419800101001X', sex: '男', birthDate: '1980-01-01' },
    });
  });
  it('lowercase x, spaces and full-width digits are normalised', () => {
    const expected = { ok: true, value: { id: '34052419800101001X', sex: '男', birthDate: '1980-01-01' } };
    expect(validateIdNumber('34052419800101001x', undefined, TODAY)).toEqual(expected);
    expect(validateIdNumber(' ３４０５２４ 19800101 001ｘ\u3000', undefined, TODAY)).toEqual(expected);
  });
  it('leap day 2000-02-29 is a valid birth date', () => {
    const r = validateIdNumber('511323200002290020', undefined, TODAY);
    expect(r).toEqual({ ok: true, value: { id: '511323200002290020', sex: '女', birthDate: '2000-02-29' } });
  });
  it('a genuine ID ending in 000 with a correct checksum is not treated as mangled', () => {
    expect(looksLikeExcelMangledId('511323199001017000')).toBe(false);
    expect(validateIdNumber('511323199001017000', undefined, TODAY).ok).toBe(true);
  });
  it('birth date equal to today is accepted', () => {
    expect(validateIdNumber('511323201901010015', undefined, new Date(2019, 0, 1)).ok).toBe(true);
  });
});

describe('validateIdNumber: invalid vectors, exact messages', () => {
  const msg = (raw: string, label?: string) => {
    const r = validateIdNumber(raw, label, TODAY);
    return r.ok ? 'OK' : r.message;
  };
  it('illegal character', () => {
    expect(msg('11010519491231002A')).toBe('公民身份号码含有非法字符：第 18 位是“A”');
    expect(msg('1101051949-231002X')).toBe('公民身份号码含有非法字符：第 11 位是“-”');
    // An invisible character pasted with the number is named by its code point.
    expect(msg('11010519\u200e4912310021')).toBe('公民身份号码含有非法字符：第 9 位是不可见字符 U+200E');
  });
  it('checksum', () => {
    expect(msg('110105194912310021')).toBe('公民身份号码校验位错误：应为 X，实为 1');
    expect(msg('51132319900101124X')).toBe('OK');
    expect(msg('511323199001011241')).toBe('公民身份号码校验位错误：应为 X，实为 1');
    expect(msg('34052419800101001X'.slice(0, 17) + '0')).toBe('公民身份号码校验位错误：应为 X，实为 0');
  });
  it('impossible date (Feb 31) and 1900-02-29', () => {
    expect(msg('11010519490231002X')).toBe('公民身份号码第7–14位出生日期无效：19490231');
    expect(msg('511323190002290024')).toBe('公民身份号码第7–14位出生日期无效：19000229');
  });
  it('birth date in the future', () => {
    expect(msg('511323201901010015')).toBe('公民身份号码出生日期不能晚于今天');
  });
  it('year before 1900', () => {
    expect(msg('511323189912310014')).toBe('公民身份号码出生日期不能早于1900年：18991231');
  });
  it('length', () => {
    expect(msg('11010519491231002')).toBe('公民身份号码应为18位，实为17位');
    expect(msg('1101051949123100211')).toBe('公民身份号码应为18位，实为19位');
  });
  it('empty', () => {
    expect(msg('')).toBe('公民身份号码不能为空');
    expect(msg(' \u3000 ')).toBe('公民身份号码不能为空');
  });
  it('X only at the end, no leading zero', () => {
    expect(msg('1101051949123100X2')).toBe('公民身份号码只有最后一位可以是X');
    expect(msg('01010519491231002X')).toBe('公民身份号码首位不能为0');
  });
  it('uses the given label', () => {
    expect(msg('110105194912310021', '身份证号码')).toBe('身份证号码校验位错误：应为 X，实为 1');
  });
});

describe('Excel-mangled IDs', () => {
  it('detects scientific notation and 000 endings that fail the checksum', () => {
    expect(looksLikeExcelMangledId('1.10105E+17')).toBe(true);
    expect(looksLikeExcelMangledId('5.11323E+17')).toBe(true);
    expect(looksLikeExcelMangledId('511323199001011000')).toBe(true);
    expect(looksLikeExcelMangledId('511323199001011231')).toBe(false);
    expect(looksLikeExcelMangledId('11010519491231002X')).toBe(false);
  });
  it('gives the Excel message with the raw value', () => {
    expect(validateIdNumber(' 1.10105E+17 ', undefined, TODAY)).toEqual({
      ok: false,
      message: '公民身份号码被Excel按数字存储，末位已丢失（1.10105E+17），请将该列设为文本后重新录入',
    });
    expect(validateIdNumber('511323199001011000', undefined, TODAY)).toEqual({
      ok: false,
      message: '公民身份号码被Excel按数字存储，末位已丢失（511323199001011000），请将该列设为文本后重新录入',
    });
  });
});

describe('15-digit legacy IDs', () => {
  it('accepted with a warning; sex from digit 15, birth from digits 7–12 with 19', () => {
    expect(validateIdNumber('130503670401001', undefined, TODAY)).toEqual({
      ok: true,
      value: { id: '130503670401001', sex: '男', birthDate: '1967-04-01' },
      warning: '公民身份号码为15位旧号码，请核对并更换为18位',
    });
    const r = validateIdNumber('511323750815002', undefined, TODAY);
    expect(r.ok && r.value).toEqual({ id: '511323750815002', sex: '女', birthDate: '1975-08-15' });
  });
  it('rejects an invalid legacy date', () => {
    expect(validateIdNumber('511323750231002', undefined, TODAY)).toEqual({
      ok: false,
      message: '公民身份号码第7–12位出生日期无效：750231',
    });
  });
});

describe('helpers', () => {
  it('normalizeIdNumber', () => {
    expect(normalizeIdNumber(' 34052419800101001x ')).toBe('34052419800101001X');
  });
  it('idCheckChar', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('51132319900101123')).toBe('1');
  });
  it('maskIdNumber keeps first 4 and last 4', () => {
    expect(maskIdNumber('51132319900101123X')).toBe('5113**********123X');
    expect(maskIdNumber('130503670401001')).toBe('1305*******1001');
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('')).toBe('');
  });
});
