// Helpers every kind uses: running the entity's own create schema on a row, comparing a row with
// the stored record, and turning an area service's refusal into row errors.
import type { z } from 'zod';
import { UserError } from '../../../db/errors';
import type { ImportField } from '../../../core/imports/types';
import type { Change, CheckedRow, MappedRow, RowIssue } from './types';

export type FieldOf = (path: string) => string | null;

/**
 * The schema's Chinese messages, each tied to the import field its key came from. Fields already
 * reported (a cell that could not be converted, a name that matched nothing) are not reported
 * again as "不能为空".
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  row: MappedRow,
  fieldOf: FieldOf,
  known: RowIssue[] = [],
) {
  const r = schema.safeParse(input);
  if (r.success) return { data: r.data as z.output<S>, issues: [] as RowIssue[] };
  const issues: RowIssue[] = [];
  for (const iss of r.error.issues) {
    const field = fieldOf(String(iss.path[0] ?? ''));
    if (field && (row.failed.has(field) || known.some((k) => k.field === field))) continue;
    const message = iss.code === 'unrecognized_keys' ? `无法识别的字段：${iss.keys.join('、')}` : iss.message;
    if (!issues.some((i) => i.message === message)) issues.push({ field, message });
  }
  return { data: null, issues };
}

/** A service's UserError as row errors; anything else is a fault of ours and is rethrown. */
export function issuesOf(e: unknown, fieldOf: FieldOf): RowIssue[] {
  if (!(e instanceof UserError)) throw e;
  if (!e.issues.length) return [{ field: null, message: e.message }];
  return e.issues.map((i) => ({ field: fieldOf(i.path.split('.')[0]), message: i.message }));
}

const same = (a: unknown, b: unknown) => {
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  return (a ?? null) === (b ?? null);
};

/** The fields of `patch` whose value differs from the stored record. */
export function diff(
  existing: Record<string, unknown>,
  patch: Record<string, unknown>,
  labelOf: (key: string) => string,
): Change[] {
  return Object.entries(patch)
    .filter(([k, v]) => !same(existing[k], v))
    .map(([k, v]) => ({ field: k, label: labelOf(k), from: existing[k] ?? null, to: v }));
}

/**
 * The values an update writes: the mapped fields the row filled in. An empty cell never clears a
 * stored value (a half-filled sheet must not wipe data); clearing is done in the form.
 */
export function patchOf(data: Record<string, unknown>, keys: Iterable<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (data[k] !== undefined && data[k] !== null) out[k] = data[k];
  return out;
}

export const errorRow = (row: number, errors: RowIssue[]): CheckedRow => ({
  row,
  action: 'error',
  errors,
  values: null,
  changes: [],
});

export const labelIn =
  (fields: readonly ImportField[], extra: Record<string, string> = {}) =>
  (key: string) =>
    extra[key] ?? fields.find((f) => f.key === key)?.label ?? key;

/** Within the file: the first row that had each key, so a repeat names it. */
export class SeenKeys {
  private first = new Map<string, number>();
  /** The earlier row with this key, or null (and the key is now taken by `row`). */
  claim(key: string, row: number): number | null {
    const prev = this.first.get(key);
    if (prev !== undefined) return prev;
    this.first.set(key, row);
    return null;
  }
}
