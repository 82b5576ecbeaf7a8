// Header cells as clerks write them: `负责乡镇（街道）`, `公民身份号码\n（18位）`, `*姓名`, `预算金额(万元)`.
// Matching compares normalised forms so full-width brackets, stars and line breaks do not matter.
import { removeSpaces, toHalfWidth } from '../text';
import type { Cell } from './types';

/** Marks of a required column and decorations that carry no meaning. */
const DECORATION = /[*＊※★☆:：]/g;
/** Bracketed notes that only explain the column: `（必填）`, `(18位)`, `（格式：2018-03-05）`. */
const NOTE = /\((?:必填|选填|必须填写|可选|\d+位|格式[^)]*|例[^)]*|如[^)]*|yyyy[^)]*|YYYY[^)]*)\)/g;

/** Half-width, no spaces or line breaks, no stars or colons, no explanatory brackets. */
export function normalizeHeader(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return removeSpaces(toHalfWidth(String(cell)))
    .replace(/[【〔［[]/g, '(')
    .replace(/[】〕］\]]/g, ')')
    .replace(DECORATION, '')
    .replace(NOTE, '');
}

/** The header without any bracketed part: `负责乡镇(街道)` → `负责乡镇`, `预算金额(万元)` → `预算金额`. */
export function headerStem(normalized: string): string {
  return normalized.replace(/\([^)]*\)/g, '');
}

/** Money headers may name their unit: `合同金额（万元）`, `预算金额/万元`. */
export function headerUnit(normalized: string): '元' | '万元' {
  return /万元/.test(normalized) ? '万元' : '元';
}
