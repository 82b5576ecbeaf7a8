// Migration 8: issue #17's coverage settings, 保密承诺书 and 档案 (docs/spec/coverage-and-archive.md).
// coverage_settings: at most one row (none: the defaults of core/schemas/coverage.ts), the office's 普查小区 code length and the workload limits the
// dashboard's coverage checks read (NULL: not checked). people: whether the person signed the
// 保密承诺书 and when (NULL status: not recorded, read as 未签署). archive_records: the office's
// register of its records (what, where kept, 归档 and 移交 dates, who). import_history and
// import_mappings are rebuilt so that a kind is any short lower-camel name: the list of kinds is
// the code's (core/imports/kinds.ts), and each new register importable from Excel would otherwise
// need a table rebuild of its own.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const REGISTERS_SCHEMA = `
CREATE TABLE coverage_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  district_code_length INTEGER NOT NULL DEFAULT 15 CHECK (district_code_length BETWEEN 6 AND 20),
  max_listing_per_enumerator INTEGER CHECK (max_listing_per_enumerator IS NULL OR max_listing_per_enumerator > 0),
  max_districts_per_enumerator INTEGER CHECK (max_districts_per_enumerator IS NULL OR max_districts_per_enumerator > 0),
  max_enumerators_per_supervisor INTEGER CHECK (max_enumerators_per_supervisor IS NULL OR max_enumerators_per_supervisor > 0),
  updated_at TEXT
);

ALTER TABLE people ADD COLUMN pledge_status TEXT CHECK (pledge_status IS NULL OR pledge_status IN ('已签署', '未签署'));
ALTER TABLE people ADD COLUMN pledge_date TEXT CHECK (pledge_date IS NULL OR pledge_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');

CREATE TABLE archive_records (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  archive_no TEXT UNIQUE,
  title TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('文书档案', '普查表册', '名录库资料', '会计档案', '电子档案', '声像档案', '实物档案', '其他')),
  year INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 2100),
  secrecy TEXT NOT NULL DEFAULT '内部' CHECK (secrecy IN ('公开', '内部', '秘密', '机密')),
  retention TEXT CHECK (retention IS NULL OR retention IN ('永久', '30年', '10年')),
  quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),
  unit TEXT,
  location TEXT,
  filed_date TEXT CHECK (filed_date IS NULL OR filed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  transfer_date TEXT CHECK (transfer_date IS NULL OR transfer_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  transfer_to TEXT,
  keeper TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK (transfer_date IS NULL OR filed_date IS NULL OR transfer_date >= filed_date)
);
CREATE INDEX archive_records_category ON archive_records (category);

CREATE TABLE import_history_v8 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40 AND kind GLOB '[a-z]*' AND kind NOT GLOB '*[^a-zA-Z]*'),
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL CHECK (length(file_hash) = 64),
  file_size INTEGER NOT NULL,
  sheet TEXT NOT NULL,
  on_existing TEXT NOT NULL CHECK (on_existing IS NULL OR on_existing IN ('update', 'skip')),
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  total INTEGER NOT NULL,
  operator_id INTEGER REFERENCES operators (id),
  operator_name TEXT NOT NULL
);
INSERT INTO import_history_v8 SELECT id, at, kind, file_name, file_hash, file_size, sheet, on_existing, created, updated,
  unchanged, skipped, rejected, total, operator_id, operator_name FROM import_history;
DROP TABLE import_history;
ALTER TABLE import_history_v8 RENAME TO import_history;
CREATE INDEX import_history_hash ON import_history (file_hash);

CREATE TABLE import_mappings_v8 (
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40 AND kind GLOB '[a-z]*' AND kind NOT GLOB '*[^a-zA-Z]*'),
  -- The header's normalised texts in column order (core/imports/mapping.ts headerShape).
  shape TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, shape)
) WITHOUT ROWID;
INSERT INTO import_mappings_v8 SELECT kind, shape, mapping_json, created_at, updated_at FROM import_mappings;
DROP TABLE import_mappings;
ALTER TABLE import_mappings_v8 RENAME TO import_mappings;
`;
