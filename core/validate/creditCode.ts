// 统一社会信用代码 (GB 32100-2015), rules exactly as in domain.md §9.
import { normalizeCode } from '../text';
import { type Check, fail, ok } from './result';
import { badCharAt } from './chars';

/** The code set: digits and capitals without I, O, Z, S, V. */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters (all assumed in the code set). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

export function validateCreditCode(raw: string, label = '统一社会信用代码'): Check<string> {
  const code = normalizeCode(raw == null ? '' : String(raw));
  if (code === '') return fail(`${label}不能为空`);
  const bad = badCharAt(code, (c) => CREDIT_CODE_CHARS.includes(c));
  if (bad) return fail(`${label}含有非法字符：${bad}（不使用字母I、O、Z、S、V）`);
  if (code.length !== 18) return fail(`${label}应为18位，实为${code.length}位`);
  if (!PATTERN.test(code)) return fail(`${label}第3–8位应为行政区划码（6位数字）`);
  const expected = creditCodeCheckChar(code);
  if (code[17] !== expected) return fail(`${label}校验位错误：应为 ${expected}，实为 ${code[17]}`);
  return ok(code);
}
