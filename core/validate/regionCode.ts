// Administrative division codes: GB/T 2260 (county) and GB/T 10114 (township, village).
import { normalizeCode } from '../text';
import { type Check, fail, ok } from './result';

export type RegionLevel = 'county' | 'township' | 'village';
export type TownshipKind = '街道' | '镇' | '乡' | '类似乡级单位';
export type VillageKind = '居委会' | '村委会';

const LENGTH: Record<RegionLevel, number> = { county: 6, township: 9, village: 12 };
const DEFAULT_LABEL: Record<RegionLevel, string> = {
  county: '县级区划代码',
  township: '乡镇（街道）代码',
  village: '村（居）代码',
};

function asCode(raw: unknown): string {
  return raw == null ? '' : normalizeCode(String(raw));
}

/** 4-digit city/prefecture code (`5113`); a 6-digit form ending in `00` (`511300`) is accepted too. */
export function validateCityCode(raw: string, label = '市（州）代码'): Check<string> {
  const code = asCode(raw);
  if (code === '') return fail(`${label}不能为空`);
  const four = /^\d{4}00$/.test(code) ? code.slice(0, 4) : code;
  if (!/^\d{4}$/.test(four)) return fail(`${label}应为4位数字：${code}`);
  if (four.endsWith('00')) return fail(`${label}末两位不能为00（那是省级代码）：${code}`);
  return ok(four);
}

/**
 * 6/9/12-digit code of the given level. `parentCode` is the code one level up
 * (city 4 digits for a county, county 6 for a township, township 9 for a village).
 */
export function validateRegionCode(
  raw: string,
  level: RegionLevel,
  parentCode?: string,
  label: string = DEFAULT_LABEL[level],
): Check<string> {
  const code = asCode(raw);
  const len = LENGTH[level];
  if (code === '') return fail(`${label}不能为空`);
  if (!/^\d+$/.test(code)) return fail(`${label}只能包含数字：${code}`);
  if (code.length !== len) return fail(`${label}应为${len}位数字，实为${code.length}位：${code}`);
  // An all-zero tail is the parent itself, not a unit of this level.
  if (level === 'county' && code.endsWith('00')) {
    return fail(`${label}末两位不能为00（那是市级代码）：${code}`);
  }
  if (level !== 'county' && code.endsWith('000')) {
    return fail(`${label}末三位不能为000：${code}`);
  }
  const parent = asCode(parentCode);
  if (parent !== '' && !code.startsWith(parent)) {
    return fail(`${label}${code}不属于上级区划${parent}（应以${parent}开头）`);
  }
  return ok(code);
}

/** True when a 6-digit county code lies in a 4-digit city code. */
export function countyInCity(county6: string, city4: string): boolean {
  const county = asCode(county6);
  const city = asCode(city4);
  return /^\d{6}$/.test(county) && /^\d{4}$/.test(city) && county.startsWith(city);
}

/** Kind of a township from digits 7–9 (GB/T 10114); null when not a 9-digit code in 001–599. */
export function townshipKind(code9: string): TownshipKind | null {
  const code = asCode(code9);
  if (!/^\d{9}$/.test(code)) return null;
  const n = Number(code.slice(6));
  if (n >= 1 && n <= 99) return '街道';
  if (n >= 100 && n <= 199) return '镇';
  if (n >= 200 && n <= 399) return '乡';
  if (n >= 400 && n <= 599) return '类似乡级单位';
  return null;
}

/** Kind of a village from digits 10–12; null when not a 12-digit code in 001–399. */
export function villageKind(code12: string): VillageKind | null {
  const code = asCode(code12);
  if (!/^\d{12}$/.test(code)) return null;
  const n = Number(code.slice(9));
  if (n >= 1 && n <= 199) return '居委会';
  if (n >= 200 && n <= 399) return '村委会';
  return null;
}
