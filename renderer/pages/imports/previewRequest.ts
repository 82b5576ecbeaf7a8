// What the clerk has chosen about the file's layout (sheet, header rows, column mapping) and the
// preview request built from it. Pure, so the rules are tested alone (test/renderer/importRequest.test.ts):
// a new sheet starts afresh, new header rows drop the mapping (the columns change with them), and
// a field given to one column is taken from any other column that had it.
import type { InputOf } from '../../../core/api';
import type { PREVIEW_FILTERS } from '../../../core/schemas/imports';

export type Mapping = Record<string, string | null>;
export type RowFilter = (typeof PREVIEW_FILTERS)[number];

export interface LayoutChoice {
  /** Left out: the backend takes the sheet whose header names the most columns. */
  sheet?: string;
  /** Left out: the header the backend finds. 1-based, as the sheet shows them. */
  headerRows?: { first: number; last: number };
  /** Left out: the remembered or guessed mapping. */
  mapping?: Mapping;
  /** 包含隐藏行: rows hidden in Excel are checked and imported too (left out by default). */
  includeHiddenRows?: boolean;
}

export interface RowView {
  show: RowFilter;
  page: number;
  pageSize: number;
}

export const FIRST_VIEW: RowView = { show: 'all', page: 1, pageSize: 20 };

export function previewInput(importId: string, choice: LayoutChoice, view: RowView): InputOf<'import.preview'> {
  return {
    importId,
    ...(choice.sheet !== undefined ? { sheet: choice.sheet } : {}),
    ...(choice.headerRows ? { headerRows: { ...choice.headerRows } } : {}),
    ...(choice.mapping ? { mapping: { ...choice.mapping } } : {}),
    ...(choice.includeHiddenRows ? { includeHiddenRows: true } : {}),
    show: view.show,
    page: view.page,
    pageSize: view.pageSize,
  };
}

/** Another sheet: its own header and its own guess. */
export const chooseSheet = (sheet: string): LayoutChoice => ({ sheet });

/** The header at rows the clerk names, on the sheet shown; the old mapping named other columns. */
export const chooseHeaderRows = (sheet: string, first: number, last: number): LayoutChoice => ({
  sheet,
  headerRows: { first, last },
});

/** Back to the header the backend finds on this sheet. */
export const detectHeaderAgain = (sheet: string): LayoutChoice => ({ sheet });

/** Column `letter` imported as `field` (null: left out); a field belongs to one column only. */
export function remap(choice: LayoutChoice, current: Mapping, letter: string, field: string | null): LayoutChoice {
  const mapping: Mapping = {};
  for (const [l, f] of Object.entries(current)) mapping[l] = field !== null && f === field ? null : f;
  mapping[letter] = field;
  return { ...choice, mapping };
}

/** Back to the remembered or guessed mapping. */
export const guessAgain = ({ sheet, headerRows, includeHiddenRows }: LayoutChoice): LayoutChoice => ({
  ...(sheet !== undefined ? { sheet } : {}),
  ...(headerRows ? { headerRows } : {}),
  ...(includeHiddenRows ? { includeHiddenRows } : {}),
});

/** 包含隐藏行 ticked or not; the sheet, header and mapping stay as chosen. */
export const withHiddenRows = (choice: LayoutChoice, include: boolean): LayoutChoice => {
  const { includeHiddenRows: _, ...rest } = choice;
  return include ? { ...rest, includeHiddenRows: true } : rest;
};

/** Row numbers as a clerk reads them: 第 3、7、9 行, at most `max` named. */
export function rowListText(rows: readonly number[], max = 20): string {
  const named = rows.slice(0, max).join('、');
  return rows.length > max ? `第 ${named} 行等` : `第 ${named} 行`;
}

/** Rows 确认导入 would write. */
export const rowsToWrite = (counts: { new: number; update: number }, onExisting: 'update' | 'skip') =>
  counts.new + (onExisting === 'update' ? counts.update : 0);

export const rowsText = ({ first, last }: { first: number; last: number }) =>
  first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`;

/**
 * Header rows as the clerk types them: whole numbers from 1, the last not before the first. The
 * backend checks them against the sheet; this only keeps nonsense from being sent.
 */
export function headerRowsProblem(first: number | null, last: number | null): string | null {
  if (first === null || !Number.isInteger(first) || first < 1) return '请填写表头首行（从 1 开始的行号）';
  if (last === null || !Number.isInteger(last) || last < 1) return '请填写表头末行（从 1 开始的行号）';
  if (first > last) return `表头首行（第${first}行）不能晚于表头末行（第${last}行）`;
  return null;
}
