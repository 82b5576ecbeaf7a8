// 经费情况 (R2) and R3 at the end of @day: each budget item as approved then (its amount, name,
// place and order from the history of overwritten values, db/history.ts), the allocations and
// expenditures dated on or before @day, and a category's 小计 over its items — the same figures
// budget.tree gives for today, computed with the same 执行率 rule.
import type { Database } from 'better-sqlite3';
import { fromRow } from '../../../db/rows';
import { asOfSql, BUDGET_ITEMS_HISTORY } from '../../../db/history';
import { budgetItemDef } from '../../../db/entities/budget';
import { rateSql } from '../../../db/views/derived';
import type { BudgetTree } from '../../../core/reports/rows/budget';
import type { AsOfParams } from './people';

const FIGURES = `WITH b AS (
  SELECT i.id, i.parent_id, i.name, i.amount, i.sort_order,
    (SELECT coalesce(sum(a.amount), 0) FROM budget_allocations a WHERE a.budget_item_id = i.id AND a.date <= @day) AS own_allocated,
    (SELECT coalesce(sum(e.amount), 0) FROM expenditures e WHERE e.budget_item_id = i.id AND e.date <= @day) AS own_spent
  FROM (${asOfSql(BUDGET_ITEMS_HISTORY)}) i WHERE NOT i.born_later
), f AS (
  SELECT b.id, b.parent_id, b.name, b.amount, b.sort_order,
    b.amount + (SELECT coalesce(sum(k.amount), 0) FROM b k WHERE k.parent_id = b.id) AS budget,
    b.own_allocated + (SELECT coalesce(sum(k.own_allocated), 0) FROM b k WHERE k.parent_id = b.id) AS allocated,
    b.own_spent + (SELECT coalesce(sum(k.own_spent), 0) FROM b k WHERE k.parent_id = b.id) AS spent
  FROM b
)`;

const ITEMS = `${FIGURES}
SELECT f.*, f.budget - f.spent AS balance, ${rateSql('f.spent', 'f.budget')} AS execution_rate
FROM f ORDER BY f.sort_order, f.id`;

const TOTAL = `${FIGURES}
SELECT t.budget, t.allocated, t.spent, t.budget - t.spent AS balance, ${rateSql('t.spent', 't.budget')} AS execution_rate
FROM (SELECT coalesce(sum(budget), 0) AS budget, coalesce(sum(allocated), 0) AS allocated, coalesce(sum(spent), 0) AS spent
      FROM f WHERE parent_id IS NULL) t`;

type Values = Record<string, unknown>;

/** budget.tree's shape at @day; the columns nobody dates (依据, 单价…) are today's. */
export function budgetTreeAsOf(db: Database, at: AsOfParams): BudgetTree {
  const current = new Map(
    (db.prepare('SELECT * FROM budget_items').all() as Values[]).map((r) => [r.id, fromRow(r, budgetItemDef)]),
  );
  const rows = (db.prepare(ITEMS).all(at) as Values[]).map((r) => {
    const asOf = fromRow(r);
    const own = current.get(r.id) ?? {};
    return { ...own, ...asOf, isCategory: asOf.parentId == null } as Values;
  });
  const categories = rows
    .filter((r) => r.isCategory)
    .map((c) => {
      const items = rows.filter((r) => r.parentId === c.id);
      return {
        ...c,
        parentName: null,
        itemCount: items.length,
        items: items.map((i) => ({ ...i, parentName: c.name })),
      };
    });
  const total = fromRow(db.prepare(TOTAL).get(at) as Values);
  return { categories, total } as unknown as BudgetTree;
}
