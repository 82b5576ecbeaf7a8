// Migration 1: the tables and indexes of the first release, as literal SQL. FROZEN: a released
// migration never changes (test/db/frozenMigrations.test.ts holds its sha256); a change to the
// schema is a new migration appended in db/migrations/index.ts. Views are not part of any
// migration: db/views recreates them at every open.
// Generated once from db/schema/*.ts and core/enums.ts as of commit fa81c05.
export const INITIAL_SCHEMA = `
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
  report_rhythm TEXT NOT NULL CHECK (report_rhythm IS NULL OR report_rhythm IN ('每月', '每两周')),
  money_unit TEXT NOT NULL CHECK (money_unit IS NULL OR money_unit IN ('元', '万元')),
  total_row_position TEXT NOT NULL CHECK (total_row_position IN ('top', 'bottom')),
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at TEXT NOT NULL
);

CREATE TABLE operators (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IS NULL OR role IN ('管理员', '录入员', '只读')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  last_login_at TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
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

CREATE TABLE townships (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE CHECK (length(code) = 9),
  name TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);

CREATE TABLE villages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  township_id INTEGER NOT NULL REFERENCES townships (id),
  code TEXT NOT NULL UNIQUE CHECK (length(code) = 12),
  name TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX villages_township ON villages (township_id);

CREATE TABLE census_districts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  township_id INTEGER NOT NULL REFERENCES townships (id),
  village_id INTEGER REFERENCES villages (id),
  basis TEXT NOT NULL CHECK (basis IS NULL OR basis IN ('行政村', '社区', '工业园区', '其他')),
  boundary_note TEXT,
  listing_count INTEGER CHECK (listing_count IS NULL OR listing_count >= 0),
  status TEXT NOT NULL CHECK (status IS NULL OR status IN ('未划分', '已划分', '已上报')),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX census_districts_township ON census_districts (township_id);
CREATE INDEX census_districts_village ON census_districts (village_id);

-- Owned by the district: removing a district removes its assignments, never the people.
CREATE TABLE district_assignments (
  district_id INTEGER NOT NULL REFERENCES census_districts (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id),
  role TEXT NOT NULL CHECK (role IS NULL OR role IN ('普查员', '普查指导员')),
  PRIMARY KEY (district_id, person_id, role)
);
CREATE INDEX district_assignments_person ON district_assignments (person_id);

CREATE TABLE people (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_code TEXT NOT NULL UNIQUE CHECK (length(person_code) = 11),
  name TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IS NULL OR sex IN ('男', '女')),
  birth_date TEXT NOT NULL CHECK (birth_date IS NULL OR birth_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  id_number TEXT NOT NULL UNIQUE,
  ethnicity TEXT,
  political_status TEXT CHECK (political_status IS NULL OR political_status IN ('中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众')),
  education TEXT CHECK (education IS NULL OR education IN ('研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下')),
  employer TEXT,
  position TEXT,
  source TEXT CHECK (source IS NULL OR source IN ('抽调', '聘用', '第三方', '志愿者')),
  mobile TEXT,
  township_id INTEGER REFERENCES townships (id),
  village_id INTEGER REFERENCES villages (id),
  supervisor_id INTEGER REFERENCES people (id),
  agency_id INTEGER REFERENCES agencies (id),
  cert_no TEXT,
  cert_date TEXT CHECK (cert_date IS NULL OR cert_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  cert_issuer TEXT,
  hire_start TEXT CHECK (hire_start IS NULL OR hire_start GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  hire_end TEXT CHECK (hire_end IS NULL OR hire_end GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (status IS NULL OR status IN ('在岗', '离岗')),
  left_date TEXT CHECK (left_date IS NULL OR left_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  left_reason TEXT,
  insurance_company TEXT,
  insurance_policy_no TEXT,
  insurance_start TEXT CHECK (insurance_start IS NULL OR insurance_start GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  insurance_end TEXT CHECK (insurance_end IS NULL OR insurance_end GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  insurance_amount INTEGER CHECK (insurance_amount IS NULL OR insurance_amount >= 0),
  bank_name TEXT,
  bank_account TEXT,
  pay_rate INTEGER CHECK (pay_rate IS NULL OR pay_rate >= 0),
  pay_basis TEXT CHECK (pay_basis IS NULL OR pay_basis IN ('元/天', '元/户')),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  -- The handlers give the Chinese message; these keep imports and scripts honest too.
  CHECK (status = '在岗' OR left_date IS NOT NULL),
  CHECK (hire_start IS NULL OR hire_end IS NULL OR hire_end >= hire_start),
  CHECK (insurance_start IS NULL OR insurance_end IS NULL OR insurance_end >= insurance_start)
);
-- person_code and id_number are indexed by their UNIQUE constraints.
CREATE INDEX people_name ON people (name);
CREATE INDEX people_township ON people (township_id);
CREATE INDEX people_village ON people (village_id);
CREATE INDEX people_supervisor ON people (supervisor_id);
CREATE INDEX people_agency ON people (agency_id);
CREATE INDEX people_status ON people (status);
CREATE INDEX people_birth_date ON people (birth_date);

-- Owned by the person: removing a person removes their roles.
CREATE TABLE person_roles (
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IS NULL OR role IN ('普查员', '普查指导员', '污普办工作人员', '乡镇(街道)联络员', '村(居)联络员', '专家', '第三方机构人员')),
  PRIMARY KEY (person_id, role)
) WITHOUT ROWID;
CREATE INDEX person_roles_role ON person_roles (role, person_id);

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE CHECK (length(credit_code) = 18),
  legal_rep TEXT,
  contact_name TEXT,
  phone TEXT,
  address TEXT,
  bank_name TEXT,
  bank_account TEXT,
  qualification TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX agencies_name ON agencies (name);

CREATE TABLE contracts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contract_no TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agencies (id),
  procurement_method TEXT NOT NULL CHECK (procurement_method IS NULL OR procurement_method IN ('公开招标', '邀请招标', '竞争性谈判', '竞争性磋商', '单一来源', '询价', '框架协议', '自行采购')),
  service_kinds TEXT NOT NULL CHECK (json_valid(service_kinds) AND json_type(service_kinds) = 'array' AND json_array_length(service_kinds) >= 1),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  signed_date TEXT CHECK (signed_date IS NULL OR signed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  service_start TEXT CHECK (service_start IS NULL OR service_start GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  service_end TEXT CHECK (service_end IS NULL OR service_end GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  deposit INTEGER CHECK (deposit IS NULL OR deposit >= 0),
  manager_name TEXT,
  manager_phone TEXT,
  published_date TEXT CHECK (published_date IS NULL OR published_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  filed_date TEXT CHECK (filed_date IS NULL OR filed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  budget_item_id INTEGER REFERENCES budget_items (id),
  status TEXT NOT NULL CHECK (status IS NULL OR status IN ('履行中', '已验收', '已终止')),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK (service_start IS NULL OR service_end IS NULL OR service_end >= service_start)
);
CREATE INDEX contracts_agency ON contracts (agency_id);
CREATE INDEX contracts_budget_item ON contracts (budget_item_id);
CREATE INDEX contracts_status ON contracts (status);
CREATE INDEX contracts_signed_date ON contracts (signed_date);

-- Owned by the contract; the people stay (a person still on a contract cannot be deleted).
CREATE TABLE contract_staff (
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (contract_id, person_id)
);
CREATE INDEX contract_staff_person ON contract_staff (person_id);

-- Owned by the contract (CASCADE), but expenditures refer to nodes without cascade, so a node that
-- has payments can never disappear; contract.delete checks for payments first to say so in words.
CREATE TABLE contract_nodes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  work_content TEXT NOT NULL,
  planned_date TEXT CHECK (planned_date IS NULL OR planned_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  actual_date TEXT CHECK (actual_date IS NULL OR actual_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  quality_note TEXT,
  payable_ratio REAL CHECK (payable_ratio IS NULL OR (payable_ratio >= 0 AND payable_ratio <= 100)),
  payable_amount INTEGER CHECK (payable_amount IS NULL OR payable_amount >= 0),
  handler_name TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (contract_id, seq)
);
CREATE INDEX contract_nodes_planned ON contract_nodes (planned_date);

CREATE TABLE contract_acceptances (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  accepted_date TEXT NOT NULL CHECK (accepted_date IS NULL OR accepted_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  method TEXT,
  members TEXT,
  conclusion TEXT NOT NULL CHECK (conclusion IS NULL OR conclusion IN ('合格', '不合格', '整改后合格')),
  issues TEXT,
  certificate_no TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX contract_acceptances_contract ON contract_acceptances (contract_id, accepted_date);
CREATE INDEX contract_acceptances_conclusion ON contract_acceptances (conclusion);

-- parent_id NULL: a category (一级类别). Two levels only (checked by the handler).
CREATE TABLE budget_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id INTEGER REFERENCES budget_items (id),
  year INTEGER CHECK (year IS NULL OR year BETWEEN 2000 AND 2100),
  name TEXT NOT NULL,
  basis TEXT,
  unit_price INTEGER CHECK (unit_price IS NULL OR unit_price >= 0),
  quantity REAL CHECK (quantity IS NULL OR quantity >= 0),
  unit TEXT,
  times REAL CHECK (times IS NULL OR times >= 0),
  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  funding_level TEXT CHECK (funding_level IS NULL OR funding_level IN ('中央', '省', '市', '县')),
  approval_no TEXT,
  note TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX budget_items_parent ON budget_items (parent_id, sort_order);
CREATE INDEX budget_items_year ON budget_items (year);
CREATE INDEX budget_items_funding_level ON budget_items (funding_level);

CREATE TABLE budget_allocations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  budget_item_id INTEGER NOT NULL REFERENCES budget_items (id),
  date TEXT NOT NULL CHECK (date IS NULL OR date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  amount INTEGER NOT NULL CHECK (amount > 0),
  source TEXT CHECK (source IS NULL OR source IN ('中央', '省', '市', '县')),
  doc_no TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX budget_allocations_item ON budget_allocations (budget_item_id);
CREATE INDEX budget_allocations_date ON budget_allocations (date);
CREATE INDEX budget_allocations_source ON budget_allocations (source);

CREATE TABLE pay_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  period TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
  title TEXT NOT NULL,
  budget_item_id INTEGER NOT NULL REFERENCES budget_items (id),
  paid_date TEXT CHECK (paid_date IS NULL OR paid_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (status IS NULL OR status IN ('草稿', '已发放')),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK ((status = '已发放') = (paid_date IS NOT NULL))
);
CREATE INDEX pay_runs_item ON pay_runs (budget_item_id);
CREATE INDEX pay_runs_period ON pay_runs (period);
CREATE INDEX pay_runs_status ON pay_runs (status);

-- amount = quantity × rate rounded to 分, computed by payLineAmount (core/schemas/budgetPayRuns).
CREATE TABLE pay_run_lines (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  pay_run_id INTEGER NOT NULL REFERENCES pay_runs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people (id),
  quantity REAL NOT NULL CHECK (quantity > 0),
  rate INTEGER NOT NULL CHECK (rate >= 0),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  note TEXT,
  UNIQUE (pay_run_id, person_id)
);
CREATE INDEX pay_run_lines_person ON pay_run_lines (person_id);

-- What an expenditure pays for: a contract node, a pay run, a training session, or nothing.
CREATE TABLE expenditures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  budget_item_id INTEGER NOT NULL REFERENCES budget_items (id),
  date TEXT NOT NULL CHECK (date IS NULL OR date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  amount INTEGER NOT NULL CHECK (amount > 0),
  summary TEXT NOT NULL,
  payee TEXT,
  voucher_no TEXT,
  contract_node_id INTEGER REFERENCES contract_nodes (id),
  pay_run_id INTEGER UNIQUE REFERENCES pay_runs (id),
  training_id INTEGER REFERENCES training_sessions (id),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK ((contract_node_id IS NOT NULL) + (pay_run_id IS NOT NULL) + (training_id IS NOT NULL) <= 1)
);
CREATE INDEX expenditures_item ON expenditures (budget_item_id);
CREATE INDEX expenditures_node ON expenditures (contract_node_id);
CREATE INDEX expenditures_training ON expenditures (training_id);
CREATE INDEX expenditures_date ON expenditures (date);

CREATE TABLE training_sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('清查技术', '两员选聘', '入户调查技术规定', '报表制度', '核算方法', '软件系统', '数据审核', '质量核查', '档案整理', '宣传')),
  host_level TEXT NOT NULL CHECK (host_level IS NULL OR host_level IN ('省', '市', '县')),
  host_unit TEXT,
  start_date TEXT NOT NULL CHECK (start_date IS NULL OR start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  end_date TEXT NOT NULL CHECK (end_date IS NULL OR end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  location TEXT,
  batch TEXT,
  hours REAL CHECK (hours IS NULL OR hours >= 0),
  instructor TEXT,
  exam_method TEXT CHECK (exam_method IS NULL OR exam_method IN ('笔试', '上机', '现场实操')),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK (end_date >= start_date)
);
CREATE INDEX training_sessions_start ON training_sessions (start_date);
CREATE INDEX training_sessions_kind ON training_sessions (kind);
CREATE INDEX training_sessions_host_level ON training_sessions (host_level);

-- Owned by the session. A row is a roster person or a guest added on the spot, never both.
-- passed is the final verdict: a passed 补考 sets it to 1, so the people view reads one column.
CREATE TABLE training_attendance (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES people (id),
  guest_name TEXT,
  guest_unit TEXT,
  guest_phone TEXT,
  signed_in INTEGER NOT NULL DEFAULT 0 CHECK (signed_in IS NULL OR signed_in IN (0, 1)),
  score REAL CHECK (score IS NULL OR score BETWEEN 0 AND 100),
  passed INTEGER CHECK (passed IS NULL OR passed IN (0, 1)),
  makeup_score REAL CHECK (makeup_score IS NULL OR makeup_score BETWEEN 0 AND 100),
  makeup_passed INTEGER CHECK (makeup_passed IS NULL OR makeup_passed IN (0, 1)),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (session_id, person_id),
  CHECK ((person_id IS NULL) <> (guest_name IS NULL)),
  CHECK (person_id IS NULL OR (guest_unit IS NULL AND guest_phone IS NULL)),
  CHECK (makeup_passed IS NOT 1 OR passed = 1)
);
CREATE INDEX training_attendance_session ON training_attendance (session_id);
CREATE INDEX training_attendance_person ON training_attendance (person_id);

CREATE TABLE milestones (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  point_no INTEGER NOT NULL CHECK (point_no >= 1),
  point_title TEXT NOT NULL,
  title TEXT NOT NULL,
  deadline TEXT CHECK (deadline IS NULL OR deadline GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (status IS NULL OR status IN ('未开始', '进行中', '已完成')),
  completed_date TEXT CHECK (completed_date IS NULL OR completed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  progress_note TEXT,
  evidence TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK (status = '已完成' OR completed_date IS NULL)
);
CREATE INDEX milestones_seq ON milestones (seq);
CREATE INDEX milestones_deadline ON milestones (deadline);
CREATE INDEX milestones_status ON milestones (status);
CREATE INDEX milestones_point ON milestones (point_no);

CREATE TABLE progress_categories (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  row_code TEXT NOT NULL UNIQUE CHECK (length(row_code) = 2),
  name TEXT NOT NULL,
  parent_code TEXT REFERENCES progress_categories (row_code),
  indent INTEGER NOT NULL DEFAULT 0 CHECK (indent >= 0),
  in_total INTEGER NOT NULL CHECK (in_total IN (0, 1)),
  is_total INTEGER NOT NULL DEFAULT 0 CHECK (is_total IN (0, 1)),
  unit TEXT NOT NULL,
  sort INTEGER NOT NULL
);
CREATE INDEX progress_categories_parent ON progress_categories (parent_code);

-- One table per period and scope; township_id NULL is the county's own table.
CREATE TABLE progress_reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  period TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]' OR period GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[上下]'),
  township_id INTEGER REFERENCES townships (id),
  status TEXT NOT NULL CHECK (status IS NULL OR status IN ('草稿', '已上报')),
  reported_at TEXT,
  main_work TEXT,
  problems TEXT,
  next_plan TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK (status = '草稿' OR reported_at IS NOT NULL)
);
-- UNIQUE (period, township_id) would let two county tables (NULL) through; 0 stands for the county.
CREATE UNIQUE INDEX progress_reports_scope ON progress_reports (period, ifnull(township_id, 0));
CREATE INDEX progress_reports_township ON progress_reports (township_id);

CREATE TABLE progress_figures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
  row_code TEXT NOT NULL REFERENCES progress_categories (row_code),
  c1 INTEGER CHECK (c1 IS NULL OR c1 >= 0),
  c2 INTEGER CHECK (c2 IS NULL OR c2 >= 0),
  c3 INTEGER CHECK (c3 IS NULL OR c3 >= 0),
  c4 INTEGER CHECK (c4 IS NULL OR c4 >= 0),
  c5 INTEGER CHECK (c5 IS NULL OR c5 >= 0),
  c6 INTEGER CHECK (c6 IS NULL OR c6 >= 0),
  c7 INTEGER CHECK (c7 IS NULL OR c7 >= 0),
  c8 INTEGER CHECK (c8 IS NULL OR c8 >= 0),
  c10 INTEGER CHECK (c10 IS NULL OR c10 >= 0),
  c11 INTEGER CHECK (c11 IS NULL OR c11 >= 0),
  c13 INTEGER CHECK (c13 IS NULL OR c13 >= 0),
  c14 INTEGER CHECK (c14 IS NULL OR c14 >= 0),
  note TEXT,
  UNIQUE (report_id, row_code)
);
CREATE INDEX progress_figures_row ON progress_figures (row_code);

CREATE TABLE import_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('person', 'township', 'village', 'district', 'agency', 'contract', 'budgetItem', 'attendance')),
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
CREATE INDEX import_history_hash ON import_history (file_hash);

CREATE TABLE import_mappings (
  kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('person', 'township', 'village', 'district', 'agency', 'contract', 'budgetItem', 'attendance')),
  -- The header's normalised texts in column order (core/imports/mapping.ts headerShape).
  shape TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, shape)
) WITHOUT ROWID;
`;
