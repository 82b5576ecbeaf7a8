// The budget (经费): a two-level tree of items with allocations (到位) and expenditures (支出).
import type { OutputOf } from '../../../core/api';
import { allocationCreate, budgetItemCreate, expenditureCreate } from '../../../core/schemas/budget';
import { formatPeriodCn } from '../../../core/dates';
import { requireRecord } from '../../../db/entity';
import { fromRow } from '../../../db/rows';
import { allocationDef, budgetItemDef, expenditureDef } from '../../../db/entities/budget';
import { rateSql } from '../../../db/views/derived';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';
import { directBookings, findItem, itemCount, requireBookable } from './rules';

const invalid = (path: string, message: string) => new UserError('INVALID_INPUT', message, [{ path, message }]);

/** 单价 × 数量 × 次数/天数, rounded to the 分; null when 单价 or 数量 is missing. */
function basisAmount(unitPrice: unknown, quantity: unknown, times: unknown): number | null {
  if (unitPrice == null || quantity == null) return null;
  const product = Number(unitPrice) * Number(quantity) * (times == null ? 1 : Number(times));
  return Math.round(Number(product.toPrecision(15)));
}

/** Two levels, unique names among siblings, 小计 never typed, amount from the 测算依据 when left empty. */
function prepareItem(values: Values, ctx: HandlerCtx, existing?: Values): Values {
  const db = ctx.db;
  const merged = { ...existing, ...values };
  const parentId = merged.parentId as number | null;
  const out = { ...values };

  if (parentId != null && (!existing || parentId !== existing.parentId)) {
    if (existing && parentId === existing.id) throw invalid('parentId', '上级类别不能是科目本身');
    const parent = findItem(db, parentId);
    if (!parent) {
      throw new UserError('BAD_REFERENCE', `上级类别不存在（编号 ${parentId}）`, [
        { path: 'parentId', message: `上级类别不存在（编号 ${parentId}）` },
      ]);
    }
    if (parent.parent_id !== null) {
      throw invalid('parentId', `“${parent.name}”是明细科目，不能再下设科目（预算科目只有类别和明细科目两级）`);
    }
    if (existing && itemCount(db, Number(existing.id)) > 0) {
      throw invalid('parentId', `类别“${String(existing.name)}”下设有明细科目，不能改为其他类别的明细科目`);
    }
    const booked = itemCount(db, parent.id) === 0 ? directBookings(db, parent) : [];
    if (booked.length) {
      throw invalid(
        'parentId',
        `类别“${parent.name}”已直接记有${booked.join('、')}，不能再下设明细科目；请先将其转到明细科目`,
      );
    }
  }

  const hasItems = existing ? itemCount(db, Number(existing.id)) > 0 : false;
  const figures = ['unitPrice', 'quantity', 'times'];
  const figuresTouched = figures.some((k) => k in values);
  const figuresChanged = figures.some((k) => k in values && (values[k] ?? null) !== (existing?.[k] ?? null));
  // A form sends every field back: an amount equal to the stored one, while the figures changed, was not
  // typed when it was the earlier 测算依据 (or the 0 of a line without figures, e.g. a built-in line).
  const amountSentBack =
    !!existing &&
    figuresChanged &&
    values.amount != null &&
    Number(values.amount) === Number(existing.amount) &&
    Number(existing.amount) === (basisAmount(existing.unitPrice, existing.quantity, existing.times) ?? 0);
  // Empty amount (create, or cleared): from the 测算依据, else 0. Figures changed alone: follow them.
  if (amountSentBack) {
    out.amount = basisAmount(merged.unitPrice, merged.quantity, merged.times) ?? existing.amount;
  } else if (values.amount === undefined ? !existing || figuresTouched : values.amount === null) {
    const fromBasis = basisAmount(merged.unitPrice, merged.quantity, merged.times);
    out.amount = fromBasis ?? (existing && values.amount === undefined ? existing.amount : 0);
  }
  if (hasItems && parentId == null && Number(out.amount ?? existing?.amount ?? 0) !== 0) {
    throw invalid('amount', `类别“${String(merged.name)}”的预算金额是其明细科目的小计，不能直接填写`);
  }

  const year = merged.year ?? null;
  const clash = db
    .prepare('SELECT 1 FROM budget_items WHERE name = ? AND parent_id IS ? AND year IS ? AND id IS NOT ?')
    .get(merged.name, parentId ?? null, year, existing?.id ?? null);
  if (clash) {
    const where =
      parentId == null ? '已有同名的类别' : `类别“${String(findItem(db, parentId)?.name)}”下已有同名的明细科目`;
    throw new UserError(
      'DUPLICATE',
      `${where}“${String(merged.name)}”${year == null ? '' : `（${String(year)}年度）`}`,
      [{ path: 'name', message: `${where}` }],
    );
  }

  if (out.sortOrder == null) {
    if (existing) delete out.sortOrder;
    else {
      const last = db
        .prepare('SELECT max(sort_order) AS m FROM budget_items WHERE parent_id IS ?')
        .get(parentId ?? null) as { m: number | null };
      out.sortOrder = (last.m ?? 0) + 10;
    }
  }
  return out;
}

