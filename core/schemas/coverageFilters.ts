// The 保密承诺书 fields of a person and the coverage filters the village and person lists take
// (docs/spec/coverage-and-archive.md), spread into the regions and personnel schemas.
import { bool, oneOf, optDate, optOneOf } from './fields';
import { PLEDGE_STATUSES } from '../enums';

/** 保密承诺书 (work plan point 11): none recorded reads as 未签署; a 签署日期 alone means 已签署. */
export const pledgeFields = {
  pledgeStatus: optOneOf('保密承诺书', PLEDGE_STATUSES),
  pledgeDate: optDate('保密承诺书签署日期'),
};

export const personRegisterListFilters = {
  pledgeStatus: oneOf('保密承诺书', PLEDGE_STATUSES).optional(),
  /** 普查员 above the 底册数 or 小区 count the office sets (coverage settings). */
  overWorkload: bool('是否超过工作量上限').optional(),
  /** 普查指导员 with more in-post 普查员 than the office's ratio allows. */
  overSpan: bool('是否超过指导员负责人数上限').optional(),
};

export const villageCoverageListFilters = {
  withoutDistrict: bool('是否未划入普查小区').optional(),
  /** Two 小区 of the village with the same name or 四至 (工业园区 aside): drawn twice. */
  duplicateDistricts: bool('是否有重复划分的普查小区').optional(),
};
