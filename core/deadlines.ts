// The procurement reminders after a contract's signing (domain.md §4: publication within 2 and
// filing within 7 working days; shown, not enforced). Only the numbers and the words here, so the
// UI can show them without the holiday calendar; the due dates are computed by core/workdays.ts.

/** 公告 within this many working days of signing. */
export const PUBLISH_WITHIN_WORKDAYS = 2;
/** 备案 within this many working days of signing. */
export const FILE_WITHIN_WORKDAYS = 7;

/** How working days are counted, as the clerk reads it beside a deadline. */
export const WORKDAY_RULE = '工作日按国家法定节假日和调休安排计算';

export const PUBLISH_HINT = `政府采购合同一般应在签订后${PUBLISH_WITHIN_WORKDAYS}个工作日内公告`;
export const FILE_HINT = `政府采购合同一般应在签订后${FILE_WITHIN_WORKDAYS}个工作日内备案`;
