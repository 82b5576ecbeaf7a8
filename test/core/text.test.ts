import { describe, expect, it } from 'vitest';
import { normalizeCode, normalizeText, removeSpaces, toHalfWidth } from '../../core/text';

describe('toHalfWidth', () => {
  it('converts full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('１２３ＡＢＣａｂｃ！～')).toBe('123ABCabc!~');
    expect(toHalfWidth('张\u3000三')).toBe('张 三');
    expect(toHalfWidth('－（）．，')).toBe('-().,');
  });
  it('leaves Chinese text and half-width text untouched', () => {
    expect(toHalfWidth('蓬安县第二次全国污染源普查')).toBe('蓬安县第二次全国污染源普查');
    expect(toHalfWidth('abc 123')).toBe('abc 123');
  });
});

describe('normalizeText', () => {
  it('trims half-width, full-width, NBSP and zero-width whitespace at both ends', () => {
    expect(normalizeText('  张三 ')).toBe('张三');
    expect(normalizeText('\u3000\u3000李四\u3000')).toBe('李四');
    expect(normalizeText('\u00A0\u200B王五\uFEFF\t\r\n')).toBe('王五');
  });
  it('keeps inner spaces and full-width characters', () => {
    expect(normalizeText(' 欧阳\u3000娜娜 ')).toBe('欧阳\u3000娜娜');
    expect(normalizeText('１２３')).toBe('１２３');
    expect(normalizeText('')).toBe('');
  });
});

describe('normalizeCode', () => {
  it('half-width, no whitespace anywhere, uppercase', () => {
    expect(normalizeCode(' ３４０５２４ １９８００１０１００１ｘ ')).toBe('34052419800101001X');
    expect(normalizeCode('91350100m000100y43')).toBe('91350100M000100Y43');
    expect(normalizeCode('5113\u200B23')).toBe('511323');
  });
});

describe('removeSpaces', () => {
  it('removes every kind of space', () => {
    expect(removeSpaces(' 138 1234\u30005678\u200B ')).toBe('13812345678');
  });
});
