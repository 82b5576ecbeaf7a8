// People with their roles, districts, names of what they refer to, and training status.
import { roleRankSql, trainingStatusSql } from './derived';

export const personnelViews = [
  // Joined names are scalar subqueries rather than LEFT JOINs: a count or a filtered page then
  // never touches townships, villages or supervisors for rows it does not return (100k-row lists).
  // Lists are ordered in a subquery, not with json_group_array(… ORDER BY …): that form needs
  // SQLite 3.44, and the file must open in older tools (Debian 12's sqlite3 is 3.40).
  `CREATE VIEW people_view AS
SELECT p.*,
  (SELECT json_group_array(role) FROM (SELECT r.role FROM person_roles r WHERE r.person_id = p.id ORDER BY ${roleRankSql})) AS roles,
  (SELECT json_group_array(district_id) FROM (SELECT DISTINCT a.district_id FROM district_assignments a WHERE a.person_id = p.id ORDER BY a.district_id)) AS district_ids,
  (SELECT t.name FROM townships t WHERE t.id = p.township_id) AS township_name,
  (SELECT v.name FROM villages v WHERE v.id = p.village_id) AS village_name,
  (SELECT s.name FROM people s WHERE s.id = p.supervisor_id) AS supervisor_name,
  ${trainingStatusSql('p.id')} AS training_status
FROM people p`,

  // What person.list searches, filters and sorts on, and nothing else: a sort over 100k people then
  // holds narrow rows, and the page's full records are read from people_view afterwards.
  `CREATE VIEW people_search_view AS
SELECT id, person_code, name, id_number, birth_date, status, township_id, village_id, supervisor_id,
  insurance_start, insurance_end
FROM people`,
];
