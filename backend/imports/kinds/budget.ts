// Budget items: a row without 类别 is a category, a row with one is an item of that category
// (stored, or a category row of the same sheet). Written through budgetItem.create/update.
import type { z } from 'zod';
import { budgetItemCreate } from '../../../core/schemas/budget';
import { budgetItemFields } from '../../../core/imports/fields/budget';
import { normalizeText } from '../../../core/text';
import { requireRecord } from '../../../db/entity';
import { budgetItemDef } from '../../../db/entities/budget';
import { budgetItems } from '../../areas/budget/budget';
import type { HandlerCtx } from '../../context';
import { UserError } from '../../../db/errors';
import { diff, errorRow, labelIn, parseWith, patchOf, SeenKeys } from './common';
import type { CheckedRow, ImportEnv, KindImporter, MappedRow, RowIssue, Step } from './types';

type Values = Record<string, unknown>;
type ItemInput = z.output<typeof budgetItemCreate>;

interface BudgetPlan {
  id: number | null;
  /** '' for a category row. */
  category: string;
  /** The whole row for a new item, the fields that change for a stored one. */
  data: ItemInput | Partial<ItemInput>;
}

const fieldKeys = new Set(budgetItemFields.map((f) => f.key));
const fieldOf = (path: string) => (path === 'parentId' ? 'category' : fieldKeys.has(path) ? path : null);
const label = labelIn(budgetItemFields, { parentId: '类别' });

function begin(env: ImportEnv) {
  const { db } = env;
  const categoryId = db
    .prepare('SELECT id FROM budget_items WHERE parent_id IS NULL AND name = ? ORDER BY id LIMIT 1')
    .pluck();
  const findItem = db.prepare('SELECT id FROM budget_items WHERE name = ? AND parent_id IS ? AND year IS ?').pluck();
  const seen = new SeenKeys();
  const categoriesInSheet = new Set<string>();

  function check(row: MappedRow): CheckedRow {
    const issues: RowIssue[] = [];
    const { category: rawCategory, ...input } = row.input as Values;
    const category = rawCategory === undefined ? '' : normalizeText(String(rawCategory));
    const { data, issues: schemaIssues } = parseWith(budgetItemCreate, input, row, fieldOf);
    issues.push(...schemaIssues);
    if (!data) return errorRow(row.row, issues);
    const key = `${category}|${data.name}|${data.year ?? ''}`;
    const prev = seen.claim(key, row.row);
    if (prev !== null)
      issues.push({
        field: 'name',
        message: `与第${prev}行重复：${category ? `类别“${category}”下的` : '类别'}“${data.name}”`,
      });
    if (issues.length) return errorRow(row.row, issues);
    if (!category) categoriesInSheet.add(data.name);
    const parentId = category ? ((categoryId.get(category) as number | undefined) ?? null) : null;
    const id =
      category && parentId === null
        ? undefined
        : (findItem.get(data.name, parentId, data.year ?? null) as number | undefined);
    const plan: BudgetPlan = { id: id ?? null, category, data };
    if (id === undefined)
      return { row: row.row, action: 'new', errors: [], values: { ...data, category }, changes: [], plan };
    const patch = patchOf(data as Values, Object.keys(input));
    const changes = diff(requireRecord(db, budgetItemDef, id), patch, label);
    plan.data = patch as Partial<ItemInput>;
    return {
      row: row.row,
      action: changes.length ? 'update' : 'unchanged',
      errors: [],
      values: { ...data, category },
      changes,
      plan,
    };
  }

  /** An item's category must be stored or be a category row of this sheet. */
  function finish(rows: CheckedRow[]) {
    for (const r of rows) {
      const plan = r.plan as BudgetPlan | undefined;
      if (!plan?.category || r.action === 'error') continue;
      if (categoryId.get(plan.category) === undefined && !categoriesInSheet.has(plan.category)) {
        Object.assign(
          r,
          errorRow(r.row, [
            {
              field: 'category',
              message: `类别“${plan.category}”不存在，请先新增该类别，或在表中加一行类别（“类别”列留空）`,
            },
          ]),
        );
      }
    }
  }

  function steps(rows: CheckedRow[], onExisting: 'update' | 'skip'): Step[] {
    const ids = new Map<string, number>();
    const parentOf = (name: string) => {
      const id = ids.get(name) ?? (categoryId.get(name) as number | undefined);
      if (id === undefined)
        throw new UserError('BAD_REFERENCE', `类别“${name}”未能导入`, [
          { path: 'parentId', message: `类别“${name}”未能导入` },
        ]);
      return id;
    };
    const todo = rows.filter((r) => r.action === 'new' || (r.action === 'update' && onExisting === 'update'));
    // Categories before items, each in sheet order.
    const ordered = [
      ...todo.filter((r) => !(r.plan as BudgetPlan).category),
      ...todo.filter((r) => (r.plan as BudgetPlan).category),
    ];
    return ordered.map((r) => {
      const plan = r.plan as BudgetPlan;
      return {
        rows: [r.row],
        via: 'handler' as const,
        fieldOf,
        run: (ctx: HandlerCtx) => {
          if (plan.id !== null) {
            budgetItems.update(ctx, { id: plan.id, ...plan.data });
            return { created: 0, updated: 1 };
          }
          const parentId = plan.category ? parentOf(plan.category) : null;
          const created = budgetItems.create(ctx, { ...(plan.data as ItemInput), parentId });
          if (!plan.category) ids.set(String(plan.data.name), created.id);
          return { created: 1, updated: 0 };
        },
      };
    });
  }
  return { check, finish, steps };
}

export const budgetItemImporter: KindImporter = { kind: 'budgetItem', fields: budgetItemFields, begin };
