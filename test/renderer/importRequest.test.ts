// The preview request the import screen sends, from the clerk's layout choices: what is sent and
// what is left to the backend's guess, and how one choice changes the others.
import { describe, expect, it } from 'vitest';
import { importPreviewInput } from '../../core/schemas/imports';
import {
  chooseHeaderRows,
  chooseSheet,
  detectHeaderAgain,
  FIRST_VIEW,
  guessAgain,
  headerRowsProblem,
  previewInput,
  remap,
  rowListText,
  rowsText,
  rowsToWrite,
  withHiddenRows,
} from '../../renderer/pages/imports/previewRequest';

describe('the preview request', () => {
  it('leaves to the backend what the clerk has not chosen', () => {
    expect(previewInput('id1', {}, FIRST_VIEW)).toEqual({ importId: 'id1', show: 'all', page: 1, pageSize: 20 });
  });

  it('sends the sheet, header rows and mapping chosen, in the API’s own shape', () => {
    const input = previewInput(
      'id1',
      { sheet: '村名单', headerRows: { first: 2, last: 3 }, mapping: { A: 'code', B: null } },
      { show: 'errors', page: 2, pageSize: 20 },
    );
    expect(input).toEqual({
      importId: 'id1',
      sheet: '村名单',
      headerRows: { first: 2, last: 3 },
      mapping: { A: 'code', B: null },
      show: 'errors',
      page: 2,
      pageSize: 20,
    });
    expect(importPreviewInput.safeParse(input).success).toBe(true);
  });
});

describe('choices', () => {
  const mapped = { sheet: '村名单', headerRows: { first: 2, last: 2 }, mapping: { A: 'code', B: 'name' } };

  it('another sheet starts afresh: its own header and guess', () => {
    expect(chooseSheet('汇总')).toEqual({ sheet: '汇总' });
  });

  it('header rows keep the sheet and drop the mapping (the columns change with the header)', () => {
    expect(chooseHeaderRows('村名单', 3, 3)).toEqual({ sheet: '村名单', headerRows: { first: 3, last: 3 } });
    expect(detectHeaderAgain('村名单')).toEqual({ sheet: '村名单' });
  });

  it('a column’s field replaces the mapping shown, keeping sheet and header', () => {
    expect(remap(mapped, { A: 'code', B: 'name', C: null }, 'C', 'township')).toEqual({
      ...mapped,
      mapping: { A: 'code', B: 'name', C: 'township' },
    });
    expect(remap({}, { A: 'code', B: 'name' }, 'B', null)).toEqual({ mapping: { A: 'code', B: null } });
  });

  it('a field given to one column is taken from the column that had it', () => {
    expect(remap({}, { A: 'code', B: 'name', C: null }, 'C', 'name').mapping).toEqual({
      A: 'code',
      B: null,
      C: 'name',
    });
  });

  it('back to the guess keeps the sheet and header', () => {
    expect(guessAgain(mapped)).toEqual({ sheet: '村名单', headerRows: { first: 2, last: 2 } });
    expect(guessAgain({ mapping: { A: 'code' } })).toEqual({});
  });
});

describe('包含隐藏行', () => {
  const m = { A: 'name' };
  it('ticked sends includeHiddenRows, keeping sheet, header and mapping; unticked sends nothing', () => {
    const choice = { sheet: 'S', headerRows: { first: 2, last: 2 }, mapping: m };
    const ticked = withHiddenRows(choice, true);
    expect(previewInput('id1', ticked, FIRST_VIEW)).toMatchObject({ sheet: 'S', mapping: m, includeHiddenRows: true });
    expect(importPreviewInput.parse(previewInput('id1', ticked, FIRST_VIEW)).includeHiddenRows).toBe(true);
    expect(withHiddenRows(ticked, false)).toEqual(choice);
    expect(previewInput('id1', withHiddenRows(ticked, false), FIRST_VIEW)).not.toHaveProperty('includeHiddenRows');
  });
  it('a remapped column and back to the guess keep it; another sheet starts unticked', () => {
    const ticked = withHiddenRows({ sheet: 'S' }, true);
    expect(remap(ticked, m, 'B', 'idNumber').includeHiddenRows).toBe(true);
    expect(guessAgain({ ...ticked, mapping: m })).toEqual({ sheet: 'S', includeHiddenRows: true });
    expect(chooseSheet('T')).toEqual({ sheet: 'T' });
  });
  it('names the rows, at most 20', () => {
    expect(rowListText([3])).toBe('第 3 行');
    expect(rowListText([3, 7])).toBe('第 3、7 行');
    expect(rowListText(Array.from({ length: 25 }, (_, i) => i + 2))).toBe(
      `第 ${Array.from({ length: 20 }, (_, i) => i + 2).join('、')} 行等`,
    );
  });
});

describe('header rows typed by the clerk', () => {
  it('are whole rows from 1, the last not before the first', () => {
    expect(headerRowsProblem(2, 3)).toBeNull();
    expect(headerRowsProblem(2, 2)).toBeNull();
    expect(headerRowsProblem(null, 2)).toBe('请填写表头首行（从 1 开始的行号）');
    expect(headerRowsProblem(0, 2)).toBe('请填写表头首行（从 1 开始的行号）');
    expect(headerRowsProblem(2, null)).toBe('请填写表头末行（从 1 开始的行号）');
    expect(headerRowsProblem(1.5, 2)).toBe('请填写表头首行（从 1 开始的行号）');
    expect(headerRowsProblem(3, 2)).toBe('表头首行（第3行）不能晚于表头末行（第2行）');
  });

  it('read as the sheet numbers them', () => {
    expect(rowsText({ first: 2, last: 2 })).toBe('第 2 行');
    expect(rowsText({ first: 2, last: 3 })).toBe('第 2–3 行');
  });
});

it('确认导入 writes the new rows, and the changed ones unless they are skipped', () => {
  expect(rowsToWrite({ new: 3, update: 2 }, 'update')).toBe(5);
  expect(rowsToWrite({ new: 3, update: 2 }, 'skip')).toBe(3);
  expect(rowsToWrite({ new: 0, update: 0 }, 'update')).toBe(0);
});
