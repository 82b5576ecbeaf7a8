// Budget items (two-level tree), allocations (到位), expenditures (支出), pay runs and their lines.
import type { Database } from 'better-sqlite3';
import type { SchemaPart } from './types';

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

export const budget: SchemaPart = {
  labels: {
    budget_items: '预算科目',
    budget_allocations: '经费到位',
    expenditures: '支出',
    pay_runs: '劳务报酬发放表',
    pay_run_lines: '劳务报酬发放明细',
  },
  seed: seedBudget,
};
