// R3 rows (经费预算及执行情况表) and the 经费情况 sheet of the monthly report, from budget.tree:
// a category row carries its 小计 (its own figures plus its items').
import type { z } from 'zod';
import type { budgetTree } from '../../schemas/budget';
import { BUDGET, BUDGET_SUMMARY } from '../layouts/money';
import { labelled, type FigureRow } from '../figures';

export type BudgetTree = z.output<typeof budgetTree>;
type Item = BudgetTree['categories'][number]['items'][number];

const CHINESE_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十: category numbers as Chinese forms write them. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n];
  if (n < 20) return `十${CHINESE_NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CHINESE_NUMERALS[tens]}十${ones ? CHINESE_NUMERALS[ones] : ''}`;
}

const figures = (f: Pick<Item, 'budget' | 'allocated' | 'spent' | 'balance' | 'executionRate'>) => ({
  budget: f.budget,
  allocated: f.allocated,
  spent: f.spent,
  balance: f.balance,
  rate: f.executionRate ?? null,
});

function itemRow(item: Item, seq: string, kind: 'category' | 'item'): FigureRow {
  return {
    kind,
    values: {
      seq,
      // Items sit under their category, indented with full-width spaces (reports.md).
      name: kind === 'item' ? `\u3000\u3000${item.name}` : item.name,
      basis: item.basis ?? null,
      unitPrice: item.unitPrice ?? null,
      quantity: item.quantity ?? null,
      times: item.times ?? null,
      unit: item.unit ?? null,
      ...figures(item),
      fundingLevel: item.fundingLevel ?? null,
      note: item.note ?? null,
    },
  };
}

/** Categories (一、二、…) each followed by its items (1、2、…); the 合计 is separate. */
export function budgetRows(tree: BudgetTree): FigureRow[] {
  return tree.categories.flatMap((c, i) => [
    itemRow(c, `${chineseNumber(i + 1)}、`, 'category'),
    ...c.items.map((item, j) => itemRow(item, `${j + 1}、`, 'item')),
  ]);
}

export const budgetTotal = (tree: BudgetTree): FigureRow => labelled(BUDGET, 'total', '合计', figures(tree.total));

/** The monthly report's 经费情况: one row per category. */
export function budgetSummaryRows(tree: BudgetTree): FigureRow[] {
  return tree.categories.map((c) => ({ kind: 'item', values: { category: c.name, ...figures(c) } }));
}

export const budgetSummaryTotal = (tree: BudgetTree): FigureRow =>
  labelled(BUDGET_SUMMARY, 'total', '合计', figures(tree.total));
