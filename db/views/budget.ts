// Budget items with their 小计, allocations and expenditures with their category, pay runs with
// their totals.
import { rateSql } from './derived';

/** An item's own rows of `table` plus its items' (a category's 小计; an item has no items). */
const sumOf = (table: string, item: string) =>
  `(SELECT coalesce(sum(t.amount), 0) FROM ${table} t WHERE t.budget_item_id = ${item}.id)
   + (SELECT coalesce(sum(t.amount), 0) FROM ${table} t JOIN budget_items k ON k.id = t.budget_item_id WHERE k.parent_id = ${item}.id)`;

export const budgetViews = [
  // A category's figures are its 小计: its own plus its items'. An item has no items, so its own.
  `CREATE VIEW budget_items_view AS
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
) f`,

  `CREATE VIEW budget_allocations_view AS
SELECT a.*, b.name AS budget_item_name, coalesce(b.parent_id, b.id) AS category_id, coalesce(p.name, b.name) AS category_name
FROM budget_allocations a
JOIN budget_items b ON b.id = a.budget_item_id
LEFT JOIN budget_items p ON p.id = b.parent_id`,

  `CREATE VIEW expenditures_view AS
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
LEFT JOIN pay_runs r ON r.id = e.pay_run_id`,

  `CREATE VIEW pay_runs_view AS
SELECT r.*, b.name AS budget_item_name,
  (SELECT count(*) FROM pay_run_lines l WHERE l.pay_run_id = r.id) AS line_count,
  (SELECT coalesce(sum(l.quantity), 0) FROM pay_run_lines l WHERE l.pay_run_id = r.id) AS total_quantity,
  (SELECT coalesce(sum(l.amount), 0) FROM pay_run_lines l WHERE l.pay_run_id = r.id) AS total_amount,
  e.id AS expenditure_id, e.voucher_no
FROM pay_runs r
JOIN budget_items b ON b.id = r.budget_item_id
LEFT JOIN expenditures e ON e.pay_run_id = r.id`,
];
