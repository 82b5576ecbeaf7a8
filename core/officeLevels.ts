// The office's level (submission.md §4): a county office (县（区）普查办) keeps registries and sends R2;
// a city office (市普查办) takes in its counties' R2s and compiles the city's; a province office
// (省普查办) takes in its cities'. Every level keeps its own 6-digit division code in countyCode.
import { normalizeCode } from './text';
import { type Check, fail, ok } from './validate/result';
import { validateRegionCode } from './validate/regionCode';

export const OFFICE_LEVELS = ['县', '市', '省'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/** What the first-run wizard and the settings call each level. */
export const OFFICE_LEVEL_LABELS: Record<OfficeLevel, string> = {
  县: '县（区）普查办',
  市: '市普查办',
  省: '省普查办',
};

/** The reporting units of an office: a city's counties, a province's cities (none for a county). */
export const UNIT_KIND_LABELS: Record<OfficeLevel, string> = { 县: '', 市: '县（区）', 省: '市（州）' };

interface OfficeFieldLabels {
  countyName: string;
  countyCode: string;
  cityName: string;
  cityCode: string;
}

/** The office fields' names at each level, for the forms and the messages. */
export const OFFICE_FIELD_LABELS: Record<OfficeLevel, OfficeFieldLabels> = {
  县: { countyName: '县名', countyCode: '县级区划代码', cityName: '市（州）名称', cityCode: '市（州）代码' },
  市: { countyName: '市（州）名称', countyCode: '市级区划代码', cityName: '市（州）名称', cityCode: '市（州）代码' },
  省: { countyName: '省名', countyCode: '省级区划代码', cityName: '市（州）名称', cityCode: '市（州）代码' },
};

export const isOfficeLevel = (v: unknown): v is OfficeLevel =>
  typeof v === 'string' && (OFFICE_LEVELS as readonly string[]).includes(v);

/**
 * The office's own 6-digit code at its level: a county's (511323, in its city), a city's (its
 * 4-digit code + 00), a province's (2 digits + 0000).
 */
export function validateOfficeCode(level: OfficeLevel, raw: string, cityCode: string | null): Check<string> {
  const label = OFFICE_FIELD_LABELS[level].countyCode;
  if (level === '县') return validateRegionCode(raw, 'county', cityCode ?? undefined, label);
  const code = normalizeCode(raw ?? '');
  if (code === '') return fail(`${label}不能为空`);
  if (!/^\d{6}$/.test(code)) return fail(`${label}应为6位数字：${code}`);
  if (level === '市') {
    if (!code.endsWith('00') || code.endsWith('0000')) {
      return fail(`${label}应为市（州）4位代码加00，如 511300：${code}`);
    }
    if (cityCode && code !== `${cityCode}00`) {
      return fail(`${label}${code}与市（州）代码${cityCode}不符（应为${cityCode}00）`);
    }
    return ok(code);
  }
  if (!code.endsWith('0000') || code.startsWith('00')) return fail(`${label}应为2位省代码加0000，如 510000：${code}`);
  return ok(code);
}

/** The prefix every unit code of this office starts with: a city's 4 digits, a province's 2. */
export function unitPrefix(level: OfficeLevel, officeCode: string): string | null {
  if (level === '市') return officeCode.slice(0, 4);
  if (level === '省') return officeCode.slice(0, 2);
  return null;
}

/**
 * A unit's 6-digit code under this office: a city's county (511323 under 5113, not ending in 00),
 * a province's city (511300 under 51: PPCC00).
 */
export function validateUnitCode(level: OfficeLevel, officeCode: string, raw: string): Check<string> {
  const label = `${UNIT_KIND_LABELS[level] || '单位'}代码`;
  const prefix = unitPrefix(level, officeCode);
  if (prefix === null) return fail('县（区）普查办没有下级报送单位');
  const code = normalizeCode(raw ?? '');
  if (code === '') return fail(`${label}不能为空`);
  if (!/^\d{6}$/.test(code)) return fail(`${label}应为6位数字：${code}`);
  if (!code.startsWith(prefix)) return fail(`${label}${code}不在本${level}（${prefix}）之下（应以${prefix}开头）`);
  if (level === '市' && code.endsWith('00')) return fail(`${label}末两位不能为00（那是市级代码）：${code}`);
  if (level === '省' && (!code.endsWith('00') || code.endsWith('0000'))) {
    return fail(`${label}应为市（州）4位代码加00，如 ${prefix}1300：${code}`);
  }
  return ok(code);
}
