import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIso,
  excelSerialToIso,
  formatDateCn,
  formatPeriodCn,
  isValidIso,
  isoToExcelSerial,
  parseDate,
  todayIso,
} from '../../core/dates';

describe('parseDate: accepted forms', () => {
  const forms: unknown[] = [
    '2018-03-05',
    '2018-3-5',
    '2018.3.5',
    '2018/3/5',
    '2018/03/05',
    '2018年3月5日',
    '2018年03月05日',
    '2018 年 3 月 5 日',
    '20180305',
    20180305,
    '２０１８－０３－０５',
    '２０１８年３月５日',
    '  2018-03-05\u3000',
    '2018-03-05 00:00:00',
    '2018/3/5 8:30',
    new Date(2018, 2, 5),
    new Date(2018, 2, 5, 23, 59),
    43164,
    '43164',
    43164.75,
  ];
  it.each(forms.map((f) => [f]))('%s → 2018-03-05', (input) => {
    expect(parseDate(input)).toEqual({ ok: true, value: '2018-03-05' });
  });
});

describe('parseDate: Excel serials (1900 system, Lotus bug)', () => {
  it('maps serials around the fictitious 1900-02-29', () => {
    expect(parseDate(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(parseDate(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(parseDate(60)).toEqual({ ok: false, message: '日期不是有效日期：60' });
    expect(parseDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(parseDate(2958465)).toEqual({ ok: true, value: '9999-12-31' });
  });
  it('rejects serials out of range', () => {
    expect(parseDate(0)).toEqual({ ok: false, message: '日期格式无法识别：0（应为 2018-03-05 等格式）' });
    expect(parseDate(2958466)).toEqual({ ok: false, message: '日期格式无法识别：2958466（应为 2018-03-05 等格式）' });
  });
});

describe('parseDate: errors', () => {
  it('impossible dates', () => {
    expect(parseDate('2018-02-30')).toEqual({ ok: false, message: '日期不是有效日期：2018-02-30' });
    expect(parseDate('20180230', '签订日期')).toEqual({ ok: false, message: '签订日期不是有效日期：20180230' });
    expect(parseDate('2018年13月1日')).toEqual({ ok: false, message: '日期不是有效日期：2018年13月1日' });
    expect(parseDate('1900-02-29')).toEqual({ ok: false, message: '日期不是有效日期：1900-02-29' });
  });
  it('leap years', () => {
    expect(parseDate('2000-02-29')).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseDate('2016.2.29')).toEqual({ ok: true, value: '2016-02-29' });
    expect(parseDate('2018.2.29')).toEqual({ ok: false, message: '日期不是有效日期：2018.2.29' });
  });
  it('years before 1900', () => {
    expect(parseDate('1899-12-31')).toEqual({ ok: false, message: '日期早于1900年：1899-12-31' });
  });
  it('empty', () => {
    expect(parseDate('')).toEqual({ ok: false, message: '日期不能为空' });
    expect(parseDate(' \u3000')).toEqual({ ok: false, message: '日期不能为空' });
    expect(parseDate(null, '发证日期')).toEqual({ ok: false, message: '发证日期不能为空' });
    expect(parseDate(undefined)).toEqual({ ok: false, message: '日期不能为空' });
  });
  it('unknown formats', () => {
    expect(parseDate('三月五日', '签订日期')).toEqual({
      ok: false,
      message: '签订日期格式无法识别：三月五日（应为 2018-03-05 等格式）',
    });
    expect(parseDate('2018-03')).toEqual({ ok: false, message: '日期格式无法识别：2018-03（应为 2018-03-05 等格式）' });
    expect(parseDate('2018-3/5')).toEqual({
      ok: false,
      message: '日期格式无法识别：2018-3/5（应为 2018-03-05 等格式）',
    });
    expect(parseDate(true)).toEqual({ ok: false, message: '日期格式无法识别：true（应为 2018-03-05 等格式）' });
  });
  it('invalid Date object', () => {
    expect(parseDate(new Date('nope'))).toEqual({ ok: false, message: '日期不是有效日期' });
  });
});

describe('Excel serial conversions', () => {
  it('excelSerialToIso', () => {
    expect(excelSerialToIso(43164)).toBe('2018-03-05');
    expect(excelSerialToIso(43190)).toBe('2018-03-31');
    expect(excelSerialToIso(43100)).toBe('2017-12-31');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });
  it('isoToExcelSerial', () => {
    expect(isoToExcelSerial('2018-03-05')).toBe(43164);
    expect(isoToExcelSerial('1900-01-01')).toBe(1);
    expect(isoToExcelSerial('1900-02-28')).toBe(59);
    expect(isoToExcelSerial('1900-03-01')).toBe(61);
    expect(isoToExcelSerial('9999-12-31')).toBe(2958465);
    expect(() => isoToExcelSerial('2018-02-30')).toThrow(RangeError);
  });
  it('round-trips every day of 2016–2019', () => {
    for (let serial = isoToExcelSerial('2016-01-01'); serial <= isoToExcelSerial('2019-12-31'); serial++) {
      expect(isoToExcelSerial(excelSerialToIso(serial)!)).toBe(serial);
    }
  });
});

describe('helpers', () => {
  it('isValidIso', () => {
    expect(isValidIso('2000-02-29')).toBe(true);
    expect(isValidIso('1900-02-29')).toBe(false);
    expect(isValidIso('2018-3-5')).toBe(false);
    expect(isValidIso('2018-04-31')).toBe(false);
    expect(isValidIso('2018-12-31')).toBe(true);
  });
  it('formatDateCn', () => {
    expect(formatDateCn('2018-03-31')).toBe('2018年3月31日');
    expect(formatDateCn('2017-12-31')).toBe('2017年12月31日');
    expect(formatDateCn('')).toBe('');
  });
  it('formatPeriodCn', () => {
    expect(formatPeriodCn('2018-06')).toBe('2018年06月');
    expect(formatPeriodCn('2018-6')).toBe('2018年06月');
    expect(formatPeriodCn('2018-11-15')).toBe('2018年11月');
    expect(`蓬安县_工作进度调度表_${formatPeriodCn('2018-06')}.xlsx`).toBe('蓬安县_工作进度调度表_2018年06月.xlsx');
    expect(formatPeriodCn('2018-13')).toBe('2018-13');
  });
  it('todayIso uses local time', () => {
    expect(todayIso(new Date(2018, 2, 5, 0, 0, 1))).toBe('2018-03-05');
    expect(todayIso(new Date(2018, 2, 5, 23, 59, 59))).toBe('2018-03-05');
  });
  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2018-03-05', 2)).toBe('2018-03-07');
    expect(addDays('2018-02-28', 1)).toBe('2018-03-01');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2017-12-31', 1)).toBe('2018-01-01');
    expect(addDays('2018-01-01', -1)).toBe('2017-12-31');
    expect(addDays('2018-03-05', 0)).toBe('2018-03-05');
    expect(() => addDays('2018-02-30', 1)).toThrow(RangeError);
  });
  it('compareIso', () => {
    expect(compareIso('2018-03-05', '2018-03-06')).toBe(-1);
    expect(compareIso('2018-03-06', '2018-03-05')).toBe(1);
    expect(compareIso('2018-03-05', '2018-03-05')).toBe(0);
  });
});
