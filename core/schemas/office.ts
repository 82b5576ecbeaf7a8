// The office profile at each level (县/市/省): its codes, names, signatories and report settings
// (domain.md §1; docs/city-office.md).
import { z } from 'zod';
import { text, optText, optPhone, date, oneOf, int } from './fields';
import { MONEY_UNITS, REPORT_RHYTHMS } from '../enums';
import { validateCityCode } from '../validate/regionCode';
import { normalizeCode, normalizeText } from '../text';
import {
  OFFICE_FIELD_LABELS,
  OFFICE_LEVELS,
  isOfficeLevel,
  validateOfficeCode,
  type OfficeLevel,
} from '../officeLevels';
import { recordOf } from '../api/define';

export const TOTAL_ROW_POSITIONS = ['top', 'bottom'] as const;
/** What the UI shows for each stored position. */
export const TOTAL_ROW_POSITION_LABELS: Record<(typeof TOTAL_ROW_POSITIONS)[number], string> = {
  top: '表头下第一行',
  bottom: '表格末行',
};

const CITY_CODE_LABEL = OFFICE_FIELD_LABELS['县'].cityCode;
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && normalizeCode(v) === '');

/**
 * 4-digit city/prefecture code; the 6-digit form `511300` is accepted and stored as `5113`. Blank
 * is null here: a province office has none, and the office's rules say who must fill it in.
 */
const cityCode = z
  .union([z.string(), z.null()], { error: () => `${CITY_CODE_LABEL}应为文本` })
  .optional()
  .transform((v, ctx): string | null => {
    if (isBlank(v)) return null;
    const raw = normalizeCode(v as string);
    if (!/^\d{4}(\d{2})?$/.test(raw)) {
      ctx.addIssue({ code: 'custom', message: `${CITY_CODE_LABEL}格式不正确（4位数字，如 5113）` });
      return z.NEVER;
    }
    const r = validateCityCode(raw, CITY_CODE_LABEL);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  })
  .meta({ title: CITY_CODE_LABEL, kind: 'code' });

/** A name whose emptiness the office's level judges (a province office has no city). */
const levelName = (label: string, max: number) =>
  z
    .union([z.string(), z.null()], { error: () => `${label}应为文本` })
    .optional()
    .transform((v, ctx): string | null => {
      const t = v == null ? '' : normalizeText(v);
      if (t.length > max) {
        ctx.addIssue({ code: 'custom', message: `${label}不能超过${max}个字` });
        return z.NEVER;
      }
      return t === '' ? null : t;
    })
    .meta({ title: label, kind: 'text' });

/** The office's own 6-digit code, normalised here and judged by its level below. */
const officeCode = z
  .union([z.string(), z.null()], { error: () => `${OFFICE_FIELD_LABELS['县'].countyCode}应为文本` })
  .optional()
  .transform((v) => normalizeCode(v ?? ''))
  .meta({ title: OFFICE_FIELD_LABELS['县'].countyCode, kind: 'regionCode' });

/** The fields of the office at its level, each message naming the field as that level calls it. */
function checkLevel(
  v: {
    level: OfficeLevel;
    countyName: string | null;
    countyCode: string;
    cityName: string | null;
    cityCode: string | null;
  },
  ctx: z.core.$RefinementCtx<unknown>,
) {
  if (!isOfficeLevel(v.level)) return; // said by the field
  const labels = OFFICE_FIELD_LABELS[v.level];
  // `named`: the message names the field as this level calls it (dispatch adds no other label).
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message, params: { named: true } });
  if (!v.countyName) issue('countyName', `${labels.countyName}不能为空`);
  if (v.level === '省') {
    if (v.cityCode) issue('cityCode', `省普查办不填${labels.cityCode}`);
    if (v.cityName) issue('cityName', `省普查办不填${labels.cityName}`);
  } else {
    if (!v.cityName) issue('cityName', `${labels.cityName}不能为空`);
    if (!v.cityCode) issue('cityCode', `${labels.cityCode}不能为空`);
  }
  // A county lies in its city (511323 in 5113); a city's own code is its 4 digits + 00.
  const r = validateOfficeCode(v.level, v.countyCode, v.cityCode);
  if (!r.ok) issue('countyCode', r.message);
}

export const officeSave = z
  .object({
    level: oneOf('单位级别', OFFICE_LEVELS).default('县'),
    countyName: levelName(OFFICE_FIELD_LABELS['县'].countyName, 50),
    countyCode: officeCode,
    cityName: levelName(OFFICE_FIELD_LABELS['县'].cityName, 50),
    cityCode,
    unitName: text('填报单位', { max: 100 }),
    headName: optText('单位负责人', { max: 50 }),
    statsHeadName: optText('统计负责人', { max: 50 }),
    preparerName: optText('填表人', { max: 50 }),
    phone: optPhone('联系电话'),
    address: optText('地址', { max: 200 }),
    censusName: text('普查名称', { max: 100 }).default('第二次全国污染源普查'),
    referenceDate: date('标准时点').default('2017-12-31'),
    reportRhythm: oneOf('上报频率', REPORT_RHYTHMS).default('每月'),
    moneyUnit: oneOf('报表金额单位', MONEY_UNITS).default('元'),
    totalRowPosition: oneOf('合计行位置', TOTAL_ROW_POSITIONS).default('top'),
    reportDeadlineDay: int('报送截止日（次月几日）', 1, 28).default(5),
  })
  .strict()
  .superRefine(checkLevel);
export const officeRecord = recordOf(officeSave, {});
