// 单位信息 (domain.md §1): used by the setup wizard and the settings page.
import { officeSave, TOTAL_ROW_POSITIONS, TOTAL_ROW_POSITION_LABELS } from '../../../core/schemas/system';
import { MONEY_UNITS, REPORT_RHYTHMS } from '../../../core/enums';
import type { FormSpec } from '../../forms/fieldSpec';

export const officeForm: FormSpec = {
  schema: officeSave,
  items: [
    { section: '本县与上级' },
    { name: 'countyName', span: 8, placeholder: '如 蓬安县' },
    { name: 'countyCode', span: 8, placeholder: '6位，如 511323' },
    { name: 'cityName', span: 8, placeholder: '如 南充市' },
    { name: 'cityCode', span: 8, placeholder: '4位，如 5113' },
    { name: 'unitName', span: 16, placeholder: '如 蓬安县第二次全国污染源普查领导小组办公室' },
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

export const OFFICE_DEFAULTS = {
  censusName: '第二次全国污染源普查',
  referenceDate: '2017-12-31',
  reportRhythm: '每月',
  moneyUnit: '元',
  totalRowPosition: 'top',
};
