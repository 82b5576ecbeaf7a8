// core/imports: finding the table in a clerk's sheet, and the mapping guess (pure functions).
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { detectHeader } from '../../core/imports/header';
import { findDataRows } from '../../core/imports/rows';
import { fillMergedCells, type Grid } from '../../core/imports/sheet';
import { guessMapping, headerShape, mappingProblems, missingRequired } from '../../core/imports/mapping';
import { normalizeHeader, headerUnit } from '../../core/imports/headerText';
import { personFields } from '../../core/imports/fields/person';
import { budgetItemFields } from '../../core/imports/fields/budget';
import type { Cell } from '../../core/imports/types';

const grid = (rows: Cell[][], merges: string[] = []): Grid => ({
  name: 'S',
  rows,
  merges: merges.map((m) => XLSX.utils.decode_range(m)),
});
const letters = (g: Grid) => {
  const h = detectHeader(g, personFields)!;
  return guessMapping(h.columns, personFields);
};

describe('header texts', () => {
  it('normalises brackets, stars, line breaks and explanatory notes', () => {
    expect(normalizeHeader('负责乡镇（街道）')).toBe('负责乡镇(街道)');
    expect(normalizeHeader('*公民身份号码\n（18位）')).toBe('公民身份号码');
    expect(normalizeHeader('聘用日期(格式：2018-03-05)')).toBe('聘用日期');
    expect(normalizeHeader(' 姓　名 ')).toBe('姓名');
    expect(headerUnit(normalizeHeader('合同金额（万元）'))).toBe('万元');
    expect(headerUnit(normalizeHeader('合同金额（元）'))).toBe('元');
  });

  it('recognises the synonyms counties use', () => {
    const g = grid([
      ['身份证号', '手机', '所在单位', '所在乡镇', '类别', '名字'],
      ['证件号码', '联系电话', '工作单位', '负责乡镇（街道）', '人员类别', '姓名'],
      ['公民身份号码', '手机号码', '工作单位', '乡镇', '人员类型', '姓名'],
    ]);
    for (let r = 0; r < 3; r++) {
      const h = detectHeader({ ...g, rows: [g.rows[r]] }, personFields)!;
      expect(Object.values(guessMapping(h.columns, personFields))).toEqual([
        'idNumber',
        'mobile',
        'employer',
        'township',
        'roles',
        'name',
      ]);
    }
  });
});

describe('finding the header', () => {
  it('skips a merged title and the 填报单位 line, combines a grouped header row above', () => {
    const g = grid(
      [
        ['花名册', null, null, null],
        ['填报单位：蓬安县污普办', null, null, '填报日期：2018年5月20日'],
        ['序号', '基本信息', null, '工作信息'],
        [null, '姓名', '公民身份号码', '人员类别'],
        [1, '张三', 'x', '普查员'],
      ],
      ['A1:D1', 'A3:A4', 'B3:C3'],
    );
    const h = detectHeader(g, personFields)!;
    expect([h.first, h.last]).toEqual([2, 3]);
    expect(h.columns.map((c) => c.label)).toEqual([
      '序号',
      '基本信息/姓名',
      '基本信息/公民身份号码',
      '工作信息/人员类别',
    ]);
    expect(guessMapping(h.columns, personFields)).toEqual({ A: null, B: 'name', C: 'idNumber', D: 'roles' });
  });

  it('combines sub-headers under a merged caption (联系方式 over 手机 and 固定电话)', () => {
    const g = grid(
      [
        ['姓名', '公民身份号码', '联系方式', null, '人员类别'],
        [null, null, '手机', '固定电话', null],
        ['张三', 'x', '13800000000', '0817-1234567', '普查员'],
      ],
      ['C1:D1', 'A1:A2', 'B1:B2', 'E1:E2'],
    );
    const h = detectHeader(g, personFields)!;
    expect([h.first, h.last]).toEqual([0, 1]);
    expect(guessMapping(h.columns, personFields)).toEqual({
      A: 'name',
      B: 'idNumber',
      C: 'mobile',
      D: 'landline',
      E: 'roles',
    });
  });

  it('finds nothing in a sheet without known column names', () => {
    expect(detectHeader(grid([['会议签到'], ['时间', '地点']]), personFields)).toBeNull();
  });

  it('gives each field to one column only', () => {
    expect(letters(grid([['姓名', '手机', '联系电话', '公民身份号码']]))).toEqual({
      A: 'name',
      B: 'mobile',
      C: null,
      D: 'idNumber',
    });
  });
});

describe('data rows', () => {
  const body = (rows: Cell[][]) => findDataRows(grid([['序号', '姓名', '公民身份号码'], ...rows]), 0, 3, [0]);

  it('skips blank rows, pre-numbered empty rows and 合计 rows; stops at signature lines', () => {
    const d = body([
      [1, '张三', 'a'],
      [null, null, null],
      [2, '李四', 'b'],
      ['合计', null, null],
      [3, null, null],
      ['单位负责人：王建国', null, '填表人：张丽'],
      [4, '王五', 'c'],
    ]);
    expect(d.rows).toEqual([1, 3]);
    expect(d.endedAt).toBe(6);
    expect(d.skipped).toBe(3);
  });

  it('skips a 栏次 row right under the header', () => {
    expect(
      body([
        ['甲', 1, 2],
        [1, '张三', 'a'],
      ]).rows,
    ).toEqual([2]);
  });

  it('does not take a person for a signature line', () => {
    expect(
      body([
        [1, '审核', 'a'],
        [2, '负责人员', 'b'],
      ]).rows,
    ).toEqual([1, 2]);
    expect(body([['填表人', null, null]]).endedAt).toBe(1);
  });

  it('fills merged body cells with their value (a township merged over its people)', () => {
    const g = fillMergedCells(
      grid(
        [
          ['姓名', '乡镇'],
          ['张三', '锦屏镇'],
          ['李四', null],
          ['王五', null],
        ],
        ['B2:B4'],
      ),
      1,
    );
    expect(g.rows.map((r) => r[1])).toEqual(['乡镇', '锦屏镇', '锦屏镇', '锦屏镇']);
  });
});

describe('mappings', () => {
  it('the header shape ignores decorations, so the same form next month has the same shape', () => {
    const a = detectHeader(grid([['*姓名', '公民身份号码（18位）', '人员类别']]), personFields)!;
    const b = detectHeader(grid([['姓名', '公民身份号码', '人员类别']]), personFields)!;
    expect(headerShape(a.columns)).toBe(headerShape(b.columns));
  });

  it('names what is wrong with a mapping the clerk sent', () => {
    expect(mappingProblems({ A: 'name', B: 'name', C: 'nope', Z: null }, personFields, 3)).toEqual([
      '列“C”对应的字段“nope”不存在',
      '列“Z”不在表头范围内',
      '“姓名”同时对应了A、B列，只能对应一列',
    ]);
    expect(missingRequired({ A: 'name' }, personFields).map((f) => f.label)).toEqual(['公民身份号码', '人员类别']);
  });

  it('budget sheets: 类别 and 科目名称 columns, 万元 units read from the header', () => {
    const h = detectHeader(grid([['类别', '科目名称', '预算金额（万元）', '资金来源']]), budgetItemFields)!;
    expect(guessMapping(h.columns, budgetItemFields)).toEqual({
      A: 'category',
      B: 'name',
      C: 'amount',
      D: 'fundingLevel',
    });
  });
});
