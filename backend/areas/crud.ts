// The generic entity services: create / get / update / list / delete of one EntityDef, typed by the
// contract's crud methods, with hooks for what differs per entity (cross-field rules, derived
// values, owned child rows). Areas whose writes are more than that (people) build on entityRows.
import type { z } from 'zod';
import {
  checkReferences,
  deleteRecord,
  insertRecord,
  listRecords,
  requireRecord,
  updateRecord,
  type EntityDef,
  type ListQuery,
} from '../../db/entity';
import { UserError } from '../../db/errors';
import { toSnake } from '../../db/rows';
import { metaOf } from '../../core/schemas/fields';
import type { HandlerCtx } from '../context';
import type { Crud, CrudEntity } from './service';

export type Values = Record<string, unknown>;

export interface CrudHooks {
  /** Fields of the input that are not columns of the table (written by afterWrite). */
  virtual?: readonly string[];
  /** Cross-field and database rules, derived stored values. `existing` is set on update. Returns the row values. */
  prepare?: (values: Values, ctx: HandlerCtx, existing?: Values) => Values;
  /** Owned child rows (assignments, roles…), after the row itself is written. */
  afterWrite?: (id: number, values: Values, ctx: HandlerCtx) => void;
  /** Extra rules before a delete (the generic reference check runs after). */
  beforeDelete?: (id: number, ctx: HandlerCtx) => void;
  /** Values derived per call (from the caller's clock…), added to every record returned. */
  present?: (record: Values, ctx: HandlerCtx) => Values;
}

/** The Chinese label of an input field, from the schema's field metadata. */
export function fieldLabeler(schema: z.ZodObject) {
  return (key: string) => (schema.shape[key] ? metaOf(schema.shape[key] as z.ZodType)?.title : undefined) ?? key;
}

/** Turns a UNIQUE constraint failure into a message naming the field. */
function explainConstraint(e: unknown, def: EntityDef, label: (key: string) => string, values: Values): never {
  const msg = (e as Error).message ?? '';
  const m = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/.exec(msg);
  if (m) {
    const cols = m[1].split(', ').map((c) => c.split('.')[1]);
    const keys = Object.keys(values).filter((k) => cols.includes(toSnake(k)));
    const what = keys.map((k) => `${label(k)}“${String(values[k])}”`).join('、');
    throw new UserError(
      'DUPLICATE',
      `${def.label}已存在相同的${what || cols.join('、')}`,
      keys.map((k) => ({ path: k, message: `${label(k)}已存在` })),
    );
  }
  throw e;
}

/** Writing one entity's row: references checked first, a UNIQUE clash explained in the entity's words. */
export function entityRows(def: EntityDef, create: z.ZodObject) {
  const label = fieldLabeler(create);
  return {
    label,
    insert(ctx: HandlerCtx, row: Values): number {
      checkReferences(ctx.db, def.table, row, label);
      try {
        return insertRecord(ctx.db, def, row);
      } catch (e) {
        explainConstraint(e, def, label, row);
      }
    },
    update(ctx: HandlerCtx, id: number, row: Values): void {
      checkReferences(ctx.db, def.table, row, label);
      try {
        updateRecord(ctx.db, def, id, row);
      } catch (e) {
        explainConstraint(e, def, label, row);
      }
    },
  };
}

/**
 * The five services of an entity; N names it as the contract does ('township' → township.create…).
 * The store hands back untyped rows: the overload gives them the contract's types (the record
 * schemas), which dispatch checks every answer against when tests ask.
 */
export function crudServices<N extends CrudEntity>(def: EntityDef, create: z.ZodObject, hooks?: CrudHooks): Crud<N>;
export function crudServices(def: EntityDef, create: z.ZodObject, hooks: CrudHooks = {}) {
  const rows = entityRows(def, create);
  const columnsOnly = (values: Values) => {
    const out: Values = {};
    for (const [k, v] of Object.entries(values)) if (!hooks.virtual?.includes(k)) out[k] = v;
    return out;
  };
  const show = (ctx: HandlerCtx, record: Values) => (hooks.present ? hooks.present(record, ctx) : record);

  return {
    create: (ctx: HandlerCtx, input: Values) => {
      const prepared = hooks.prepare ? hooks.prepare(input, ctx) : input;
      const id = rows.insert(ctx, columnsOnly(prepared));
      hooks.afterWrite?.(id, prepared, ctx);
      const after = requireRecord(ctx.db, def, id);
      ctx.audit('create', def.name, id, null, after);
      return show(ctx, after);
    },
    get: (ctx: HandlerCtx, input: { id: number }) => show(ctx, requireRecord(ctx.db, def, input.id)),
    update: (ctx: HandlerCtx, input: Values & { id: number }) => {
      const { id, ...patch } = input;
      const before = requireRecord(ctx.db, def, id);
      const prepared = hooks.prepare ? hooks.prepare(patch, ctx, before) : patch;
      rows.update(ctx, id, columnsOnly(prepared));
      hooks.afterWrite?.(id, prepared, ctx);
      const after = requireRecord(ctx.db, def, id);
      ctx.audit('update', def.name, id, before, after);
      return show(ctx, after);
    },
    list: (ctx: HandlerCtx, input: ListQuery) => {
      const page = listRecords(ctx.db, def, input);
      return hooks.present ? { ...page, rows: page.rows.map((r) => show(ctx, r)) } : page;
    },
    delete: (ctx: HandlerCtx, input: { id: number }) => {
      const before = requireRecord(ctx.db, def, input.id);
      hooks.beforeDelete?.(input.id, ctx);
      deleteRecord(ctx.db, def, input.id);
      ctx.audit('delete', def.name, input.id, before, null);
      return { id: input.id };
    },
  };
}
