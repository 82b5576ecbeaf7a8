// 手机 and 固定电话, rules exactly as in domain.md §9.
import { normalizeText, removeSpaces, toHalfWidth } from '../text';
import { type Check, fail, ok } from './result';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(0\d{2,3})-?\d{7,8}(-\d{1,6})?$/;
/** Hyphen look-alikes that Word/WPS and IMEs produce. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\u30FC]/g;

function asText(raw: unknown): string {
  return raw == null ? '' : normalizeText(String(raw));
}

/** Half-width, no spaces or dashes, country code `+86`/`0086`/`86` dropped when 11 digits remain. */
export function normalizeMobile(raw: string): string {
  const s = removeSpaces(toHalfWidth(asText(raw)))
    .replace(DASHES, '-')
    .replace(/-/g, '');
  const m = /^(?:\+86|0086|86)(\d{11})$/.exec(s);
  return m ? m[1] : s;
}

/** Half-width, no spaces, `(0817)1234567` → `0817-1234567`; keeps the dash as written otherwise. */
export function normalizeLandline(raw: string): string {
  const s = removeSpaces(toHalfWidth(asText(raw))).replace(DASHES, '-');
  const m = /^\((0\d{2,3})\)-?(.*)$/.exec(s);
  return m ? `${m[1]}-${m[2]}` : s;
}

export function validateMobile(raw: string, label = '手机'): Check<string> {
  const shown = asText(raw);
  if (shown === '') return fail(`${label}不能为空`);
  const value = normalizeMobile(raw);
  if (!MOBILE.test(value)) return fail(`${label}格式不正确：${shown}（应为11位手机号）`);
  return ok(value);
}

export function validateLandline(raw: string, label = '联系电话'): Check<string> {
  const shown = asText(raw);
  if (shown === '') return fail(`${label}不能为空`);
  const value = normalizeLandline(raw);
  if (!LANDLINE.test(value)) {
    return fail(`${label}格式不正确：${shown}（应为区号-号码，如 0817-1234567）`);
  }
  return ok(value);
}

/** A mobile or a landline; the value is normalised the way its kind is. */
export function validatePhone(raw: string, label = '联系电话'): Check<string> {
  const shown = asText(raw);
  if (shown === '') return fail(`${label}不能为空`);
  const mobile = normalizeMobile(raw);
  if (MOBILE.test(mobile)) return ok(mobile);
  const landline = normalizeLandline(raw);
  if (LANDLINE.test(landline)) return ok(landline);
  return fail(`${label}格式不正确：${shown}（应为11位手机号，或区号-号码，如 0817-1234567）`);
}

/** `13812345678` → `138****5678`; values shorter than 8 characters are returned unchanged. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return phone;
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
