// Townships (乡镇/街道), villages (村/社区), census districts (普查小区) and who is assigned to them.
import type { SchemaPart } from './types';
import { oneOf, stamps } from './types';
import { DISTRICT_BASES, DISTRICT_ROLES, DISTRICT_STATUSES } from '../../core/enums';

export const regions: SchemaPart = {
  labels: {
    townships: '乡镇（街道）',
    villages: '村（社区）',
    census_districts: '普查小区',
    district_assignments: '普查小区人员安排',
  },
  sql: `
CREATE TABLE townships (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE CHECK (length(code) = 9),
  name TEXT NOT NULL,
  note TEXT,
  ${stamps}
);

CREATE TABLE villages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  township_id INTEGER NOT NULL REFERENCES townships (id),
  code TEXT NOT NULL UNIQUE CHECK (length(code) = 12),
  name TEXT NOT NULL,
  note TEXT,
  ${stamps}
);
CREATE INDEX villages_township ON villages (township_id);

CREATE TABLE census_districts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  township_id INTEGER NOT NULL REFERENCES townships (id),
  village_id INTEGER REFERENCES villages (id),
  basis TEXT NOT NULL ${oneOf('basis', DISTRICT_BASES)},
  boundary_note TEXT,
  listing_count INTEGER CHECK (listing_count IS NULL OR listing_count >= 0),
  status TEXT NOT NULL ${oneOf('status', DISTRICT_STATUSES)},
  note TEXT,
  ${stamps}
);
CREATE INDEX census_districts_township ON census_districts (township_id);
CREATE INDEX census_districts_village ON census_districts (village_id);

-- Owned by the district: removing a district removes its assignments, never the people.
CREATE TABLE district_assignments (
  district_id INTEGER NOT NULL REFERENCES census_districts (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id),
  role TEXT NOT NULL ${oneOf('role', DISTRICT_ROLES)},
  PRIMARY KEY (district_id, person_id, role)
);
CREATE INDEX district_assignments_person ON district_assignments (person_id);
`,
  views: `
CREATE VIEW townships_view AS
SELECT t.*,
  CASE
    WHEN CAST(substr(t.code, 7, 3) AS INTEGER) BETWEEN 1 AND 99 THEN '街道'
    WHEN CAST(substr(t.code, 7, 3) AS INTEGER) BETWEEN 100 AND 199 THEN '镇'
    WHEN CAST(substr(t.code, 7, 3) AS INTEGER) BETWEEN 200 AND 399 THEN '乡'
    WHEN CAST(substr(t.code, 7, 3) AS INTEGER) BETWEEN 400 AND 599 THEN '类似乡级单位'
  END AS kind,
  (SELECT count(*) FROM villages v WHERE v.township_id = t.id) AS village_count,
  (SELECT count(*) FROM census_districts d WHERE d.township_id = t.id) AS district_count
FROM townships t;

CREATE VIEW villages_view AS
SELECT v.*, t.name AS township_name,
  CASE
    WHEN CAST(substr(v.code, 10, 3) AS INTEGER) BETWEEN 1 AND 199 THEN '居委会'
    WHEN CAST(substr(v.code, 10, 3) AS INTEGER) BETWEEN 200 AND 399 THEN '村委会'
  END AS kind
FROM villages v JOIN townships t ON t.id = v.township_id;

CREATE VIEW census_districts_view AS
SELECT d.*, t.name AS township_name, v.name AS village_name,
  (SELECT json_group_array(person_id) FROM district_assignments a WHERE a.district_id = d.id AND a.role = '普查员') AS enumerator_ids,
  (SELECT json_group_array(person_id) FROM district_assignments a WHERE a.district_id = d.id AND a.role = '普查指导员') AS supervisor_ids
FROM census_districts d
JOIN townships t ON t.id = d.township_id
LEFT JOIN villages v ON v.id = d.village_id;
`,
};
