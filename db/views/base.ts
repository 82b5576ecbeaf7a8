// Operators without their password hash; the audit log and the export history with their JSON
// columns under API names.
export const baseViews = [
  `CREATE VIEW operators_view AS
SELECT id, name, role, active, last_login_at, created_at, updated_at FROM operators`,

  `CREATE VIEW audit_log_view AS
SELECT id, at, operator_id, operator_name, action, entity, entity_id, before_json AS "before", after_json AS "after"
FROM audit_log`,

  `CREATE VIEW report_exports_view AS
SELECT id, report_id, period, version, exported_at, operator_id, operator_name, file_name, file_hash,
  figures_json AS figures, layout_version
FROM report_exports`,
];
