// Writing checked roster rows: new people in bulk with the repository's insertPeople (one level
// at a time, so a 普查指导员 named in the same sheet exists before the 普查员 who report to them),
// then stored people in sheet order with the area's PeopleUpdater, only the fields that change
// (personUpdate.ts worked them out with the person rules). Each person written gets its own audit
// entry: a new one with what was stored, an updated one with the changed fields before and after.
// Steps hold at most WRITE_CHUNK people, so a sliced commit lets other requests in between them;
// they write through the context they are run with (the commit's, on the writer connection).
import type { Database } from 'better-sqlite3';
import type { PersonRole } from '../../../core/enums';
import { insertPeople, type NewPersonRow } from '../../../db/entities/personnel';
import { PeopleUpdater } from '../../areas/personnel/bulkUpdate';
import { personDef } from '../../../db/entities/personnel';
import type { HandlerCtx } from '../../context';
import type { CheckedRow, Step } from './types';
import { WRITE_CHUNK } from '../limits';

type Values = Record<string, unknown>;

/** What an accepted update row writes. */
export interface PersonWrite {
  /** The changed columns' new values; a 所属普查指导员 new in the sheet is -(its row) until written. */
  set: Values;
  /** The same columns' stored values. */
  before: Values;
  roles?: PersonRole[];
  rolesBefore?: PersonRole[];
}

export interface PersonPlan {
  op: 'create' | 'update';
  /** create: every column; update: the stored person's id and the fields that change. */
  id?: number;
  data: Values;
  /** The 所属普查指导员 cell when it names someone not yet stored. */
  supervisorRef: string | null;
  /** The sheet row of that 普查指导员. */
  supervisorRow: number | null;
  /** update: the stored person as checked (dropped once personUpdate.ts has worked out `write`). */
  existing?: Values;
  /** update: what it writes, once checked. */
  write?: PersonWrite;
}

/** How deep a new person sits below new 普查指导员 of the same sheet (0: none). */
function levels(rows: CheckedRow[]): Map<number, number> {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const level = new Map<number, number>();
  const depth = (r: CheckedRow, seen: Set<number>): number => {
    const known = level.get(r.row);
    if (known !== undefined) return known;
    const sup = (r.plan as PersonPlan).supervisorRow;
    const parent = sup === null ? undefined : byRow.get(sup);
    const d =
      parent && (parent.plan as PersonPlan).op === 'create' && !seen.has(parent.row)
        ? depth(parent, new Set([...seen, r.row])) + 1
        : 0;
    level.set(r.row, d);
    return d;
  };
  for (const r of rows) depth(r, new Set());
  return level;
}

/** `rows` cut into runs of at most WRITE_CHUNK, in order. */
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) out.push(rows.slice(i, i + WRITE_CHUNK));
  return out;
}

// `_db`: the connection the rows were checked on; the writes go through the step's context.
export function personSteps(rows: CheckedRow[], onExisting: 'update' | 'skip', _db: Database): Step[] {
  const creates = rows.filter((r) => r.action === 'new');
  const updates = onExisting === 'update' ? rows.filter((r) => r.action === 'update') : [];
  // Sheet row → stored person id, filled as people are written.
  const ids = new Map<number, number>();
  for (const r of rows) {
    const plan = r.plan as PersonPlan | undefined;
    if (plan?.op === 'update' && plan.id) ids.set(r.row, plan.id);
  }
  const supervisorOf = (plan: PersonPlan) => (plan.supervisorRow === null ? undefined : ids.get(plan.supervisorRow));

  const depth = levels(creates);
  const maxDepth = Math.max(-1, ...depth.values());
  const steps: Step[] = [];
  for (let d = 0; d <= maxDepth; d++) {
    for (const batch of chunks(creates.filter((r) => depth.get(r.row) === d)))
      steps.push({
        rows: batch.map((r) => r.row),
        via: 'bulk',
        run: (ctx: HandlerCtx) => {
          const people = batch.map((r) => {
            const plan = r.plan as PersonPlan;
            const inSheet = supervisorOf(plan);
            if (inSheet !== undefined) plan.data.supervisorId = inSheet;
            return plan.data as unknown as NewPersonRow;
          });
          const written = insertPeople(ctx.db, people, ctx.now().toISOString());
          batch.forEach((r, i) => {
            ids.set(r.row, written[i]);
            ctx.audit('create', personDef.name, written[i], null, r.plan && (r.plan as PersonPlan).data);
          });
          return { created: batch.length, updated: 0 };
        },
      });
  }
  for (const batch of chunks(updates))
    steps.push({
      rows: batch.map((r) => r.row),
      via: 'bulk',
      run: (ctx: HandlerCtx) => {
        const updater = new PeopleUpdater(ctx.db, ctx.now().toISOString());
        for (const r of batch) {
          const plan = r.plan as PersonPlan;
          const w = plan.write!;
          const set = { ...w.set };
          const sup = set.supervisorId;
          if (typeof sup === 'number' && sup < 0) set.supervisorId = ids.get(-sup);
          updater.update({ id: plan.id!, set, roles: w.roles });
          const [before, after] = w.roles
            ? [
                { ...w.before, roles: w.rolesBefore },
                { ...set, roles: w.roles },
              ]
            : [w.before, set];
          ctx.audit('update', personDef.name, plan.id!, before, after);
        }
        return { created: 0, updated: batch.length };
      },
    });
  return steps;
}
