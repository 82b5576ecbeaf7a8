// Milestones (工作要点) and the progress table (进度调度表): categories, one report per period and
// scope (the county or a township), and its figures. Rates (columns 9, 12), the 合计 row and 已逾期
// are computed in code, never stored.
import type { Database } from 'better-sqlite3';
import type { SchemaPart } from './types';
import { isoDate, oneOf, stamps } from './types';
import { MILESTONE_SET_STATUSES, PROGRESS_REPORT_STATUSES } from '../../core/enums';
import { DEFAULT_PROGRESS_CATEGORIES, ENTERED_COLUMNS } from '../../core/progressRules';

const count = (col: string) => `${col} INTEGER CHECK (${col} IS NULL OR ${col} >= 0)`;

/** workplan.md's table, taken from the seed document (川污普〔2018〕4号 draft). */
export const DEFAULT_MILESTONES: readonly [number, string, string, string | null, string | null][] = [
  [1, '建好普查队伍', '领导小组及办公室成立、人员到位、办公场所和制度落实', '2018-01-31', null],
  [1, '建好普查队伍', '各乡镇(街道)、村(居)落实联络员', '2018-01-31', null],
  [2, '制定普查实施方案', '县级实施方案经本级政府批准印发', '2018-03-31', null],
  [3, '落实普查经费', '经费预算编制完成，经财政审核列入部门预算', '2018-03-31', null],
  [4, '认真履行牵头职责', '普查信息系统建设完成', '2018-05-31', null],
  [5, '开展清查建库', '划分普查小区、完成清查、建立基本单位名录库、排污口排查与监测、清查质量核查', '2018-06-30', null],
  [6, '开展普查试点', '试点地区完成试点（仅试点县）', '2018-06-30', null],
  [10, '强化宣传培训', '完成本级工作人员、普查员、普查指导员培训', '2018-07-31', null],
  [7, '开展入户调查', '完成入户调查培训，核定普查基本单位名录', '2018-08-31', null],
  [7, '开展入户调查', '完成入户调查（基本信息、活动水平、治理设施和排放口信息；抽样调查）', '2018-11-30', null],
  [8, '数据审核与汇总', '县级审核汇总并上报市(州)', '2018-12-31', '完成时限以市(州)要求为准；全省2019年1月底前上报'],
  [9, '开展质量核查', '县级质量核查与评估', '2019-03-31', null],
  [11, '加强资料管理', '普查资料保密管理（持续）', null, null],
  [12, '跟踪督办', '按期上报工作进度（持续）', null, null],
];

function seed(db: Database) {
  const at = new Date().toISOString();
  const milestone = db.prepare(
    `INSERT INTO milestones (seq, point_no, point_title, title, deadline, status, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '未开始', ?, ?, ?)`,
  );
  DEFAULT_MILESTONES.forEach(([pointNo, pointTitle, title, deadline, note], i) =>
    milestone.run(i + 1, pointNo, pointTitle, title, deadline, note, at, at),
  );
  const category = db.prepare(
    `INSERT INTO progress_categories (row_code, name, parent_code, indent, in_total, is_total, unit, sort)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of DEFAULT_PROGRESS_CATEGORIES) {
    category.run(c.rowCode, c.name, c.parentCode, c.indent, Number(c.inTotal), Number(c.isTotal), c.unit, c.sort);
  }
}

export const workplan: SchemaPart = {
  labels: {
    milestones: '工作要点',
    progress_categories: '进度统计类别',
    progress_reports: '进度调度表',
    progress_figures: '进度调度数据',
  },
  sql: `
CREATE TABLE milestones (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  point_no INTEGER NOT NULL CHECK (point_no >= 1),
  point_title TEXT NOT NULL,
  title TEXT NOT NULL,
  deadline TEXT ${isoDate('deadline')},
  status TEXT NOT NULL ${oneOf('status', MILESTONE_SET_STATUSES)},
  completed_date TEXT ${isoDate('completed_date')},
  progress_note TEXT,
  evidence TEXT,
  note TEXT,
  ${stamps},
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
  status TEXT NOT NULL ${oneOf('status', PROGRESS_REPORT_STATUSES)},
  reported_at TEXT,
  main_work TEXT,
  problems TEXT,
  next_plan TEXT,
  ${stamps},
  CHECK (status = '草稿' OR reported_at IS NOT NULL)
);
-- UNIQUE (period, township_id) would let two county tables (NULL) through; 0 stands for the county.
CREATE UNIQUE INDEX progress_reports_scope ON progress_reports (period, ifnull(township_id, 0));
CREATE INDEX progress_reports_township ON progress_reports (township_id);

CREATE TABLE progress_figures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
  row_code TEXT NOT NULL REFERENCES progress_categories (row_code),
  ${ENTERED_COLUMNS.map(count).join(',\n  ')},
  note TEXT,
  UNIQUE (report_id, row_code)
);
CREATE INDEX progress_figures_row ON progress_figures (row_code);
`,
  seed,
};
