// 培训情况 (R2) at the end of @day: a session's attendees counted by the roles they held then (the
// view counts by today's roles, and a person who became a liaison since would count twice over).
import type { Database } from 'better-sqlite3';
import { ROLES_AS_OF_SQL } from '../../../db/history';
import type { TrainingSession } from '../../../core/reports/rows/training';
import type { AsOfParams } from './people';

const SQL = `SELECT a.session_id AS id,
  count(DISTINCT CASE WHEN r.role = '普查员' THEN a.id END) AS enumeratorCount,
  count(DISTINCT CASE WHEN r.role = '普查指导员' THEN a.id END) AS supervisorCount,
  count(DISTINCT CASE WHEN r.role = '第三方机构人员' THEN a.id END) AS thirdPartyCount,
  count(DISTINCT CASE WHEN r.role IN ('乡镇(街道)联络员', '村(居)联络员') THEN a.id END) AS liaisonCount
FROM training_attendance a JOIN (${ROLES_AS_OF_SQL}) r ON r.person_id = a.person_id
WHERE a.signed_in = 1
GROUP BY a.session_id`;

type Counts = Pick<TrainingSession, 'enumeratorCount' | 'supervisorCount' | 'thirdPartyCount' | 'liaisonCount'>;
const NONE: Counts = { enumeratorCount: 0, supervisorCount: 0, thirdPartyCount: 0, liaisonCount: 0 };

/** The sessions with their attendees' roles counted as they stood at @day. */
export function withRolesAsOf(db: Database, at: AsOfParams, sessions: TrainingSession[]): TrainingSession[] {
  const counts = new Map((db.prepare(SQL).all(at) as (Counts & { id: number })[]).map((r) => [r.id, r]));
  return sessions.map((s) => {
    const { id: _id, ...c } = counts.get(s.id) ?? { id: s.id, ...NONE };
    void _id;
    return { ...s, ...c };
  });
}
