// Budget items (two-level tree), allocations (到位), expenditures (支出), pay runs and their lines.
import type { Database } from 'better-sqlite3';
import type { SchemaPart } from './types';
import { isoDate, oneOf, stamps } from './types';
import { FUNDING_LEVELS } from '../../core/enums';
import { PAY_RUN_STATUSES } from '../../core/enums';

/**
 * 执行率: numerator / denominator in percent, rounded half up to one decimal, in integer
 * arithmetic so no float noise reaches the report; NULL for a zero budget. Figures are never negative.
 */
export const rateSql = (num: string, den: string) =>
  `CASE WHEN (${den}) = 0 THEN NULL ELSE (((${num}) * 2000 + (${den})) / ((${den}) * 2)) / 10.0 END`;

/** Default categories and items of domain.md §5 (editable by the clerk). */
export const DEFAULT_BUDGET: { name: string; items: string[] }[] = [
  { name: '人员劳务', items: ['普查员劳动报酬', '普查指导员劳动报酬', '联络员补助', '专家咨询费'] },
  { name: '补助', items: ['交通补助', '通讯补助', '误餐补助'] },
  { name: '保险', items: ['人身意外伤害保险'] },
  ...[
    '培训费',
    '宣传费',
    '印刷费',
    '设备购置/租赁',
    '第三方技术服务费',
    '数据处理',
    '质量核查费',
    '档案整理费',
    '差旅费/会议费',
    '办公费',
    '其他',
  ].map((name) => ({ name, items: [] })),
];

/** Rows start with amount 0 and no year: the census spans budget years, the clerk sets them. */
function seedBudget(db: Database) {
  const at = new Date().toISOString();
  const insert = db.prepare(
    `INSERT INTO budget_items (parent_id, name, amount, sort_order, created_at, updated_at) VALUES (?, ?, 0, ?, ?, ?)`,
  );
  DEFAULT_BUDGET.forEach((category, i) => {
    const parentId = Number(insert.run(null, category.name, (i + 1) * 10, at, at).lastInsertRowid);
    category.items.forEach((item, j) => insert.run(parentId, item, (j + 1) * 10, at, at));
  });
}

const sumOf = (table: string, item: string) =>
  `(SELECT coalesce(sum(t.amount), 0) FROM ${table} t WHERE t.budget_item_id = ${item}.id)
   + (SELECT coalesce(sum(t.amount), 0) FROM ${table} t JOIN budget_items k ON k.id = t.budget_item_id WHERE k.parent_id = ${item}.id)`;

