// core/imports/cells: what a spreadsheet adds to a value before the entity's schema sees it.
import { describe, expect, it } from 'vitest';
import { convertCell, numberText } from '../../core/imports/cells';
import { personFields } from '../../core/imports/fields/person';
import { contractFields } from '../../core/imports/fields/contracts';
import { attendanceFields } from '../../core/imports/fields/training';

const field = (key: string) => [...personFields, ...contractFields, ...attendanceFields].find((f) => f.key === key)!;
const value = (key: string, v: string | number | boolean | null, unit?: '元' | '万元') => {
  const r = convertCell(v, field(key), unit);
  return r === undefined ? undefined : r.ok ? r.value : { error: r.message };
};

describe('cells', () => {
  it("an empty cell is left out (so the schema's default or its 不能为空 applies)", () => {
    expect(value('name', null)).toBeUndefined();
    expect(value('name', ' \u3000')).toBeUndefined();
  });

  it('a code in a number cell: kept when Excel kept every digit, refused when digits were lost', () => {
    expect(value('personCode', 51132310001)).toBe('51132310001');
    expect(value('idNumber', 110105491231002)).toBe('110105491231002'); // 15-digit legacy ID fits
    expect(value('idNumber', 511323197907226200)).toEqual({
      error: '公民身份号码被Excel按数字存储，末位已丢失（511323197907226200），请将该列设为文本后重新录入',
    });
    expect(value('bankAccount', 6222021234567890000)).toEqual({
      error: expect.stringMatching(/^银行卡号被Excel按数字存储/),
    });
  });

  it('numbers in text columns are written out as Excel shows them', () => {
    expect(value('mobile', 13800000000)).toBe('13800000000');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
  });

  it('dates: text passes through for the schema to read; a bare number is a serial only within 1920–2100', () => {
    expect(value('hireStart', 43164)).toBe('2018-03-05');
    expect(value('hireStart', '2018年3月5日')).toBe('2018年3月5日');
    expect(value('hireStart', 20180305)).toBe('20180305');
    expect(value('hireStart', true)).toEqual({
      error: '聘用开始日期应为日期：请填写完整的年月日，如 2018-03-05、2018/3/5、2018.3.5、2018年3月5日 或 20180305',
    });
  });

  it('money: 元 and 万元 to 分 without float rounding', () => {
    expect(value('amount', '1,234.56')).toBe(123456);
    expect(value('amount', 1234.56)).toBe(123456);
    expect(value('amount', 1.2345, '万元')).toBe(1234500);
    expect(value('amount', '12.5万元', '万元')).toBe(12500000);
    expect(value('amount', '0.00001', '万元')).toBe(10);
    expect(value('amount', '0.0000001', '万元')).toEqual({
      error: expect.stringMatching(/合同金额（万元）最多两位小数/),
    });
    expect(value('amount', 'abc')).toEqual({ error: expect.stringMatching(/合同金额格式无法识别/) });
  });

  it('enumerations and lists take what clerks write', () => {
    expect(value('education', '本科')).toBe('大学本科');
    expect(value('politicalStatus', '党员')).toBe('中共党员');
    expect(value('ethnicity', '汉')).toBe('汉族');
    expect(value('roles', '普查员、乡镇（街道）联络员，指导员')).toEqual(['普查员', '乡镇(街道)联络员', '普查指导员']);
    expect(value('education', '博士后')).toBe('博士后'); // left for the schema to refuse with its list
  });

  it('yes/no cells', () => {
    expect(['√', '是', '已签到', 1].map((v) => value('signedIn', v))).toEqual([true, true, true, true]);
    expect(['×', '否', '缺勤', 0].map((v) => value('signedIn', v))).toEqual([false, false, false, false]);
    expect(value('passed', '合格')).toBe(true);
    expect(value('signedIn', '也许')).toEqual({ error: '签到应填“是”或“否”：也许' });
  });

  it('percentages for ratios', () => {
    expect(value('node.payableRatio', '30%')).toBe(30);
    expect(value('node.payableRatio', 'x')).toEqual({ error: '应付比例应为数字：x' });
  });
});
