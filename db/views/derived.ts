// Derived values as SQL expressions, each defined once. The views (db/views/<area>.ts), the
// repository's filters (db/entities) and the report builders (backend/reports) all build on these,
// so a rule changes here and nowhere else; views are recreated at every open, so no migration.
import type { TRAINING_STATUSES } from '../../core/enums';
import { PERSON_ROLES } from '../../core/enums';
import { FILE_WITHIN_WORKDAYS, PUBLISH_WITHIN_WORKDAYS } from '../../core/deadlines';

/**
 * The clerk's calendar day by the backend's clock (db/clock.ts: the day of the clock the calling
 * handler was given, never SQLite's wall-clock date('now')). Reminders (overdue nodes, publication,
 * filing) are computed in the views against it, so every list, filter and the dashboard agree.
 */
export const TODAY_SQL = `census_today()`;

/**
 * The last day for 公告 / 备案 after signing (procurement practice; shown, not enforced): 2 and 7
 * working days by China's official calendar, core/workdays.ts through census_workdays_after()
 * (db/workdays.ts). `signed` names the signing date; NULL when it is.
 */
export const publishDueSql = (signed: string) => `census_workdays_after(${signed}, ${PUBLISH_WITHIN_WORKDAYS})`;
export const fileDueSql = (signed: string) => `census_workdays_after(${signed}, ${FILE_WITHIN_WORKDAYS})`;
/** Said beside the deadlines when a year past the holiday calendar was counted Monday to Friday. */
export const deadlineNoteSql = (signed: string) => `census_workdays_note(${signed}, ${FILE_WITHIN_WORKDAYS})`;

/** The acceptance conclusions that end a contract's performance (合格, 整改后合格; 不合格 does not). */
export const PASSING_ACCEPTANCE = `('合格', '整改后合格')`;

/**
 * A contract's status as the app shows and counts it: 履行中 with a passing latest acceptance is
 * 已验收 (an acceptance recorded before this rule, or after the status was typed, counts the same);
 * 已终止 and 已验收 stay as they are. `status` and `latestConclusion` are SQL expressions.
 */
export const contractStatusSql = (status: string, latestConclusion: string) =>
  `CASE WHEN ${status} = '履行中' AND coalesce(${latestConclusion} IN ${PASSING_ACCEPTANCE}, 0) THEN '已验收' ELSE ${status} END`;

/**
 * Left as of today: 离岗 with a leave date on or before today (or none recorded). A person whose
 * leave date is still ahead is in post until then. `p` is the people row's alias.
 */
export const hasLeftSql = (p: string) =>
  `(${p}.status = '离岗' AND (${p}.left_date IS NULL OR ${p}.left_date <= coalesce(${TODAY_SQL}, ${p}.left_date)))`;

/**
 * A census district's assignees of `role` who have not left: the one definition of "assigned" for
 * the district list and its filter, the dashboard check and every count. `district` names its id.
 */
export const activeAssigneeCountSql = (district: string, role: '普查员' | '普查指导员') =>
  `(SELECT count(*) FROM district_assignments a JOIN people p ON p.id = a.person_id
    WHERE a.district_id = ${district} AND a.role = '${role}' AND NOT ${hasLeftSql('p')})`;

/**
 * 执行率: numerator / denominator in percent, rounded half up to one decimal, in integer
 * arithmetic so no float noise reaches the report; NULL for a zero budget. Figures are never negative.
 */
export const rateSql = (num: string, den: string) =>
  `CASE WHEN (${den}) = 0 THEN NULL ELSE (((${num}) * 2000 + (${den})) / ((${den}) * 2)) / 10.0 END`;

/** Roles come back in the order domain.md lists them, whatever order they were entered in (alias r). */
export const roleRankSql = `CASE r.role ${PERSON_ROLES.map((role, i) => `WHEN '${role}' THEN ${i}`).join(' ')} END`;

type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** Whether any of the person's attendance rows meets `cond` (one index probe that stops early). */
const attendance = (personId: string, cond: string) =>
  `EXISTS (SELECT 1 FROM training_attendance ta WHERE ta.person_id = ${personId} AND ${cond})`;

/**
 * Passed a session's 考核. `passed` is the final verdict (a passed 补考 sets it), so one column
 * decides. `personId` is the SQL naming the person's id (`p.id`).
 */
export const passedSql = (personId: string) => attendance(personId, 'ta.passed = 1');

/** Trained: signed in at a session, or passed one (a verdict implies the person was there). */
export const trainedSql = (personId: string) => attendance(personId, '(ta.signed_in = 1 OR ta.passed = 1)');

/** 培训状态, the rule itself: 考核合格 over 已培训 over 未培训. */
export const trainingStatusSql = (personId: string) =>
  `CASE WHEN ${passedSql(personId)} THEN '考核合格' WHEN ${trainedSql(personId)} THEN '已培训' ELSE '未培训' END`;

/**
 * `trainingStatusSql(personId) = status` as a filter, spelled with the same two probes so that
 * each status needs as few as it can (未培训 over 100k people: one probe per row instead of two).
 * test/db/derived.test.ts checks it against trainingStatusSql for every combination of rows.
 */
export function trainingStatusIsSql(personId: string, status: TrainingStatus): string {
  const passed = passedSql(personId);
  const trained = trainedSql(personId);
  return { 考核合格: passed, 已培训: `${trained} AND NOT ${passed}`, 未培训: `NOT ${trained}` }[status];
}

/**
 * 人身意外保险 in force on `day` (an SQL expression naming an ISO date, used once): both ends
 * inclusive; a policy with a missing date is never in force. 1 or 0, never NULL. The same rule as
 * isInsuranceValid in core/schemas/personnel.ts (the get/list field), held together by a test.
 */
export const insuranceValidSql = (start: string, end: string, day: string) =>
  `coalesce(${day} BETWEEN ${start} AND ${end}, 0)`;
