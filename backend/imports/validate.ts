// Checking every data row of a laid-out sheet: cells converted, the kind's rules applied, and
// (when any row writes through an area's handlers) a dry run of the writes rolled back, so the
// preview shows exactly the rows the commit will write.
import { columnIndex } from '../../core/imports/columns';
import { convertCell } from '../../core/imports/cells';
import type { ImportField } from '../../core/imports/types';
import type { HandlerCtx } from '../context';
import { issuesOf } from './kinds/common';
import type { CheckedRow, ImportEnv, KindImporter, KindRun, MappedRow, RowIssue, Step } from './kinds/types';
import type { Layout } from './layout';
import { VALIDATE_CHUNK } from './limits';
import { Turns } from './turns';
import { mayReveal } from '../access';

/** Rows name the holder of a 公民身份号码 only to callers who may reveal (as person.create does). */
const withReveal = (env: ImportEnv, ctx: HandlerCtx): ImportEnv => ({
  ...env,
  reveal: mayReveal(ctx.db, ctx.operator),
});

export interface Validated {
  rows: CheckedRow[];
  problems: string[];
  run: KindRun;
  /** The audit log's head when the check ran: any write since then changes it. */
  auditHead: string;
  /** Whether the rows were checked for a caller who may reveal (they may name a number's holder). */
  reveal: boolean;
}

export interface ValidateHooks {
  progress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
}

export const auditHead = (ctx: HandlerCtx) =>
  (ctx.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? '';

type Column = [letter: string, field: ImportField, index: number, unit: '元' | '万元'];
const NONE: ReadonlySet<string> = new Set();

/** The row's mapped cells converted; conversion faults recorded against their field. */
function mapRow(
  layout: Layout,
  r: number,
  columns: Column[],
  mappedKeys: Set<string>,
): { mapped: MappedRow; errors: RowIssue[] } {
  const cells = layout.sheet.rows[r] ?? [];
  // `failed` is shared and empty until a cell fails: most rows never need their own.
  const mapped: MappedRow = { row: r + 1, cells, input: {}, failed: NONE as Set<string>, mapped: mappedKeys };
  const errors: RowIssue[] = [];
  for (const [, field, index, unit] of columns) {
    const converted = convertCell(cells[index] ?? null, field, unit);
    if (converted === undefined) continue;
    if (converted.ok) mapped.input[field.key] = converted.value;
    else {
      if (mapped.failed === NONE) mapped.failed = new Set();
      mapped.failed.add(field.key);
      errors.push({ field: field.key, message: converted.message });
    }
  }
  return { mapped, errors };
}

/** A handler context whose writes leave no audit entry: the import writes one for all of them. */
export const quietCtx = (ctx: HandlerCtx): HandlerCtx => ({ ...ctx, audit: () => {} });

const ROLLBACK = new Error('dry run: roll back');

/** Runs the writes and rolls every one of them back; a refused step marks its rows. */
function dryRun(ctx: HandlerCtx, steps: Step[], rows: CheckedRow[]) {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const quiet = quietCtx(ctx);
  const step = ctx.db.transaction((s: Step) => s.run(quiet));
  try {
    ctx.db.transaction(() => {
      for (const s of steps) {
        try {
          step(s); // nested: a savepoint, undone on its own when the step is refused
        } catch (e) {
          const issues = issuesOf(e, s.fieldOf ?? (() => null));
          for (const n of s.rows)
            Object.assign(byRow.get(n)!, { action: 'error', errors: issues, values: null, changes: [] });
        }
      }
      throw ROLLBACK;
    })();
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
}

function checkRow(run: KindRun, layout: Layout, r: number, columns: Column[], keys: Set<string>): CheckedRow {
  const { mapped, errors } = mapRow(layout, r, columns, keys);
  const checked = run.check(mapped);
  if (!errors.length) return checked;
  return { row: mapped.row, action: 'error', errors: [...errors, ...checked.errors], values: null, changes: [] };
}

function columnsOf(layout: Layout, fields: readonly ImportField[]): Column[] {
  return Object.entries(layout.mapping)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([letter, key]) => [
      letter,
      fields.find((f) => f.key === key)!,
      columnIndex(letter),
      layout.units.get(letter) ?? '元',
    ]);
}

/** The kind's checks across rows, when it works in steps: a turn for others whenever a slice is used up. */
async function finishRows(run: KindRun, rows: CheckedRow[], turns: Turns) {
  const steps = run.finish?.(rows);
  if (!steps) return;
  while (!steps.next().done) if (turns.due) await turns.take();
}

function finishRowsNow(run: KindRun, rows: CheckedRow[]) {
  const steps = run.finish?.(rows);
  if (steps) while (!steps.next().done);
}

function conclude(
  importer: KindImporter,
  env: ImportEnv,
  ctx: HandlerCtx,
  run: KindRun,
  rows: CheckedRow[],
  layout: Layout,
  head: string,
): Validated {
  const steps = run.steps(rows, 'update');
  if (steps.some((s) => s.via === 'handler')) dryRun(ctx, steps, rows);
  const mapped = new Set(Object.values(layout.mapping).filter((v): v is string => v !== null));
  const missing = importer.fields
    .filter((f) => f.required && !mapped.has(f.key))
    .map((f) => `缺少“${f.label}”列：请在列对应中指定哪一列是${f.label}`);
  const problems = [...missing, ...(importer.problems?.(env, mapped) ?? [])];
  return { rows, problems, run, auditHead: head, reveal: mayReveal(ctx.db, ctx.operator) };
}

/** For the preview: yields between chunks so progress polls and a cancel get through. */
export async function validateLayout(
  importer: KindImporter,
  env: ImportEnv,
  ctx: HandlerCtx,
  layout: Layout,
  hooks: ValidateHooks = {},
): Promise<Validated> {
  // Taken before the lookups are loaded: a write while the rows are checked (between slices) makes
  // the check stale, and the commit checks again.
  const head = auditHead(ctx);
  const turns = new Turns(() => !!hooks.cancelled?.());
  // The sheet was laid out in this same turn, and the lookups load every stored person: apart.
  await turns.take();
  const run = importer.begin(withReveal(env, ctx));
  await turns.take();
  const columns = columnsOf(layout, importer.fields);
  const keys = new Set(columns.map((c) => c[1].key));
  const rows: CheckedRow[] = [];
  const total = layout.data.rows.length;
  for (let i = 0; i < total; i++) {
    rows.push(checkRow(run, layout, layout.data.rows[i], columns, keys));
    if (turns.due || (i + 1) % VALIDATE_CHUNK === 0) {
      hooks.progress?.(i + 1, total);
      await turns.take();
    }
  }
  hooks.progress?.(total, total);
  await finishRows(run, rows, turns);
  await turns.take();
  return conclude(importer, env, ctx, run, rows, layout, head);
}

/** For the commit, inside its transaction: the same check without yielding. */
export function validateLayoutNow(importer: KindImporter, env: ImportEnv, ctx: HandlerCtx, layout: Layout): Validated {
  const head = auditHead(ctx);
  const run = importer.begin(withReveal(env, ctx));
  const columns = columnsOf(layout, importer.fields);
  const keys = new Set(columns.map((c) => c[1].key));
  const rows = layout.data.rows.map((r) => checkRow(run, layout, r, columns, keys));
  finishRowsNow(run, rows);
  return conclude(importer, env, ctx, run, rows, layout, head);
}
