import { describe, expect, it } from 'vitest';
import { describeDate, parseDateEntry, parseMonthEntry } from '../../core/dateEntry';
import { parseYuan } from '../../core/money';

describe('parseDateEntry: what a clerk types into a date box', () => {
  it.each([
    '2018-11-30',
    '2018/11/30',
    '2018.11.30',
    '20181130',
    '2018年11月30日',
    ' ２０１８－１１－３０ ',
    '2018年11月30',
  ])('%s → 2018-11-30', (text) => expect(parseDateEntry(text)).toEqual({ kind: 'ok', value: '2018-11-30' }));

  it('reads single-digit months and days', () => {
    expect(parseDateEntry('2018-3-5')).toEqual({ kind: 'ok', value: '2018-03-05' });
    expect(parseDateEntry('2018/3/5')).toEqual({ kind: 'ok', value: '2018-03-05' });
  });

  it('empty is empty, not an error', () => {
    expect(parseDateEntry('')).toEqual({ kind: 'empty' });
    expect(parseDateEntry('   ')).toEqual({ kind: 'empty' });
  });

  it('a bare number is never an Excel serial: half-typed compact dates are incomplete', () => {
    for (const text of ['2', '2018', '201811', '2018113', '43164']) {
      const r = parseDateEntry(text, '聘用开始日期');
      expect(r.kind, text).toBe('invalid');
      if (r.kind === 'invalid') expect(r.message).toContain('聘用开始日期未输完整');
    }
  });

  it('half-typed separated dates and impossible days are invalid, with the field named', () => {
    for (const text of ['2018-', '2018-11', '2018-11-', '2018年11月', '2018-02-30', '2018-13-01', 'abc']) {
      const r = parseDateEntry(text, '培训开始日期');
      expect(r.kind, text).toBe('invalid');
      if (r.kind === 'invalid') expect(r.message).toContain('培训开始日期');
    }
  });
});

describe('describeDate', () => {
  it('names the day of the week', () => {
    expect(describeDate('2018-11-30')).toBe('2018年11月30日 星期五');
    expect(describeDate('2017-12-31')).toBe('2017年12月31日 星期日');
    expect(describeDate('2024-02-29')).toBe('2024年2月29日 星期四');
  });
  it('leaves anything else as it is', () => expect(describeDate('2018-02-30')).toBe('2018-02-30'));
});

describe('parseMonthEntry: the 报告期 box', () => {
  it.each(['2026-12', '2026/12', '2026.12', '202612', '2026年12月', '2026年12', '２０２６－１２'])(
    '%s → 2026-12',
    (text) => expect(parseMonthEntry(text)).toEqual({ kind: 'ok', value: '2026-12' }),
  );
  it('pads a single-digit month', () => expect(parseMonthEntry('2026-3')).toEqual({ kind: 'ok', value: '2026-03' }));
  it('refuses what is not a month', () => {
    for (const text of ['2026', '2026-13', '2026-0', '20261', 'x'])
      expect(parseMonthEntry(text).kind, text).toBe('invalid');
    expect(parseMonthEntry('')).toEqual({ kind: 'empty' });
  });
});

describe('parseYuan: amounts as clerks type them', () => {
  it('reads 万 and 万元', () => {
    expect(parseYuan('3.5万')).toEqual({ ok: true, value: 3_500_000 });
    expect(parseYuan('3.5万元')).toEqual({ ok: true, value: 3_500_000 });
    expect(parseYuan('12万')).toEqual({ ok: true, value: 12_000_000 });
    expect(parseYuan('0.000001万')).toEqual({ ok: true, value: 1 });
    expect(parseYuan('1,200万')).toEqual({ ok: true, value: 1_200_000_000 });
  });
  it('reads thousands separators', () => expect(parseYuan('1,200')).toEqual({ ok: true, value: 120_000 }));
  it('refuses 万 below one 分 and 万 alone', () => {
    expect(parseYuan('0.0000001万').ok).toBe(false);
    expect(parseYuan('万').ok).toBe(false);
  });
});
