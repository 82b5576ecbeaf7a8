import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, validateCreditCode } from '../../core/validate/creditCode';

const msg = (raw: string, label?: string) => {
  const r = validateCreditCode(raw, label);
  return r.ok ? 'OK' : r.message;
};

describe('validateCreditCode', () => {
  it('accepts the valid vectors', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateCreditCode('91110000600037341L')).toEqual({ ok: true, value: '91110000600037341L' });
  });
  it('normalises lowercase, spaces and full-width characters', () => {
    expect(validateCreditCode(' 9135 0100 m000 100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateCreditCode('９１１１００００６０００３７３４１Ｌ')).toEqual({
      ok: true,
      value: '91110000600037341L',
    });
  });
  it('checksum', () => {
    expect(msg('91350100M000100Y44')).toBe('统一社会信用代码校验位错误：应为 3，实为 4');
    expect(msg('91110000600037341K')).toBe('统一社会信用代码校验位错误：应为 L，实为 K');
  });
  it('a check value of 31 maps to 0', () => {
    expect(creditCodeCheckChar('91511323MA62A0000')).toBe('A');
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it('length', () => {
    expect(msg('91350100M000100Y4')).toBe('统一社会信用代码应为18位，实为17位');
    expect(msg('91350100M000100Y433')).toBe('统一社会信用代码应为18位，实为19位');
  });
  it('charset: I, O, Z, S, V and punctuation are not allowed', () => {
    expect(msg('91350100M000100O43')).toBe('统一社会信用代码含有非法字符：第 16 位是“O”（不使用字母I、O、Z、S、V）');
    expect(msg('9135010OM0I0100Y43')).toBe(
      '统一社会信用代码含有非法字符：第 8 位是“O”（另有 1 个不允许的字符）（不使用字母I、O、Z、S、V）',
    );
    expect(msg('91350100-000100Y43')).toBe('统一社会信用代码含有非法字符：第 9 位是“-”（不使用字母I、O、Z、S、V）');
  });
  it('digits 3–8 must be digits', () => {
    expect(msg('9135A100M000100Y43')).toBe('统一社会信用代码第3–8位应为行政区划码（6位数字）');
  });
  it('empty and custom label', () => {
    expect(msg('')).toBe('统一社会信用代码不能为空');
    expect(msg('91350100M000100Y44', '机构代码')).toBe('机构代码校验位错误：应为 3，实为 4');
  });
});
