import { describe, expect, it } from 'vitest';
import {
  fenToYuanNumber,
  formatWanYuan,
  formatYuan,
  formatYuanSymbol,
  parseYuan,
  percent,
  toDaxie,
} from '../../core/money';

describe('parseYuan: accepted forms', () => {
  it.each([
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['¥1234', 123400],
    ['￥1,234.5', 123450],
    ['1234元', 123400],
    ['１２３４．５６', 123456],
    ['１，２３４．５６元', 123456],
    ['  1234.5  ', 123450],
    ['0.01', 1],
    ['.5', 50],
    ['12.300', 1230],
    ['0', 0],
    ['1,234,567.89', 123456789],
  ] as const)('%s → %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, value: fen });
  });
  it('numbers from JSON or cells, without float drift', () => {
    expect(parseYuan(12.34)).toEqual({ ok: true, value: 1234 });
    expect(parseYuan(0.29)).toEqual({ ok: true, value: 29 });
    expect(parseYuan(1.005 * 1000)).toEqual({ ok: true, value: 100500 });
    expect(parseYuan(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(parseYuan(19.99)).toEqual({ ok: true, value: 1999 });
    expect(parseYuan(1200000)).toEqual({ ok: true, value: 120000000 });
  });
  it('negative amounts only when allowed', () => {
    expect(parseYuan('-5')).toEqual({ ok: false, message: '金额不能为负数' });
    expect(parseYuan(-5, '退款金额')).toEqual({ ok: false, message: '退款金额不能为负数' });
    expect(parseYuan('-5', '金额', { allowNegative: true })).toEqual({ ok: true, value: -500 });
    expect(parseYuan('-¥1,234.56', '金额', { allowNegative: true })).toEqual({ ok: true, value: -123456 });
    expect(parseYuan('¥-12', '金额', { allowNegative: true })).toEqual({ ok: true, value: -1200 });
    expect(parseYuan('-0')).toEqual({ ok: true, value: 0 });
  });
});

describe('parseYuan: errors', () => {
  it('more than two decimals', () => {
    expect(parseYuan('12.345')).toEqual({ ok: false, message: '金额最多两位小数' });
    expect(parseYuan(12.345, '合同金额')).toEqual({ ok: false, message: '合同金额最多两位小数' });
    expect(parseYuan(1e-7)).toEqual({ ok: false, message: '金额最多两位小数' });
  });
  it('empty', () => {
    expect(parseYuan('')).toEqual({ ok: false, message: '金额不能为空' });
    expect(parseYuan(null, '预算金额')).toEqual({ ok: false, message: '预算金额不能为空' });
    expect(parseYuan(undefined)).toEqual({ ok: false, message: '金额不能为空' });
  });
  it('unrecognised text', () => {
    expect(parseYuan('一千元')).toEqual({ ok: false, message: '金额格式无法识别：一千元（应为数字，如 1234.56）' });
    expect(parseYuan('1,23')).toEqual({ ok: false, message: '金额格式无法识别：1,23（应为数字，如 1234.56）' });
    expect(parseYuan('12.3.4')).toEqual({ ok: false, message: '金额格式无法识别：12.3.4（应为数字，如 1234.56）' });
    expect(parseYuan('¥')).toEqual({ ok: false, message: '金额格式无法识别：¥（应为数字，如 1234.56）' });
  });
  it('not finite or too large', () => {
    expect(parseYuan(Number.NaN)).toEqual({ ok: false, message: '金额不是有效数字' });
    expect(parseYuan(1e15)).toEqual({ ok: false, message: '金额数值过大：1000000000000000' });
    expect(parseYuan('99999999999999999')).toEqual({ ok: false, message: '金额数值过大：99999999999999999' });
  });
});

describe('formatting', () => {
  it('formatYuan', () => {
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-123456)).toBe('-1,234.56');
    expect(formatYuan(100000000000)).toBe('1,000,000,000.00');
  });
  it('formatYuanSymbol', () => {
    expect(formatYuanSymbol(123456)).toBe('¥1,234.56');
    expect(formatYuanSymbol(-123456)).toBe('-¥1,234.56');
  });
  it('formatWanYuan', () => {
    expect(formatWanYuan(12345600)).toBe('12.3456');
    expect(formatWanYuan(123456789012)).toBe('123,456.7890');
    expect(formatWanYuan(123456, 4)).toBe('0.1235');
    expect(formatWanYuan(123450, 4)).toBe('0.1235');
    expect(formatWanYuan(123449, 4)).toBe('0.1234');
    expect(formatWanYuan(12345600, 2)).toBe('12.35');
    expect(formatWanYuan(12345600, 0)).toBe('12');
    expect(formatWanYuan(-12345600)).toBe('-12.3456');
    expect(formatWanYuan(-10)).toBe('0.0000');
  });
  it('fenToYuanNumber', () => {
    expect(fenToYuanNumber(123456)).toBe(1234.56);
    expect(fenToYuanNumber(-5)).toBe(-0.05);
  });
});

describe('toDaxie', () => {
  it.each([
    [120000000, '壹佰贰拾万元整'],
    [12000000, '壹拾贰万元整'],
    [1200000, '壹万贰仟元整'],
    [100234, '壹仟零贰元叁角肆分'],
    [10050, '壹佰元零伍角'],
    [5, '伍分'],
    [50, '伍角'],
    [55, '伍角伍分'],
    [0, '零元整'],
    [100000001, '壹佰万元零壹分'],
    [1000000000000, '壹佰亿元整'],
    [10010000, '壹拾万零壹佰元整'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [101, '壹元零壹分'],
    [1000, '壹拾元整'],
    [100, '壹元整'],
    [10000100, '壹拾万零壹元整'],
    [1000100000, '壹仟万零壹仟元整'],
    [10000000000, '壹亿元整'],
    [10001000000, '壹亿零壹万元整'],
    [10010000000, '壹亿零壹拾万元整'],
    [101000000000, '壹拾亿零壹仟万元整'],
    [100000010000, '壹拾亿零壹佰元整'],
    [11000000000, '壹亿壹仟万元整'],
    [100000000000000, '壹万亿元整'],
    [-100234, '负壹仟零贰元叁角肆分'],
  ] as const)('%i fen → %s', (fen, text) => {
    expect(toDaxie(fen)).toBe(text);
  });
  it('rejects non-integer fen', () => {
    expect(() => toDaxie(1.5)).toThrow(RangeError);
  });
});

describe('percent', () => {
  it('rounds to the given decimals', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 8, 0)).toBe(13);
    expect(percent(1.005, 100, 2)).toBe(1.01);
    expect(percent(50, 50)).toBe(100);
    expect(percent(0, 7)).toBe(0);
    expect(percent(-1, 3)).toBe(-33.3);
  });
  it('null when the denominator is 0', () => {
    expect(percent(5, 0)).toBeNull();
    expect(percent(0, 0)).toBeNull();
  });
});
