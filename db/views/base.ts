// Operators without their password hash; the audit log and the export history with their JSON
// columns under API names.
export const baseViews = [
  `CREATE VIEW operators_view AS
SELECT id, name, role, active, last_login_at, created_at, updated_at FROM operators`,

  `CREATE VIEW audit_log_view AS
SELECT id, at, operator_id, operator_name, action, entity, entity_id, before_json AS "before", after_json AS "after"
FROM audit_log`,

  // status: 已更正 once a later version of the same period replaced it (submission.md §2).
  `CREATE VIEW report_exports_view AS
SELECT id, report_id, period, version, exported_at, operator_id, operator_name, file_name, file_hash,
  figures_json AS figures, layout_version, export_uid, correction_reason, digest,
  CASE WHEN EXISTS (SELECT 1 FROM report_exports later WHERE later.report_id = e.report_id
    AND later.period = e.period AND later.version > e.version) THEN '已更正' ELSE '已报送' END AS status
FROM report_exports e`,
];
