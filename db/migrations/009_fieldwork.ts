// Migration 9: issue #17's fieldwork and organisation registers (docs/spec/fieldwork-and-organisation.md).
// The 抽样调查 and 排污口水质监测 figures the office records per period (planned, done); the publicity
// log (宣传); the 领导小组 and its 成员单位; devices and accounts handed to people (PAD, system
// accounts) and their return. A device's holder is a roster person: deleting the person is refused
// while a hand-over names them.
// FROZEN once released (test/db/frozenMigrations.test.ts).
export const FIELDWORK_SCHEMA = `
CREATE TABLE survey_figures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  period TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]' OR period GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[上下]'),
  item TEXT NOT NULL CHECK (item IS NULL OR item IN ('城乡居民能源使用抽样调查', '农村居民生活用排水抽样调查', '排污口水质监测')),
  planned INTEGER CHECK (planned IS NULL OR planned >= 0),
  done INTEGER CHECK (done IS NULL OR done >= 0),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (period, item)
);

CREATE TABLE publicity_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('新闻报道', '广播电视', '网络新媒体', '标语横幅', '宣传资料', '公益广告', '宣传活动', '其他')),
  channel TEXT,
  title TEXT NOT NULL,
  quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),
  unit TEXT,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (date, title)
);
CREATE INDEX publicity_items_date ON publicity_items (date);

CREATE TABLE group_members (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  unit_post TEXT,
  group_post TEXT NOT NULL CHECK (group_post IS NULL OR group_post IN ('组长', '副组长', '成员', '办公室主任', '办公室副主任', '联络员')),
  duties TEXT,
  phone TEXT,
  sort INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (unit, name)
);

CREATE TABLE devices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IS NULL OR kind IN ('PAD', '系统账号', '其他')),
  identifier TEXT NOT NULL,
  description TEXT,
  person_id INTEGER NOT NULL REFERENCES people (id),
  handed_date TEXT NOT NULL CHECK (handed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  returned_date TEXT CHECK (returned_date IS NULL OR returned_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  state TEXT NOT NULL DEFAULT '在用' CHECK (state IS NULL OR state IN ('在用', '故障', '遗失', '已注销')),
  note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  CHECK (returned_date IS NULL OR returned_date >= handed_date)
);
CREATE INDEX devices_person ON devices (person_id);
CREATE INDEX devices_identifier ON devices (kind, identifier);
`;
