// 质量核查 records with their scope in words, error rate and the threshold judgement; the problem
// ledger with its overdue flag. docs/spec/quality-and-problems.md.
import { TODAY_SQL } from './derived';
import { DEFAULT_ERROR_RATE_THRESHOLD } from '../../core/schemas/quality';

/** The office's 差错率上限 (%), a setting (backend/areas/quality/settings.ts); the default until set. */
export const ERROR_RATE_THRESHOLD_SQL = `coalesce((SELECT json_extract(value_json, '$') FROM settings WHERE key = 'qualityErrorRateThreshold'), ${DEFAULT_ERROR_RATE_THRESHOLD})`;

/** The last day of a period (2018-06, 2018-06-上, 2018-06-下), as core/reports/period.ts says. */
const periodEnd = (col: string) =>
  `CASE WHEN ${col} LIKE '%-上' THEN substr(${col}, 1, 7) || '-15' ELSE date(substr(${col}, 1, 7) || '-01', '+1 month', '-1 day') END`;

export const qualityViews = [
  `CREATE VIEW quality_checks_view AS
SELECT q.*,
  c.name AS category_name,
  t.name AS township_name,
  d.name AS district_name,
  a.name AS agency_name,
  k.contract_no,
  CASE
    WHEN d.id IS NOT NULL THEN coalesce(t.name || ' ', '') || d.name
    WHEN k.id IS NOT NULL THEN coalesce(a.name || ' ', '') || k.contract_no
    WHEN t.id IS NOT NULL AND a.id IS NOT NULL THEN t.name || ' ' || a.name
    WHEN t.id IS NOT NULL THEN t.name
    WHEN a.id IS NOT NULL THEN a.name
    ELSE '全县'
  END AS scope_text,
  (q.sampled_count > 0 AND q.error_count * 100.0 > q.sampled_count * ${ERROR_RATE_THRESHOLD_SQL}) AS above_threshold,
  q.error_count - q.corrected_count AS uncorrected_count,
  ${periodEnd('q.period')} AS period_end
FROM quality_checks q
JOIN progress_categories c ON c.row_code = q.row_code
LEFT JOIN townships t ON t.id = q.township_id
LEFT JOIN census_districts d ON d.id = q.district_id
LEFT JOIN agencies a ON a.id = q.agency_id
LEFT JOIN contracts k ON k.id = q.contract_id`,

  `CREATE VIEW problems_view AS
SELECT p.*,
  pe.name AS person_name,
  a.name AS agency_name,
  t.name AS township_name,
  (p.status = '未办结' AND p.due_date IS NOT NULL AND p.due_date < ${TODAY_SQL}) AS overdue,
  CASE WHEN p.status = '未办结' AND p.due_date IS NOT NULL AND p.due_date < ${TODAY_SQL}
    THEN CAST(julianday(${TODAY_SQL}) - julianday(p.due_date) AS INTEGER) END AS days_overdue
FROM problems p
LEFT JOIN people pe ON pe.id = p.person_id
LEFT JOIN agencies a ON a.id = p.agency_id
LEFT JOIN townships t ON t.id = p.township_id`,
];
