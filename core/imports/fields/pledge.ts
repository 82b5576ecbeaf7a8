// 保密承诺书 columns of the roster (work plan point 11): whether signed, and when.
import { PLEDGE_STATUSES } from '../../enums';
import type { ImportField } from '../types';

const PLEDGE_ALIASES: Record<string, string> = {
  是: '已签署',
  已签: '已签署',
  已签订: '已签署',
  签署: '已签署',
  已签字: '已签署',
  '√': '已签署',
  否: '未签署',
  未签: '未签署',
  未签订: '未签署',
};

export const pledgeImportFields: readonly ImportField[] = [
  {
    key: 'pledgeStatus',
    label: '保密承诺书',
    type: 'enum',
    values: PLEDGE_STATUSES,
    aliases: PLEDGE_ALIASES,
    synonyms: ['保密承诺书', '是否签署保密承诺书', '保密承诺', '签署保密承诺书', '保密承诺书签署情况'],
    hint: '已签署或未签署；只填签署日期即视为已签署',
  },
  {
    key: 'pledgeDate',
    label: '保密承诺书签署日期',
    type: 'date',
    synonyms: ['保密承诺书签署日期', '承诺书签署日期', '保密承诺签署日期', '签署日期'],
  },
];
