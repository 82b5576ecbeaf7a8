// Training sessions (培训班) and attendance (签到与考核). The people view reads training_attendance
// for each person's training status; the budget area links expenditures to a session (培训经费).
import type { SchemaPart } from './types';
import { isoDate, oneOf, stamps } from './types';
import { EXAM_METHODS, HOST_LEVELS, PERSON_ROLES, TRAINING_KINDS } from '../../core/enums';

const roleRank = `CASE r.role ${PERSON_ROLES.map((role, i) => `WHEN '${role}' THEN ${i}`).join(' ')} END`;

const bit = (col: string) => `CHECK (${col} IS NULL OR ${col} IN (0, 1))`;
const score = (col: string) => `CHECK (${col} IS NULL OR ${col} BETWEEN 0 AND 100)`;
/** Signed-in attendees holding a role; liaisons of both levels count once. */
const roleCount = (roles: string[]) =>
  `(SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.signed_in = 1 AND EXISTS (
     SELECT 1 FROM person_roles r WHERE r.person_id = a.person_id AND r.role IN (${roles.map((r) => `'${r}'`).join(', ')})))`;

export const training: SchemaPart = {
  labels: {
    training_sessions: '培训班',
    training_attendance: '培训签到与考核记录',
  },
  sql: `
CREATE TABLE training_sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL ${oneOf('kind', TRAINING_KINDS)},
  host_level TEXT NOT NULL ${oneOf('host_level', HOST_LEVELS)},
  host_unit TEXT,
  start_date TEXT NOT NULL ${isoDate('start_date')},
  end_date TEXT NOT NULL ${isoDate('end_date')},
  location TEXT,
  batch TEXT,
  hours REAL CHECK (hours IS NULL OR hours >= 0),
  instructor TEXT,
  exam_method TEXT ${oneOf('exam_method', EXAM_METHODS)},
  note TEXT,
  ${stamps},
  CHECK (end_date >= start_date)
);
CREATE INDEX training_sessions_start ON training_sessions (start_date);
CREATE INDEX training_sessions_kind ON training_sessions (kind);
CREATE INDEX training_sessions_host_level ON training_sessions (host_level);

-- Owned by the session. A row is a roster person or a guest added on the spot, never both.
-- passed is the final verdict: a passed 补考 sets it to 1, so the people view reads one column.
CREATE TABLE training_attendance (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES people (id),
  guest_name TEXT,
  guest_unit TEXT,
  guest_phone TEXT,
  signed_in INTEGER NOT NULL DEFAULT 0 ${bit('signed_in')},
  score REAL ${score('score')},
  passed INTEGER ${bit('passed')},
  makeup_score REAL ${score('makeup_score')},
  makeup_passed INTEGER ${bit('makeup_passed')},
  note TEXT,
  ${stamps},
  UNIQUE (session_id, person_id),
  CHECK ((person_id IS NULL) <> (guest_name IS NULL)),
  CHECK (person_id IS NULL OR (guest_unit IS NULL AND guest_phone IS NULL)),
  CHECK (makeup_passed IS NOT 1 OR passed = 1)
);
CREATE INDEX training_attendance_session ON training_attendance (session_id);
CREATE INDEX training_attendance_person ON training_attendance (person_id);
`,
  views: `
CREATE VIEW training_sessions_view AS
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
FROM training_sessions s;

CREATE VIEW training_attendance_view AS
SELECT a.*,
  coalesce(p.name, a.guest_name) AS name,
  coalesce(p.employer, a.guest_unit) AS unit,
  a.person_id IS NULL AS is_guest,
  coalesce((SELECT json_group_array(r.role ORDER BY ${roleRank}) FROM person_roles r WHERE r.person_id = a.person_id), '[]') AS roles,
  s.name AS session_name,
  s.start_date AS session_start_date,
  s.hours AS session_hours
FROM training_attendance a
JOIN training_sessions s ON s.id = a.session_id
LEFT JOIN people p ON p.id = a.person_id;
`,
};
