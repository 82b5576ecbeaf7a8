// Training sessions with their counts and cost; attendance rows with who the attendee is.
import { roleRankSql } from './derived';

/** Signed-in attendees holding a role; liaisons of both levels count once. */
const roleCount = (roles: string[]) =>
  `(SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.signed_in = 1 AND EXISTS (
     SELECT 1 FROM person_roles r WHERE r.person_id = a.person_id AND r.role IN (${roles.map((r) => `'${r}'`).join(', ')})))`;

export const trainingViews = [
  `CREATE VIEW training_sessions_view AS
SELECT s.*,
  (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id) AS attendee_count,
  (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.signed_in = 1) AS signed_in_count,
  (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND (a.score IS NOT NULL OR a.passed IS NOT NULL)) AS examined_count,
  (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.passed = 1) AS passed_count,
  (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.person_id IS NULL) AS guest_count,
  ${roleCount(['普查员'])} AS enumerator_count,
  ${roleCount(['普查指导员'])} AS supervisor_count,
  ${roleCount(['第三方机构人员'])} AS third_party_count,
  ${roleCount(['乡镇(街道)联络员', '村(居)联络员'])} AS liaison_count,
  (SELECT coalesce(sum(e.amount), 0) FROM expenditures e WHERE e.training_id = s.id) AS cost
FROM training_sessions s`,

  `CREATE VIEW training_attendance_view AS
SELECT a.*,
  coalesce(p.name, a.guest_name) AS name,
  coalesce(p.employer, a.guest_unit) AS unit,
  a.person_id IS NULL AS is_guest,
  (SELECT json_group_array(role) FROM (SELECT r.role FROM person_roles r WHERE r.person_id = a.person_id ORDER BY ${roleRankSql})) AS roles,
  s.name AS session_name,
  s.start_date AS session_start_date,
  s.hours AS session_hours
FROM training_attendance a
JOIN training_sessions s ON s.id = a.session_id
LEFT JOIN people p ON p.id = a.person_id`,
];
