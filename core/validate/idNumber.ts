// 公民身份号码 (GB 11643-1999), rules exactly as in domain.md §9.
import { isValidIso, todayIso } from '../dates';
import { normalizeCode, normalizeText } from '../text';
import { type Check, fail, ok } from './result';
import { badCharAt } from './chars';

export type IdInfo = { id: string; sex: '男' | '女'; birthDate: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Half-width, no spaces, uppercase (so a trailing `x` becomes `X`). */
export function normalizeIdNumber(raw: string): string {
  return normalizeCode(raw == null ? '' : String(raw));
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** A 15-digit ID (issued before 1999; GB 11643-1989). */
export const isLegacyId = (id: string) => /^[1-9]\d{14}$/.test(id);

/** What the clerk is told about a 15-digit ID, in the form, the person page and the import preview. */
export const legacyIdWarning = (label = '公民身份号码') => `${label}为15位旧号码，请核对并更换为18位`;

/**
 * The 18-digit form of a 15-digit ID, per GB 11643-1999: `19` inserted before the two-digit birth
 * year (after the 6-digit area code), then the check character computed over the 17 digits.
 */
export function legacyIdTo18(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + idCheckChar(body);
}

/**
 * The same person's ID in its other form: a 15-digit ID's 18-digit form, or the 15-digit form an
 * 18-digit ID was derived from (born 1900–1999, check character as derived); null when none.
 */
export function otherIdForm(id: string): string | null {
  if (isLegacyId(id)) return legacyIdTo18(id);
  if (!/^\d{17}[\dX]$/.test(id) || id.slice(6, 8) !== '19') return null;
  const short = id.slice(0, 6) + id.slice(8, 17);
  return legacyIdTo18(short) === id ? short : null;
}

/**
 * An ID typed into a number cell: Excel shows it as `1.10105E+17`, or keeps
 * 15 significant digits and turns the last three into `000` (checksum then fails).
 */
export function looksLikeExcelMangledId(raw: string): boolean {
  const s = normalizeIdNumber(raw);
  if (/^\d+(?:\.\d+)?E\+?\d+$/.test(s)) return true;
  return /^[1-9]\d{14}000$/.test(s) && idCheckChar(s) !== '0';
}

/** `digits` is the date as written in the ID (8 digits, or 6 for legacy IDs). */
function birthCheck(ymd: string, digits: string, positions: string, label: string, today: Date): string | null {
  const iso = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  if (!isValidIso(iso)) return `${label}第${positions}位出生日期无效：${digits}`;
  if (iso < '1900-01-01') return `${label}出生日期不能早于1900年：${digits}`;
  if (iso > todayIso(today)) return `${label}出生日期不能晚于今天`;
  return null;
}

function info(id: string, sexDigit: string, ymd: string): IdInfo {
  return {
    id,
    sex: Number(sexDigit) % 2 === 1 ? '男' : '女',
    birthDate: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`,
  };
}

export function validateIdNumber(raw: string, label = '公民身份号码', today: Date = new Date()): Check<IdInfo> {
  const id = normalizeIdNumber(raw);
  if (id === '') return fail(`${label}不能为空`);
  if (looksLikeExcelMangledId(raw)) {
    const shown = normalizeText(String(raw));
    return fail(`${label}被Excel按数字存储，末位已丢失（${shown}），请将该列设为文本后重新录入`);
  }

  // Legacy 15-digit ID (issued before 1999): accepted with a warning.
  if (/^\d{15}$/.test(id)) {
    if (id[0] === '0') return fail(`${label}首位不能为0`);
    const ymd = `19${id.slice(6, 12)}`;
    const bad = birthCheck(ymd, id.slice(6, 12), '7–12', label, today);
    if (bad) return fail(bad);
    return ok(info(id, id[14], ymd), legacyIdWarning(label));
  }

  if (/[^0-9X]/.test(id)) return fail(`${label}含有非法字符：${badCharAt(id, (c) => /[0-9X]/.test(c))}`);
  if (id.length !== 18) return fail(`${label}应为18位，实为${id.length}位`);
  if (id.slice(0, 17).includes('X')) return fail(`${label}只有最后一位可以是X`);
  if (id[0] === '0') return fail(`${label}首位不能为0`);

  const ymd = id.slice(6, 14);
  const bad = birthCheck(ymd, ymd, '7–14', label, today);
  if (bad) return fail(bad);

  const expected = idCheckChar(id);
  if (id[17] !== expected) return fail(`${label}校验位错误：应为 ${expected}，实为 ${id[17]}`);
  return ok(info(id, id[16], ymd));
}

/** `5113**********123X`: first 4 and last 4 kept, same length. Short values are fully starred. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}
