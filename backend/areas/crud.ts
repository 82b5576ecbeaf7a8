// Handlers for create / get / update / list / delete generated from an EntityDef, with hooks for
// what differs per entity (cross-field rules, derived values, owned child rows).
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
} from '../db/entity';
import { UserError } from '../db/errors';
import { toSnake } from '../db/rows';
import type { HandlerCtx } from './context';
import { metaOf } from '../core/schemas/fields';

type Values = Record<string, unknown>;

export interface CrudHooks {
  /** Fields of the input that are not columns of the table (written by afterWrite). */
  virtual?: readonly string[];
  /** Cross-field and database rules, derived stored values. `existing` is set on update. Returns the row values. */
  prepare?: (values: Values, ctx: HandlerCtx, existing?: Values) => Values;
  /** Owned child rows (assignments, roles…), after the row itself is written. */
  afterWrite?: (id: number, values: Values, ctx: HandlerCtx) => void;
  /** Extra rules before a delete (the generic reference check runs after). */
  beforeDelete?: (id: number, ctx: HandlerCtx) => void;
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

export function crudHandlers(def: EntityDef, create: z.ZodObject, hooks: CrudHooks = {}) {
  const label = fieldLabeler(create);
  const columnsOnly = (values: Values) => {
    const out: Values = {};
    for (const [k, v] of Object.entries(values)) if (!hooks.virtual?.includes(k)) out[k] = v;
    return out;
  };
  const write = (ctx: HandlerCtx, values: Values, existing?: Values) => {
    const prepared = hooks.prepare ? hooks.prepare(values, ctx, existing) : values;
    const row = columnsOnly(prepared);
    checkReferences(ctx.db, def.table, row, label);
    return { prepared, row };
  };

  return {
    [`${def.name}.create`]: (input: Values, ctx: HandlerCtx) => {
      const { prepared, row } = write(ctx, input);
      let id: number;
      try {
        id = insertRecord(ctx.db, def, row);
      } catch (e) {
        explainConstraint(e, def, label, row);
      }
      hooks.afterWrite?.(id, prepared, ctx);
      const after = requireRecord(ctx.db, def, id);
      ctx.audit('create', def.name, id, null, after);
      return after;
    },
    [`${def.name}.get`]: (input: { id: number }, ctx: HandlerCtx) => requireRecord(ctx.db, def, input.id),
    [`${def.name}.update`]: (input: Values & { id: number }, ctx: HandlerCtx) => {
      const { id, ...patch } = input;
      const before = requireRecord(ctx.db, def, id);
      const { prepared, row } = write(ctx, patch, before);
      try {
        updateRecord(ctx.db, def, id, row);
      } catch (e) {
        explainConstraint(e, def, label, row);
      }
      hooks.afterWrite?.(id, prepared, ctx);
      const after = requireRecord(ctx.db, def, id);
      ctx.audit('update', def.name, id, before, after);
      return after;
    },
    [`${def.name}.list`]: (input: ListQuery, ctx: HandlerCtx) => listRecords(ctx.db, def, input),
    [`${def.name}.delete`]: (input: { id: number }, ctx: HandlerCtx) => {
      const before = requireRecord(ctx.db, def, input.id);
      hooks.beforeDelete?.(input.id, ctx);
      deleteRecord(ctx.db, def, input.id);
      ctx.audit('delete', def.name, input.id, before, null);
      return { id: input.id };
    },
  };
}
