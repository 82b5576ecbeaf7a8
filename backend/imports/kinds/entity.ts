// Kinds that map one row to one record of an area with plain CRUD services (townships, villages,
// districts, agencies): the area's create schema checks the row, the row's key finds the stored
// record, and the area's own create/update services write it.
import type { z } from 'zod';
import type { Database } from 'better-sqlite3';
import type { ImportField } from '../../../core/imports/types';
import type { ImportKind } from '../../../core/imports/kinds';
import { requireRecord, type EntityDef } from '../../../db/entity';
import type { HandlerCtx } from '../../context';
import { diff, errorRow, labelIn, parseWith, patchOf, SeenKeys } from './common';
import { handlerSteps, type RecordPlan } from './handlerSteps';
import type { CheckedRow, ImportEnv, KindImporter, MappedRow, RowIssue } from './types';

type Values = Record<string, unknown>;

export interface EntitySpec<S, C extends z.ZodObject> {
  kind: ImportKind;
  fields: readonly ImportField[];
  schema: C;
  def: EntityDef;
  /** The area's own writes (its crud services). */
  write: {
    create: (ctx: HandlerCtx, input: z.output<C>) => unknown;
    update: (ctx: HandlerCtx, input: { id: number } & Partial<z.output<C>>) => unknown;
  };
  /** The field that identifies a record (code, creditCode) and its column in the table. */
  key: { field: string; column: string; label: string };
  /** Schema key → import field, for reference columns (townshipId → township). */
  refFields?: Record<string, string>;
  /** Lookups prepared once per run. */
  load: (db: Database, env: ImportEnv) => S;
  /** Reference cells → ids on `input`; failures pushed to `issues`. */
  resolve?: (row: MappedRow, input: Values, issues: RowIssue[], state: S) => void;
}

type EntityPlan<C extends z.ZodObject> = RecordPlan<z.output<C>>;

export function entityImporter<S, C extends z.ZodObject>(spec: EntitySpec<S, C>): KindImporter {
  const fieldKeys = new Set(spec.fields.map((f) => f.key));
  const fieldOf = (path: string) => spec.refFields?.[path] ?? (fieldKeys.has(path) ? path : null);
  const labels = Object.fromEntries(
    Object.entries(spec.refFields ?? {}).map(([k, f]) => [k, spec.fields.find((x) => x.key === f)?.label ?? f]),
  );
  const label = labelIn(spec.fields, labels);
  const refInputs = new Set(Object.values(spec.refFields ?? {}));

  function begin(env: ImportEnv) {
    const state = spec.load(env.db, env);
    const find = env.db.prepare(`SELECT id FROM ${spec.def.table} WHERE ${spec.key.column} = ?`).pluck();
    const seen = new SeenKeys();

    function check(row: MappedRow): CheckedRow {
      const issues: RowIssue[] = [];
      const input: Values = {};
      for (const [k, v] of Object.entries(row.input)) if (!refInputs.has(k)) input[k] = v;
      spec.resolve?.(row, input, issues, state);
      const { data, issues: schemaIssues } = parseWith(spec.schema, input, row, fieldOf, issues);
      issues.push(...schemaIssues);
      if (!data) return errorRow(row.row, issues);
      const key = String((data as Values)[spec.key.field]);
      const prev = seen.claim(key, row.row);
      if (prev !== null) issues.push({ field: spec.key.field, message: `与第${prev}行重复：${spec.key.label}相同` });
      if (issues.length) return errorRow(row.row, issues);
      const id = find.get(key) as number | undefined;
      if (id === undefined) {
        const plan: EntityPlan<C> = { id: null, data };
        return { row: row.row, action: 'new', errors: [], values: data as Values, changes: [], plan };
      }
      const patch = patchOf(data as Values, Object.keys(input));
      delete patch[spec.key.field];
      const changes = diff(requireRecord(env.db, spec.def, id), patch, label);
      const plan: EntityPlan<C> = { id, data: patch as Partial<z.output<C>> };
      return {
        row: row.row,
        action: changes.length ? 'update' : 'unchanged',
        errors: [],
        values: data as Values,
        changes,
        plan,
      };
    }

    const steps = (rows: CheckedRow[], onExisting: 'update' | 'skip') =>
      handlerSteps(rows, onExisting, spec.write, fieldOf);
    return { check, steps };
  }

  return { kind: spec.kind, fields: spec.fields, begin };
}
