// Operators without their password hash; the audit log and the export history with their JSON
// columns under API names.
const OBJECT_KEYS = [
  'name',
  'title',
  'subject',
  'workContent',
  'summary',
  'archiveNo',
  'personName',
  'fileName',
  'period',
];
const objectName = `CASE WHEN coalesce(after_json, before_json) LIKE '{%' THEN coalesce(${['after_json', 'before_json']
  .flatMap((col) => OBJECT_KEYS.map((k) => `json_extract(${col}, '$.${k}')`))
  .join(', ')}) END AS object_name`;

export const baseViews = [
  `CREATE VIEW operators_view AS
SELECT id, name, role, active, last_login_at, created_at, updated_at FROM operators`,

  // object_name: what the entry is about in the clerk's words (a name, title, subject or node's
  // work), read from the record as written or, for a delete, as it was.
  `CREATE VIEW audit_log_view AS
SELECT id, at, operator_id, operator_name, action, entity, entity_id, before_json AS "before", after_json AS "after",
  ${objectName}
FROM audit_log`,

  // status: 已更正 once a later version of the same period replaced it (submission.md §2).
  `CREATE VIEW report_exports_view AS
SELECT id, report_id, period, version, exported_at, operator_id, operator_name, file_name, file_hash,
  figures_json AS figures, layout_version, export_uid, correction_reason, digest,
  CASE WHEN EXISTS (SELECT 1 FROM report_exports later WHERE later.report_id = e.report_id
    AND later.period = e.period AND later.version > e.version) THEN '已更正' ELSE '已报送' END AS status
FROM report_exports e`,
];
