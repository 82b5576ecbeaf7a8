// One pasted cell read as the value a clerk would have typed into that box: a number as Excel
// shows it (1,200 / ８８ / 88.0), a yes/no the way Chinese sheets write it (是/否, √/×, 合格/不合格).
// The field's own schema judges the value afterwards, so the message names the field.
import { normalizeText, removeSpaces, toHalfWidth } from './text';
import { type Check, fail, ok } from './validate/result';

const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^-?\.\d+$/;

/** A number cell: blank is empty (null); thousands separators and full-width digits are fine. */
export function pastedNumber(text: string, label: string): Check<number | null> {
  // Inner spaces are not dropped: 「88 79 95」 is three scores in one cell, not 887995.
  const t = normalizeText(toHalfWidth(text));
  if (t === '') return ok(null);
  if (!NUMBER.test(t)) return fail(`${label}应为数字：「${normalizeText(text)}」`);
  return ok(Number(t.replace(/,/g, '')));
}

const YES = ['是', '√', '✓', '✔', '1', 'y', 'yes', 'true', '有', '对'];
const NO = ['否', '×', '✗', '✘', '0', 'n', 'no', 'false', '无', '不'];

/**
 * A yes/no cell: blank is empty (null); `words` adds the column's own words (合格/不合格,
 * 已签到/未签到), which are matched before the generic ones.
 */
export function pastedYesNo(
  text: string,
  label: string,
  words: { yes: readonly string[]; no: readonly string[] } = { yes: [], no: [] },
): Check<boolean | null> {
  const t = removeSpaces(toHalfWidth(normalizeText(text))).toLowerCase();
  if (t === '') return ok(null);
  if (words.no.includes(t)) return ok(false);
  if (words.yes.includes(t)) return ok(true);
  if (NO.includes(t)) return ok(false);
  if (YES.includes(t)) return ok(true);
  const allowed = [...words.yes.slice(0, 1), ...words.no.slice(0, 1), '是', '否'].join('、');
  return fail(`${label}应为${allowed}之一：「${normalizeText(text)}」`);
}
