// Devices and accounts with their holder and whether they are still out (docs/spec/fieldwork-and-
// organisation.md §4). "Has left" is judged by the leave date as of census_today(), so a leaving
// entered ahead of time counts from its day.

/** Still with the holder: no return date and not settled as 遗失 or 已注销 (core/organisation.ts). */
const isOut = `d.returned_date IS NULL AND d.state IN ('在用', '故障')`;

export const fieldworkViews = [
  `CREATE VIEW devices_view AS
SELECT d.*,
  p.name AS person_name,
  p.person_code AS person_code,
  p.status AS person_status,
  p.left_date AS person_left_date,
  (${isOut}) AS is_out,
  (${isOut} AND p.status = '离岗' AND p.left_date IS NOT NULL AND p.left_date <= census_today()) AS out_with_leaver
FROM devices d LEFT JOIN people p ON p.id = d.person_id`,
];
