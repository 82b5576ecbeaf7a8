import { describe, expect, it } from 'vitest';
import { blockWidth, isBlock, parseTsv, toTsv } from '../../core/tsv';
import { pastedNumber, pastedYesNo } from '../../core/pasteCells';

describe('parseTsv: the block Excel and WPS put on the clipboard', () => {
  it('splits cells on tabs and rows on \\r\\n, the last line break adding no row', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });
  it('reads \\n (Mac) and a lone \\r as row breaks too, and text without a final break', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\rb\r')).toEqual([['a'], ['b']]);
  });
  it('one column of scores is three rows of one cell, not one cell', () => {
    expect(parseTsv('88\r\n79\r\n95\r\n')).toEqual([['88'], ['79'], ['95']]);
  });
  it('keeps empty cells: leading, inner, trailing, and a blank line inside the block', () => {
    expect(parseTsv('\t2\t\r\n\r\n4\t\t6\r\n')).toEqual([['', '2', ''], [''], ['4', '', '6']]);
    expect(parseTsv('1\t')).toEqual([['1', '']]);
  });
  it('an empty text is an empty block; a lone line break is one empty cell', () => {
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('\r\n')).toEqual([['']]);
  });
  it('leaves ragged rows as they are', () => {
    const block = parseTsv('1\t2\t3\r\n4\r\n5\t6\r\n');
    expect(block).toEqual([['1', '2', '3'], ['4'], ['5', '6']]);
    expect(blockWidth(block)).toBe(3);
  });
  it('reads quoted cells: line breaks and tabs inside, doubled quotes', () => {
    const text = '"第一行\n第二行"\t"a\tb"\r\n"说""是""的"\tx\r\n';
    expect(parseTsv(text)).toEqual([
      ['第一行\n第二行', 'a\tb'],
      ['说"是"的', 'x'],
    ]);
    expect(parseTsv('"a\r\nb"')).toEqual([['a\r\nb']]);
  });
  it('a quote that does not close a cell is an ordinary character', () => {
    expect(parseTsv('5" 屏幕\t"未闭合\r\n"a"b\tc\r\n')).toEqual([
      ['5" 屏幕', '"未闭合'],
      ['"a"b', 'c'],
    ]);
  });
  it('keeps a cell’s spaces for the field to judge', () => {
    expect(parseTsv(' 88 \t张 三\r\n')).toEqual([[' 88 ', '张 三']]);
  });
});

describe('toTsv: copy out as Excel copies', () => {
  it('tabs, \\r\\n after every row, quotes only where needed', () => {
    expect(
      toTsv([
        ['1', '张三', ''],
        ['a\nb', 'x"y', '"q'],
      ]),
    ).toBe('1\t张三\t\r\n"a\nb"\tx"y\t"""q"\r\n');
  });
  it('reads back what it wrote', () => {
    const block = [
      ['备注\r\n两行', 'tab\there', '"引号"'],
      ['', '0', '3.5'],
    ];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});

describe('isBlock', () => {
  it('one cell is not a block; two cells in a row or a column are', () => {
    expect(isBlock(parseTsv('88\r\n'))).toBe(false);
    expect(isBlock(parseTsv('88\r\n79\r\n'))).toBe(true);
    expect(isBlock(parseTsv('88\t79'))).toBe(true);
  });
});

describe('pasted cells read as typed', () => {
  it('numbers as Excel shows them', () => {
    expect(pastedNumber(' 1,200 ', '数')).toEqual({ ok: true, value: 1200 });
    expect(pastedNumber('８８', '成绩')).toEqual({ ok: true, value: 88 });
    expect(pastedNumber('88.5', '成绩')).toEqual({ ok: true, value: 88.5 });
    expect(pastedNumber('', '成绩')).toEqual({ ok: true, value: null });
    expect(pastedNumber('88 79 95', '成绩')).toEqual({ ok: false, message: '成绩应为数字：「88 79 95」' });
    expect(pastedNumber('缺考', '成绩').ok).toBe(false);
  });
  it('yes/no in the words of the column first, then the usual marks', () => {
    const verdict = { yes: ['合格'], no: ['不合格'] };
    expect(pastedYesNo('不合格', '是否合格', verdict)).toEqual({ ok: true, value: false });
    expect(pastedYesNo('合格', '是否合格', verdict)).toEqual({ ok: true, value: true });
    expect(pastedYesNo('√', '签到')).toEqual({ ok: true, value: true });
    expect(pastedYesNo('否', '签到')).toEqual({ ok: true, value: false });
    expect(pastedYesNo(' ', '签到')).toEqual({ ok: true, value: null });
    expect(pastedYesNo('也许', '是否合格', verdict)).toEqual({
      ok: false,
      message: '是否合格应为合格、不合格、是、否之一：「也许」',
    });
  });
});
