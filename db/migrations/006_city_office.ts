// Migration 6: the city office (市普查办) and the province office run the same app (issue #16,
// submission.md §4). The office's level; the deadline day of the month for its units' reports; the
// units it receives reports from (a city's counties, a province's cities, by their 6-digit codes);
// every file taken in, as received (bytes and hash); and each monthly report filed from one, with
// the summary its consolidation reads. county_code keeps the office's own 6-digit code at every
// level (a city office: 511300; a province: 510000).
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const CITY_OFFICE_SCHEMA = `
ALTER TABLE office_profile ADD COLUMN level TEXT NOT NULL DEFAULT '县' CHECK (level IN ('县', '市', '省'));
ALTER TABLE office_profile ADD COLUMN report_deadline_day INTEGER NOT NULL DEFAULT 5
  CHECK (report_deadline_day BETWEEN 1 AND 28);

CREATE TABLE report_units (
  code TEXT PRIMARY KEY CHECK (length(code) = 6 AND code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE intake_files (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id TEXT,
  file_name TEXT NOT NULL,
  container_name TEXT,
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes BLOB,
  outcome TEXT NOT NULL CHECK (outcome IN ('新收', '新版本', '重复', '拒收', '附说明接收')),
  reason_code TEXT,
  reason TEXT,
  unit_code TEXT,
  period TEXT,
  version INTEGER,
  received_at TEXT NOT NULL,
  operator_id INTEGER REFERENCES operators(id)
);
CREATE INDEX intake_files_sha256 ON intake_files(sha256);
CREATE INDEX intake_files_unit_period ON intake_files(unit_code, period);

CREATE TABLE received_reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_code TEXT NOT NULL,
  period TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  level TEXT NOT NULL CHECK (level IN ('县', '市')),
  export_uid TEXT,
  digest TEXT,
  digest_ok INTEGER NOT NULL CHECK (digest_ok IN (0, 1)),
  accept_note TEXT,
  correction_reason TEXT,
  generated_at TEXT,
  file_id INTEGER NOT NULL REFERENCES intake_files(id),
  summary_json TEXT NOT NULL CHECK (json_valid(summary_json)),
  replaced_by INTEGER REFERENCES received_reports(id),
  received_at TEXT NOT NULL,
  UNIQUE (unit_code, period, version)
);
CREATE INDEX received_reports_period ON received_reports(period, unit_code);
`;
