// Migration 7 (issue #17): 质量核查 records (work plan points 5 and 9) and the problem and 督办
// ledger (points 8 and 12), docs/spec/quality-and-problems.md; and which source the progress
// table's columns 13–14 take per period (entered, or computed from the quality records). The
// import kind 'problem' needs no change here: migration 8 frees import_history's kinds.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const QUALITY_PROBLEMS_SCHEMA = `
CREATE TABLE quality_checks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  period TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]' OR period GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[上下]'),
  stage TEXT NOT NULL CHECK (stage IS NULL OR stage IN ('清查', '入户调查')),
  row_code TEXT NOT NULL REFERENCES progress_categories (row_code),
  township_id INTEGER REFERENCES townships (id),
  district_id INTEGER REFERENCES census_districts (id),
  agency_id INTEGER REFERENCES agencies (id),
  contract_id INTEGER REFERENCES contracts (id),
  checker TEXT NOT NULL CHECK (length(checker) >= 1),
  check_date TEXT NOT NULL CHECK (check_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  sampled_count INTEGER NOT NULL CHECK (sampled_count >= 0),
  error_count INTEGER NOT NULL CHECK (error_count >= 0),
  corrected_count INTEGER NOT NULL DEFAULT 0 CHECK (corrected_count >= 0),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK (error_count <= sampled_count),
  CHECK (corrected_count <= error_count)
);
CREATE INDEX quality_checks_period ON quality_checks (period);
CREATE INDEX quality_checks_row ON quality_checks (row_code);
CREATE INDEX quality_checks_township ON quality_checks (township_id);
CREATE INDEX quality_checks_district ON quality_checks (district_id);
CREATE INDEX quality_checks_agency ON quality_checks (agency_id);
CREATE INDEX quality_checks_contract ON quality_checks (contract_id);

-- Per period: columns 13-14 of every progress table of the period as entered ('填报') or summed
-- from the quality records ('质量核查'). No row: entered.
CREATE TABLE quality_period_sources (
  period TEXT PRIMARY KEY CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]' OR period GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[上下]'),
  source TEXT NOT NULL CHECK (source IS NULL OR source IN ('填报', '质量核查')),
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE problems (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ref_no TEXT NOT NULL UNIQUE CHECK (length(ref_no) >= 1),
  kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('审核退回', '发现问题', '上级通报', '督办件')),
  raised_date TEXT NOT NULL CHECK (raised_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  source TEXT,
  raised_by TEXT,
  subject TEXT NOT NULL CHECK (length(subject) >= 1),
  person_id INTEGER REFERENCES people (id),
  agency_id INTEGER REFERENCES agencies (id),
  township_id INTEGER REFERENCES townships (id),
  content TEXT NOT NULL CHECK (length(content) >= 1),
  due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (status IS NULL OR status IN ('未办结', '已办结')),
  resolution TEXT,
  resolved_date TEXT CHECK (resolved_date IS NULL OR resolved_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK (status = '未办结' OR resolved_date IS NOT NULL),
  CHECK (due_date IS NULL OR due_date >= raised_date),
  CHECK (resolved_date IS NULL OR resolved_date >= raised_date)
);
CREATE INDEX problems_status_due ON problems (status, due_date);
CREATE INDEX problems_raised ON problems (raised_date);
CREATE INDEX problems_person ON problems (person_id);
CREATE INDEX problems_agency ON problems (agency_id);
CREATE INDEX problems_township ON problems (township_id);
`;