function refuseDeletingCategory(id: number, ctx: HandlerCtx) {
  const n = itemCount(ctx.db, id);
  if (n > 0) {
    const item = findItem(ctx.db, id);
    throw new UserError(
      'IN_USE',
      `无法删除类别“${String(item?.name)}”：其下还有 ${n} 个明细科目，请先删除或移走这些明细科目`,
    );
  }
}

/** Allocations and expenditures go on a leaf of the tree. */
function bookable(values: Values, ctx: HandlerCtx) {
  if (values.budgetItemId != null) requireBookable(ctx.db, Number(values.budgetItemId), 'budgetItemId', '预算科目');
  return values;
}

/** Contract payments and pay-run totals belong to their own side: one record, changed in one place. */
export function refuseLinkedExpenditure(id: number, ctx: HandlerCtx) {
  const e = requireRecord(ctx.db, expenditureDef, id);
  if (e.contractNodeId != null) {
    throw new UserError(
      'LINKED',
      `这笔支出是合同“${String(e.contractNo)} ${String(e.contractName)}”第 ${String(e.nodeSeq)} 个履约节点的付款，请在该合同的付款记录中修改或删除`,
    );
  }
  if (e.payRunId != null) {
    throw new UserError(
      'LINKED',
      `这笔支出由劳务报酬发放表“${String(e.payRunTitle)}（${formatPeriodCn(String(e.payRunPeriod))}）”入账生成，请在发放表中撤销发放后再修改`,
    );
  }
}

export const budgetItems = crudServices<'budgetItem'>(budgetItemDef, budgetItemCreate, {
  prepare: prepareItem,
  beforeDelete: refuseDeletingCategory,
});
export const allocations = crudServices<'allocation'>(allocationDef, allocationCreate, { prepare: bookable });
export const expenditures = crudServices<'expenditure'>(expenditureDef, expenditureCreate, {
  prepare: (values, ctx, existing) => {
    if (existing) refuseLinkedExpenditure(Number(existing.id), ctx);
    return bookable(values, ctx);
  },
  beforeDelete: refuseLinkedExpenditure,
});

/** Categories with their items and the 合计, in tree order: the 经费情况 table. */
export function budgetTree(ctx: HandlerCtx): OutputOf<'budget.tree'> {
  const rows = (
    ctx.db.prepare(`SELECT * FROM budget_items_view ORDER BY ${budgetItemDef.defaultSort}`).all() as Values[]
  ).map((r) => fromRow(r, budgetItemDef));
  const categories = rows
    .filter((r) => r.isCategory)
    .map((c) => ({ ...c, items: rows.filter((r) => r.parentId === c.id) }));
  const total = ctx.db
    .prepare(
      `SELECT t.budget, t.allocated, t.spent, t.budget - t.spent AS balance, ${rateSql('t.spent', 't.budget')} AS execution_rate
       FROM (SELECT coalesce(sum(budget), 0) AS budget, coalesce(sum(allocated), 0) AS allocated, coalesce(sum(spent), 0) AS spent
             FROM budget_items_view WHERE is_category = 1) t`,
    )
    .get() as Values;
  return { categories, total: fromRow(total) } as OutputOf<'budget.tree'>;
}
