// Office profile, settings, operators, the audit log and the history of exported reports.
import type { SchemaPart } from './types';
import { oneOf, stamps } from './types';
import { OPERATOR_ROLES, REPORT_RHYTHMS, MONEY_UNITS } from '../../core/enums';

export const base: SchemaPart = {
  labels: {
    office_profile: '单位信息',
    settings: '设置',
    operators: '操作员',
    audit_log: '操作日志',
    report_exports: '报表导出记录',
  },
  sql: `
CREATE TABLE office_profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  county_name TEXT NOT NULL,
  county_code TEXT NOT NULL CHECK (length(county_code) = 6),
  city_name TEXT,
  city_code TEXT CHECK (city_code IS NULL OR length(city_code) = 4),
  unit_name TEXT NOT NULL,
  head_name TEXT,
  stats_head_name TEXT,
  preparer_name TEXT,
  phone TEXT,
  address TEXT,
  census_name TEXT NOT NULL,
  reference_date TEXT,
  report_rhythm TEXT NOT NULL ${oneOf('report_rhythm', REPORT_RHYTHMS)},
  money_unit TEXT NOT NULL ${oneOf('money_unit', MONEY_UNITS)},
  total_row_position TEXT NOT NULL CHECK (total_row_position IN ('top', 'bottom')),
  ${stamps}
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at TEXT NOT NULL
);

CREATE TABLE operators (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL ${oneOf('role', OPERATOR_ROLES)},
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  last_login_at TEXT,
  ${stamps}
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  operator_id INTEGER,
  operator_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE report_exports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id TEXT NOT NULL,
  period TEXT NOT NULL,
  version INTEGER NOT NULL,
  exported_at TEXT NOT NULL,
  operator_id INTEGER REFERENCES operators (id) ON DELETE SET NULL,
  operator_name TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  figures_json TEXT NOT NULL CHECK (json_valid(figures_json)),
  layout_version INTEGER NOT NULL,
  UNIQUE (report_id, period, version)
);
`,
  // Lists read these views: operators without their password hash, the audit log and the export
  // history with their JSON columns under API names.
  views: `
CREATE VIEW operators_view AS
SELECT id, name, role, active, last_login_at, created_at, updated_at FROM operators;

CREATE VIEW audit_log_view AS
SELECT id, at, operator_id, operator_name, action, entity, entity_id, before_json AS "before", after_json AS "after"
FROM audit_log;

CREATE VIEW report_exports_view AS
SELECT id, report_id, period, version, exported_at, operator_id, operator_name, file_name, file_hash,
  figures_json AS figures, layout_version
FROM report_exports;
`,
};
