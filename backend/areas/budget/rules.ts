// Rules of the two-level budget tree shared by every area that books money on a budget item
// (allocations, expenditures, contracts, pay runs).
import type { Database } from 'better-sqlite3';
import { formatYuan } from '../../../core/money';
import { UserError } from '../../../db/errors';

interface ItemRow {
  id: number;
  parent_id: number | null;
  name: string;
  amount: number;
}

export function findItem(db: Database, id: number): ItemRow | undefined {
  return db.prepare('SELECT id, parent_id, name, amount FROM budget_items WHERE id = ?').get(id) as ItemRow | undefined;
}

export function itemCount(db: Database, categoryId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM budget_items WHERE parent_id = ?').get(categoryId) as { n: number }).n;
}

/**
 * Money is booked on leaves only: an item, or a category that has no items. A category with items
 * shows their 小计, so booking on it directly would hide the money from every item's figures.
 */
export function requireBookable(db: Database, id: number, path: string, label: string): ItemRow {
  const item = findItem(db, id);
  if (!item) {
    const message = `${label}不存在（编号 ${id}）`;
    throw new UserError('BAD_REFERENCE', message, [{ path, message }]);
  }
  const n = item.parent_id === null ? itemCount(db, id) : 0;
  if (n > 0) {
    const message = `“${item.name}”是类别，下设 ${n} 个明细科目，请选择具体的明细科目`;
    throw new UserError('INVALID_INPUT', message, [{ path, message }]);
  }
  return item;
}

/** What is booked directly on a budget item (not on its items), in words; empty when nothing. */
export function directBookings(db: Database, item: ItemRow): string[] {
  const found: string[] = [];
  if (item.amount > 0) found.push(`预算金额 ${formatYuan(item.amount)} 元`);
  const tables: [string, string][] = [
    ['budget_allocations', '条经费到位'],
    ['expenditures', '条支出'],
    ['contracts', '份合同'],
    ['pay_runs', '张劳务报酬发放表'],
  ];
  for (const [table, what] of tables) {
    const n = (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE budget_item_id = ?`).get(item.id) as { n: number })
      .n;
    if (n > 0) found.push(`${n} ${what}`);
  }
  return found;
}
