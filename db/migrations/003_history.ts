// Migration 3: what the store held on a past day, for facts that are overwritten without a date of
// their own (docs/reports.md "As of a day"). Each *_history row says: until the end of the day
// before `day`, the record held these values — or, with absent = 1, did not exist yet. Only the
// first change of a day is kept (the value at the end of the previous day). Rows are written by
// triggers every connection of the app creates (db/history.ts) with the day of the backend's
// clock. No backfill: a record without history rows held its current values since forever.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const HISTORY_SCHEMA = `
CREATE TABLE people_history (
  person_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),
  status TEXT,
  left_date TEXT,
  hire_start TEXT,
  township_id INTEGER,
  cert_no TEXT,
  cert_date TEXT,
  insurance_start TEXT,
  insurance_end TEXT,
  PRIMARY KEY (person_id, day)
) WITHOUT ROWID;
CREATE INDEX people_history_day ON people_history (day);

CREATE TABLE person_roles_history (
  person_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  day TEXT NOT NULL,
  present INTEGER NOT NULL CHECK (present IN (0, 1)),
  PRIMARY KEY (person_id, role, day)
) WITHOUT ROWID;
CREATE INDEX person_roles_history_day ON person_roles_history (day);

CREATE TABLE census_districts_history (
  district_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),
  township_id INTEGER,
  PRIMARY KEY (district_id, day)
) WITHOUT ROWID;
CREATE INDEX census_districts_history_day ON census_districts_history (day);

CREATE TABLE budget_items_history (
  item_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),
  parent_id INTEGER,
  name TEXT,
  amount INTEGER,
  sort_order INTEGER,
  PRIMARY KEY (item_id, day)
) WITHOUT ROWID;
CREATE INDEX budget_items_history_day ON budget_items_history (day);

CREATE TABLE contracts_history (
  contract_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),
  amount INTEGER,
  status TEXT,
  signed_date TEXT,
  PRIMARY KEY (contract_id, day)
) WITHOUT ROWID;
CREATE INDEX contracts_history_day ON contracts_history (day);

CREATE TABLE contract_nodes_history (
  node_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),
  contract_id INTEGER,
  planned_date TEXT,
  actual_date TEXT,
  PRIMARY KEY (node_id, day)
) WITHOUT ROWID;
CREATE INDEX contract_nodes_history_day ON contract_nodes_history (day);

CREATE TABLE milestones_history (
  milestone_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),
  status TEXT,
  completed_date TEXT,
  deadline TEXT,
  progress_note TEXT,
  PRIMARY KEY (milestone_id, day)
) WITHOUT ROWID;
CREATE INDEX milestones_history_day ON milestones_history (day);
`;
