// The people side of "as of a day" (docs/reports.md "As of a day"): who was in post, with which
// roles, training, certificate and insurance, and which census districts existed, at the end of
// @day. Dated facts answer by their own dates (hire and leave dates, certificate date, insurance
// dates, the session's end date); overwritten ones by their history (db/history.ts).
import type { Database } from 'better-sqlite3';
import {
  asOfSql,
  changedSince,
  DISTRICTS_HISTORY,
  historyStart,
  PEOPLE_HISTORY,
  ROLES_AS_OF_SQL,
} from '../../../db/history';
import { insuranceValidSql } from '../../../db/views/derived';

/** The day and the start of history, as the as-of queries bind them. */
export interface AsOfParams {
  day: string;
  start: string;
}

export const asOfParams = (db: Database, day: string): AsOfParams => ({ day, start: historyStart(db) ?? '' });

/** Attended (signed in or passed) / passed a session that had ended by @day. */
const attended = (personId: string, cond: string) =>
  `EXISTS (SELECT 1 FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
           WHERE ta.person_id = ${personId} AND ts.end_date <= @day AND ${cond})`;
export const passedAsOfSql = (personId: string) => attended(personId, 'ta.passed = 1');
export const trainedAsOfSql = (personId: string) => attended(personId, '(ta.signed_in = 1 OR ta.passed = 1)');
export const trainingStatusAsOfSql = (personId: string) =>
  `CASE WHEN ${passedAsOfSql(personId)} THEN '考核合格' WHEN ${trainedAsOfSql(personId)} THEN '已培训' ELSE '未培训' END`;

/** Every person's record as it stood at @day (alias-free subquery: id and the tracked columns, born_later). */
export const PEOPLE_AS_OF = asOfSql(PEOPLE_HISTORY);

/**
 * In the roster at @day: hired on or before it, or without a hire date and entered by then (a
 * person entered later with an earlier hire date is a late entry, and counts).
 */
export const onRosterSql = (p: string) => `(${p}.hire_start <= @day OR NOT ${p}.born_later)`;

/** In post at @day: hired by then (or, without a hire date, entered by then) and not left by then. */
export const inPostSql = (p: string) =>
  `((${p}.hire_start IS NOT NULL AND ${p}.hire_start <= @day) OR (${p}.hire_start IS NULL AND NOT ${p}.born_later))
   AND (${p}.left_date IS NULL OR ${p}.left_date > @day)`;

/** Each person's roles at @day as flags, one row per person (joined, not probed per role). */
const ROLE_FLAGS = `SELECT person_id, max(role = '普查员') AS enumerator, max(role = '普查指导员') AS supervisor,
  max(role = '乡镇(街道)联络员') AS township_liaison, max(role = '村(居)联络员') AS village_liaison
FROM (${ROLES_AS_OF_SQL}) GROUP BY person_id`;

/** 两员情况 by township at @day; the two roles counted once per person in 已培训…已参保. */
const STAFF_SQL = `
SELECT tid, sum(enumerator) AS enumerators, sum(supervisor) AS supervisors,
  sum(two AND trained) AS trained, sum(two AND passed) AS passed, sum(two AND certified) AS certified,
  sum(two AND insured) AS insured, sum(township_liaison) AS townshipLiaisons, sum(village_liaison) AS villageLiaisons
FROM (
  SELECT coalesce(p.township_id, 0) AS tid,
    coalesce(f.enumerator, 0) AS enumerator,
    coalesce(f.supervisor, 0) AS supervisor,
    (coalesce(f.enumerator, 0) OR coalesce(f.supervisor, 0)) AS two,
    ${trainedAsOfSql('p.id')} AS trained,
    ${passedAsOfSql('p.id')} AS passed,
    (p.cert_no IS NOT NULL AND (p.cert_date IS NULL OR p.cert_date <= @day)) AS certified,
    ${insuranceValidSql('p.insurance_start', 'p.insurance_end', '@day')} AS insured,
    coalesce(f.township_liaison, 0) AS township_liaison,
    coalesce(f.village_liaison, 0) AS village_liaison
  FROM (${PEOPLE_AS_OF}) p
  LEFT JOIN (${ROLE_FLAGS}) f ON f.person_id = p.id
  WHERE ${inPostSql('p')}
) GROUP BY tid`;

export type StaffCounts = Record<string, number>;

/** Per township id (0: none), the 两员情况 counts at @day. */
export function staffCountsAsOf(db: Database, at: AsOfParams): Map<number, StaffCounts> {
  return new Map((db.prepare(STAFF_SQL).all(at) as StaffCounts[]).map((r) => [r.tid, r]));
}

/** Census districts that existed at @day, per township (as it was then). */
export function districtCountsAsOf(db: Database, at: AsOfParams): Map<number, number> {
  const sql = `SELECT township_id AS id, count(*) AS n FROM (${asOfSql(DISTRICTS_HISTORY)}) d
               WHERE NOT d.born_later GROUP BY township_id`;
  return new Map((db.prepare(sql).all(at) as { id: number; n: number }[]).map((r) => [r.id, r.n]));
}

/** Whether the people's history holds anything after @day (if not, the roster reads the tables as they are). */
export const peopleChangedSince = (db: Database, day: string) =>
  changedSince(db, PEOPLE_HISTORY, day) || changedSince(db, 'roles', day);
