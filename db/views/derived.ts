// Derived values as SQL expressions, each defined once. The views (db/views/<area>.ts), the
// repository's filters (db/entities) and the report builders (backend/reports) all build on these,
// so a rule changes here and nowhere else; views are recreated at every open, so no migration.
import type { TRAINING_STATUSES } from '../../core/enums';
import { PERSON_ROLES } from '../../core/enums';

/**
 * The clerk's calendar day by the backend's clock (db/clock.ts: the day of the clock the calling
 * handler was given, never SQLite's wall-clock date('now')). Reminders (overdue nodes, publication,
 * filing) are computed in the views against it, so every list, filter and the dashboard agree.
 */
export const TODAY_SQL = `census_today()`;

/** Reminder periods after signing (procurement practice; shown, not enforced). */
export const PUBLISH_WITHIN_DAYS = 2;
export const FILE_WITHIN_DAYS = 7;

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
