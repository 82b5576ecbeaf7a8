// People (人员) and their roles. Other areas refer to `people (id)` and read `person_roles`.
import type { SchemaPart } from './types';
import { isoDate, oneOf, stamps } from './types';
import {
  EDUCATION_LEVELS,
  PAY_BASES,
  PERSON_ROLES,
  PERSON_SOURCES,
  PERSON_STATUSES,
  POLITICAL_STATUSES,
  SEXES,
} from '../../core/enums';

/** Roles come back in the order domain.md lists them, whatever order they were entered in. */
const roleRank = `CASE r.role ${PERSON_ROLES.map((role, i) => `WHEN '${role}' THEN ${i}`).join(' ')} END`;

export const personnel: SchemaPart = {
  labels: {
    people: '人员',
    person_roles: '人员类别',
  },
  sql: `
CREATE TABLE people (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_code TEXT NOT NULL UNIQUE CHECK (length(person_code) = 11),
  name TEXT NOT NULL,
  sex TEXT NOT NULL ${oneOf('sex', SEXES)},
  birth_date TEXT NOT NULL ${isoDate('birth_date')},
  id_number TEXT NOT NULL UNIQUE,
  ethnicity TEXT,
  political_status TEXT ${oneOf('political_status', POLITICAL_STATUSES)},
  education TEXT ${oneOf('education', EDUCATION_LEVELS)},
  employer TEXT,
  position TEXT,
  source TEXT ${oneOf('source', PERSON_SOURCES)},
  mobile TEXT,
  township_id INTEGER REFERENCES townships (id),
  village_id INTEGER REFERENCES villages (id),
  supervisor_id INTEGER REFERENCES people (id),
  agency_id INTEGER REFERENCES agencies (id),
  cert_no TEXT,
  cert_date TEXT ${isoDate('cert_date')},
  cert_issuer TEXT,
  hire_start TEXT ${isoDate('hire_start')},
  hire_end TEXT ${isoDate('hire_end')},
  status TEXT NOT NULL ${oneOf('status', PERSON_STATUSES)},
  left_date TEXT ${isoDate('left_date')},
  left_reason TEXT,
  insurance_company TEXT,
  insurance_policy_no TEXT,
  insurance_start TEXT ${isoDate('insurance_start')},
  insurance_end TEXT ${isoDate('insurance_end')},
  insurance_amount INTEGER CHECK (insurance_amount IS NULL OR insurance_amount >= 0),
  bank_name TEXT,
  bank_account TEXT,
  pay_rate INTEGER CHECK (pay_rate IS NULL OR pay_rate >= 0),
  pay_basis TEXT ${oneOf('pay_basis', PAY_BASES)},
  note TEXT,
  ${stamps},
  -- The handlers give the Chinese message; these keep imports and scripts honest too.
  CHECK (status = '在岗' OR left_date IS NOT NULL),
  CHECK (hire_start IS NULL OR hire_end IS NULL OR hire_end >= hire_start),
  CHECK (insurance_start IS NULL OR insurance_end IS NULL OR insurance_end >= insurance_start)
);
-- person_code and id_number are indexed by their UNIQUE constraints.
CREATE INDEX people_name ON people (name);
CREATE INDEX people_township ON people (township_id);
CREATE INDEX people_village ON people (village_id);
CREATE INDEX people_supervisor ON people (supervisor_id);
CREATE INDEX people_agency ON people (agency_id);
CREATE INDEX people_status ON people (status);
CREATE INDEX people_birth_date ON people (birth_date);

-- Owned by the person: removing a person removes their roles.
CREATE TABLE person_roles (
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role TEXT NOT NULL ${oneOf('role', PERSON_ROLES)},
  PRIMARY KEY (person_id, role)
) WITHOUT ROWID;
CREATE INDEX person_roles_role ON person_roles (role, person_id);
`,
  // Joined names are scalar subqueries rather than LEFT JOINs: a count or a filtered page then
  // never touches townships, villages or supervisors for rows it does not return (100k-row lists).
  views: `
CREATE VIEW people_view AS
SELECT p.*,
  (SELECT json_group_array(r.role ORDER BY ${roleRank}) FROM person_roles r WHERE r.person_id = p.id) AS roles,
  (SELECT json_group_array(DISTINCT a.district_id ORDER BY a.district_id) FROM district_assignments a WHERE a.person_id = p.id) AS district_ids,
  (SELECT t.name FROM townships t WHERE t.id = p.township_id) AS township_name,
  (SELECT v.name FROM villages v WHERE v.id = p.village_id) AS village_name,
  (SELECT s.name FROM people s WHERE s.id = p.supervisor_id) AS supervisor_name,
  -- passed is the final verdict (a passed 补考 sets it), so one probe of the person's attendance decides.
  coalesce(
    (SELECT CASE WHEN max(ta.passed) = 1 THEN '考核合格' WHEN max(ta.signed_in) = 1 THEN '已培训' END
     FROM training_attendance ta WHERE ta.person_id = p.id),
    '未培训'
  ) AS training_status
FROM people p;

-- What person.list searches, filters and sorts on, and nothing else: a sort over 100k people then
-- holds narrow rows, and the page's full records are read from people_view afterwards.
CREATE VIEW people_search_view AS
SELECT id, person_code, name, id_number, birth_date, status, township_id, village_id, supervisor_id,
  insurance_start, insurance_end
FROM people;
`,
};
