// 单位信息 (domain.md §1): used by the setup wizard and the settings page. The fields are named as
// the office's level calls them (县名 / 市（州）名称 / 省名); a city office's own code is its city
// code + 00, so its 市（州）名称 and 代码 are taken from the fields it fills (withCityFields).
import { officeSave, TOTAL_ROW_POSITIONS, TOTAL_ROW_POSITION_LABELS } from '../../../core/schemas/system';
import { MONEY_UNITS, REPORT_RHYTHMS } from '../../../core/enums';
import { OFFICE_FIELD_LABELS, OFFICE_LEVELS, OFFICE_LEVEL_LABELS, type OfficeLevel } from '../../../core/officeLevels';
import type { FormSpec } from '../../forms/fieldSpec';
import type { Values } from '../../forms/useSchemaForm';

const PLACEHOLDERS: Record<OfficeLevel, { name: string; code: string; unit: string }> = {
  县: { name: '如 蓬安县', code: '6位，如 511323', unit: '如 蓬安县第二次全国污染源普查领导小组办公室' },
  市: {
    name: '如 南充市',
    code: '6位，市（州）代码加00，如 511300',
    unit: '如 南充市第二次全国污染源普查领导小组办公室',
  },
  省: { name: '如 四川省', code: '6位，省代码加0000，如 510000', unit: '如 四川省第二次全国污染源普查领导小组办公室' },
};

const SECTION: Record<OfficeLevel, string> = { 县: '本县与上级', 市: '本市（州）', 省: '本省' };

/** The office form at a level; `withLevel` adds the level choice (the first-run wizard). */
export function officeFormFor(level: OfficeLevel, withLevel = false): FormSpec {
  const labels = OFFICE_FIELD_LABELS[level];
  const ph = PLACEHOLDERS[level];
  const county = level === '县';
  return {
    schema: officeSave,
    items: [
      ...(withLevel
        ? [
            { section: '本单位是' },
            {
              name: 'level',
              span: 24,
              widget: 'radio' as const,
              options: OFFICE_LEVELS.map((l) => ({ value: l, label: OFFICE_LEVEL_LABELS[l] })),
            },
          ]
        : [{ name: 'level', hidden: true }]),
      { section: SECTION[level] },
      { name: 'countyName', span: 8, label: labels.countyName, placeholder: ph.name },
      {
        name: 'countyCode',
        span: 8,
        label: labels.countyCode,
        placeholder: ph.code,
        // A receiving office's units and files are filed under its code: fixed after the first run.
        ...(!county && !withLevel
          ? { disabled: true, help: '首次使用时确定，下级单位和收取的报表都归在此代码之下' }
          : {}),
      },
      { name: 'cityName', span: 8, label: labels.cityName, placeholder: '如 南充市', hidden: !county },
      { name: 'cityCode', span: 8, label: labels.cityCode, placeholder: '4位，如 5113', hidden: !county },
      { name: 'unitName', span: 16, placeholder: ph.unit },
      {
        name: 'reportDeadlineDay',
        span: 8,
        hidden: county,
        help: '下级单位每月报表的截止日：报告期次月的这一天（1–28），报送台账据此判断按时或逾期',
      },
      { section: '负责人与联系方式（印在报表表尾）' },
      { name: 'headName', span: 8 },
      { name: 'statsHeadName', span: 8 },
      { name: 'preparerName', span: 8 },
      { name: 'phone', span: 8, placeholder: '如 0817-8621234' },
      { name: 'address', span: 16 },
      { section: '普查与报表' },
      { name: 'censusName', span: 12 },
      { name: 'referenceDate', span: 12 },
      { name: 'reportRhythm', span: 8, options: REPORT_RHYTHMS },
      { name: 'moneyUnit', span: 8, options: MONEY_UNITS },
      {
        name: 'totalRowPosition',
        span: 8,
        options: TOTAL_ROW_POSITIONS.map((p) => ({ value: p, label: TOTAL_ROW_POSITION_LABELS[p] })),
      },
    ],
  };
}

/** The county form, as before (the settings page of a county office). */
export const officeForm: FormSpec = officeFormFor('县');

/** Every field any level's form holds: one value set whatever the level shown. */
export const OFFICE_FIELDS = Object.keys(officeSave.shape);

export const OFFICE_DEFAULTS = {
  level: '县',
  // Empty, not absent: every field is checked at once, so the first 下一步 names all that is missing.
  countyName: '',
  countyCode: '',
  unitName: '',
  censusName: '第二次全国污染源普查',
  referenceDate: '2017-12-31',
  reportRhythm: '每月',
  moneyUnit: '元',
  totalRowPosition: 'top',
  reportDeadlineDay: 5,
};

/**
 * The city fields a city office does not type (its own name and code are the city's) and a
 * province office leaves empty; the values to set so the form sends what the level means.
 */
export function withCityFields(values: Values): Values | null {
  const level = values.level;
  const name = typeof values.countyName === 'string' ? values.countyName : '';
  const code = typeof values.countyCode === 'string' ? values.countyCode.trim() : '';
  const want =
    level === '市'
      ? { cityName: name, cityCode: code.slice(0, 4) }
      : level === '省'
        ? { cityName: '', cityCode: '' }
        : null;
  if (!want) return null;
  return want.cityName === (values.cityName ?? '') && want.cityCode === (values.cityCode ?? '') ? null : want;
}
