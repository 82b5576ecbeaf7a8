// Townships and villages with their kind read from the code (domain.md §9), census districts with
// their assigned people; an assignee who has left counts as no assignee (derived.ts).
import { activeAssigneeCountSql, hasLeftSql } from './derived';

export const regionViews = [
  `CREATE VIEW townships_view AS
SELECT t.*,
  CASE
    WHEN CAST(substr(t.code, 7, 3) AS INTEGER) BETWEEN 1 AND 99 THEN '街道'
    WHEN CAST(substr(t.code, 7, 3) AS INTEGER) BETWEEN 100 AND 199 THEN '镇'
    WHEN CAST(substr(t.code, 7, 3) AS INTEGER) BETWEEN 200 AND 399 THEN '乡'
    WHEN CAST(substr(t.code, 7, 3) AS INTEGER) BETWEEN 400 AND 599 THEN '类似乡级单位'
  END AS kind,
  (SELECT count(*) FROM villages v WHERE v.township_id = t.id) AS village_count,
  (SELECT count(*) FROM census_districts d WHERE d.township_id = t.id) AS district_count
FROM townships t`,

  `CREATE VIEW villages_view AS
SELECT v.*, t.name AS township_name,
  CASE
    WHEN CAST(substr(v.code, 10, 3) AS INTEGER) BETWEEN 1 AND 199 THEN '居委会'
    WHEN CAST(substr(v.code, 10, 3) AS INTEGER) BETWEEN 200 AND 399 THEN '村委会'
  END AS kind
FROM villages v JOIN townships t ON t.id = v.township_id`,

  `CREATE VIEW census_districts_view AS
SELECT d.*, t.name AS township_name, v.name AS village_name,
  (SELECT json_group_array(person_id) FROM district_assignments a WHERE a.district_id = d.id AND a.role = '普查员') AS enumerator_ids,
  (SELECT json_group_array(person_id) FROM district_assignments a WHERE a.district_id = d.id AND a.role = '普查指导员') AS supervisor_ids,
  ${activeAssigneeCountSql('d.id', '普查员')} AS enumerator_count,
  ${activeAssigneeCountSql('d.id', '普查指导员')} AS supervisor_count,
  (SELECT json_group_array(person_id) FROM (SELECT DISTINCT a.person_id FROM district_assignments a JOIN people p ON p.id = a.person_id
     WHERE a.district_id = d.id AND ${hasLeftSql('p')} ORDER BY a.person_id)) AS left_assignee_ids
FROM census_districts d
JOIN townships t ON t.id = d.township_id
LEFT JOIN villages v ON v.id = d.village_id`,
];
