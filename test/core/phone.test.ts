import { describe, expect, it } from 'vitest';
import {
  maskPhone,
  normalizeLandline,
  normalizeMobile,
  validateLandline,
  validateMobile,
  validatePhone,
} from '../../core/validate/phone';

describe('normalizeMobile', () => {
  it('drops spaces, dashes, full-width digits and the country code', () => {
    expect(normalizeMobile('138 1234 5678')).toBe('13812345678');
    expect(normalizeMobile('138-1234-5678')).toBe('13812345678');
    expect(normalizeMobile('１３８１２３４５６７８')).toBe('13812345678');
    expect(normalizeMobile('+86 138 1234 5678')).toBe('13812345678');
    expect(normalizeMobile('8613812345678')).toBe('13812345678');
    expect(normalizeMobile('008613812345678')).toBe('13812345678');
  });
  it('keeps 86 when the rest is not 11 digits', () => {
    expect(normalizeMobile('861381234567')).toBe('861381234567');
  });
});

describe('validateMobile', () => {
  it('accepts valid numbers', () => {
    expect(validateMobile('13812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(validateMobile('１９９ ８１７０ ００００')).toEqual({ ok: true, value: '19981700000' });
  });
  it('rejects with exact messages', () => {
    expect(validateMobile('1234567')).toEqual({ ok: false, message: '手机格式不正确：1234567（应为11位手机号）' });
    expect(validateMobile('12812345678')).toEqual({
      ok: false,
      message: '手机格式不正确：12812345678（应为11位手机号）',
    });
    expect(validateMobile('1234567', '手机号码')).toEqual({
      ok: false,
      message: '手机号码格式不正确：1234567（应为11位手机号）',
    });
    expect(validateMobile('  ')).toEqual({ ok: false, message: '手机不能为空' });
  });
});

describe('validateLandline', () => {
  it('accepts area code with or without dash, and extensions', () => {
    expect(validateLandline('0817-1234567')).toEqual({ ok: true, value: '0817-1234567' });
    expect(validateLandline('08171234567')).toEqual({ ok: true, value: '08171234567' });
    expect(validateLandline('010-12345678-123')).toEqual({ ok: true, value: '010-12345678-123' });
    expect(validateLandline('（0817）1234567')).toEqual({ ok: true, value: '0817-1234567' });
    expect(validateLandline('０８１７－１２３４５６７')).toEqual({ ok: true, value: '0817-1234567' });
  });
  it('rejects with exact messages', () => {
    expect(validateLandline('1234567')).toEqual({
      ok: false,
      message: '联系电话格式不正确：1234567（应为区号-号码，如 0817-1234567）',
    });
    expect(validateLandline('')).toEqual({ ok: false, message: '联系电话不能为空' });
  });
});

describe('validatePhone', () => {
  it('accepts a mobile or a landline', () => {
    expect(validatePhone('+86 138-1234-5678')).toEqual({ ok: true, value: '13812345678' });
    expect(validatePhone('0817 - 8888888')).toEqual({ ok: true, value: '0817-8888888' });
  });
  it('rejects anything else', () => {
    expect(validatePhone('1234567')).toEqual({
      ok: false,
      message: '联系电话格式不正确：1234567（应为11位手机号，或区号-号码，如 0817-1234567）',
    });
    expect(validatePhone('', '项目负责人电话')).toEqual({ ok: false, message: '项目负责人电话不能为空' });
  });
});

describe('masking', () => {
  it('maskPhone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0817-1234567')).toBe('081*****4567');
    expect(maskPhone('1234567')).toBe('1234567');
  });
  it('normalizeLandline', () => {
    expect(normalizeLandline(' (010)12345678 ')).toBe('010-12345678');
  });
});