export const budget: SchemaPart = {
  labels: {
    budget_items: '预算科目',
    budget_allocations: '经费到位',
    expenditures: '支出',
    pay_runs: '劳务报酬发放表',
    pay_run_lines: '劳务报酬发放明细',
  },
  sql: `
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
  funding_level TEXT ${oneOf('funding_level', FUNDING_LEVELS)},
  approval_no TEXT,
  note TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  ${stamps},
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX budget_items_parent ON budget_items (parent_id, sort_order);
CREATE INDEX budget_items_year ON budget_items (year);
CREATE INDEX budget_items_funding_level ON budget_items (funding_level);

CREATE TABLE budget_allocations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  budget_item_id INTEGER NOT NULL REFERENCES budget_items (id),
  date TEXT NOT NULL ${isoDate('date')},
  amount INTEGER NOT NULL CHECK (amount > 0),
  source TEXT ${oneOf('source', FUNDING_LEVELS)},
  doc_no TEXT,
  note TEXT,
  ${stamps}
);
CREATE INDEX budget_allocations_item ON budget_allocations (budget_item_id);
CREATE INDEX budget_allocations_date ON budget_allocations (date);
CREATE INDEX budget_allocations_source ON budget_allocations (source);

CREATE TABLE pay_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  period TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
  title TEXT NOT NULL,
  budget_item_id INTEGER NOT NULL REFERENCES budget_items (id),
  paid_date TEXT ${isoDate('paid_date')},
  status TEXT NOT NULL ${oneOf('status', PAY_RUN_STATUSES)},
  note TEXT,
  ${stamps},
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
  date TEXT NOT NULL ${isoDate('date')},
  amount INTEGER NOT NULL CHECK (amount > 0),
  summary TEXT NOT NULL,
  payee TEXT,
  voucher_no TEXT,
  contract_node_id INTEGER REFERENCES contract_nodes (id),
  pay_run_id INTEGER UNIQUE REFERENCES pay_runs (id),
  training_id INTEGER REFERENCES training_sessions (id),
  note TEXT,
  ${stamps},
  CHECK ((contract_node_id IS NOT NULL) + (pay_run_id IS NOT NULL) + (training_id IS NOT NULL) <= 1)
);
CREATE INDEX expenditures_item ON expenditures (budget_item_id);
CREATE INDEX expenditures_node ON expenditures (contract_node_id);
CREATE INDEX expenditures_training ON expenditures (training_id);
CREATE INDEX expenditures_date ON expenditures (date);
`,
  views: `
-- A category's figures are its 小计: its own plus its items'. An item has no items, so its own.
CREATE VIEW budget_items_view AS
SELECT f.*,
  f.budget - f.spent AS balance,
  ${rateSql('f.spent', 'f.budget')} AS execution_rate,
  (f.spent > f.budget) AS overspent,
  (f.allocated < f.spent) AS under_allocated
FROM (
  SELECT b.*, p.name AS parent_name,
    (b.parent_id IS NULL) AS is_category,
    coalesce(b.parent_id, b.id) AS category_id,
    coalesce(p.sort_order, b.sort_order) AS category_sort,
    (SELECT count(*) FROM budget_items k WHERE k.parent_id = b.id) AS item_count,
    b.amount + (SELECT coalesce(sum(k.amount), 0) FROM budget_items k WHERE k.parent_id = b.id) AS budget,
    ${sumOf('budget_allocations', 'b')} AS allocated,
    ${sumOf('expenditures', 'b')} AS spent
  FROM budget_items b
  LEFT JOIN budget_items p ON p.id = b.parent_id
) f;

CREATE VIEW budget_allocations_view AS
SELECT a.*, b.name AS budget_item_name, coalesce(b.parent_id, b.id) AS category_id, coalesce(p.name, b.name) AS category_name
FROM budget_allocations a
JOIN budget_items b ON b.id = a.budget_item_id
LEFT JOIN budget_items p ON p.id = b.parent_id;

CREATE VIEW expenditures_view AS
SELECT e.*, b.name AS budget_item_name, coalesce(b.parent_id, b.id) AS category_id, coalesce(p.name, b.name) AS category_name,
  CASE
    WHEN e.contract_node_id IS NOT NULL THEN '合同付款'
    WHEN e.pay_run_id IS NOT NULL THEN '劳务报酬'
    WHEN e.training_id IS NOT NULL THEN '培训经费'
    ELSE '其他'
  END AS kind,
  n.contract_id, c.contract_no, c.name AS contract_name, n.seq AS node_seq, n.work_content AS node_work_content,
  r.title AS pay_run_title, r.period AS pay_run_period
FROM expenditures e
JOIN budget_items b ON b.id = e.budget_item_id
LEFT JOIN budget_items p ON p.id = b.parent_id
LEFT JOIN contract_nodes n ON n.id = e.contract_node_id
LEFT JOIN contracts c ON c.id = n.contract_id
LEFT JOIN pay_runs r ON r.id = e.pay_run_id;

CREATE VIEW pay_runs_view AS
SELECT r.*, b.name AS budget_item_name,
  (SELECT count(*) FROM pay_run_lines l WHERE l.pay_run_id = r.id) AS line_count,
  (SELECT coalesce(sum(l.quantity), 0) FROM pay_run_lines l WHERE l.pay_run_id = r.id) AS total_quantity,
  (SELECT coalesce(sum(l.amount), 0) FROM pay_run_lines l WHERE l.pay_run_id = r.id) AS total_amount,
  e.id AS expenditure_id, e.voucher_no
FROM pay_runs r
JOIN budget_items b ON b.id = r.budget_item_id
LEFT JOIN expenditures e ON e.pay_run_id = r.id;
`,
  seed: seedBudget,
};
