// Reports read through the other areas' own services, so a derived value (a paid amount, a pass
// rate, an overdue flag) is computed in one place only. Used in the export worker, on its own
// read-only connection, and in-process for the print views.
import type { Database } from 'better-sqlite3';
import { api, type InputOf, type OutputOf, type ParsedInputOf } from '../../core/api';
import type { HandlerCtx, Operator } from '../context';
import { setClock } from '../../db/clock';
import type { Service } from '../areas/service';
import { budgetTree } from '../areas/budget/budget';
import { getPayRun } from '../areas/budget/payRuns';
import { contractDetail, contracts } from '../areas/contracts/contracts';
import { trainings } from '../areas/training/sessions';
import { listMilestones } from '../areas/workplan/milestones';
import { getProgress } from '../areas/workplan/progress';

/** The read methods reports use, each with its area's service. */
type ReadMethod =
  | 'budget.tree'
  | 'payRun.get'
  | 'contract.list'
  | 'contract.detail'
  | 'training.list'
  | 'training.get'
  | 'milestone.list'
  | 'progress.get';

const READERS: { [M in ReadMethod]: Service<M> } = {
  'budget.tree': budgetTree,
  'payRun.get': getPayRun,
  'contract.list': contracts.list,
  'contract.detail': contractDetail,
  'training.list': trainings.list,
  'training.get': trainings.get,
  'milestone.list': listMilestones,
  'progress.get': getProgress,
};

/** A context for reading only: an audit entry from here would be a bug. */
export function readCtx(db: Database, now: Date, operator: Operator | null): HandlerCtx {
  const clock = () => now;
  return {
    // In-process (an in-memory store) the connection is the app's own: set the clock at each use.
    get db() {
      setClock(db, clock);
      return db;
    },
    operator,
    now: clock,
    audit: () => {
      throw new Error('报表读取过程中不应写入操作日志');
    },
    auditCount: () => 0,
  };
}

/** Calls a read service with its input parsed as dispatch would (defaults applied). */
export async function read<M extends ReadMethod>(ctx: HandlerCtx, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  return await READERS[method](ctx, api[method].input.parse(input) as ParsedInputOf<M>);
}

type ListMethod = 'milestone.list' | 'training.list' | 'contract.list';
type RowOf<M extends ListMethod> = OutputOf<M> extends { rows: (infer R)[] } ? R : never;

/** Every row of a list, page by page (lists cap a page at 1000). */
export async function readAll<M extends ListMethod>(
  ctx: HandlerCtx,
  method: M,
  input: Omit<InputOf<M>, 'page' | 'pageSize'>,
): Promise<RowOf<M>[]> {
  const rows: RowOf<M>[] = [];
  for (let page = 1; ; page++) {
    const r = (await read(ctx, method, { ...input, page, pageSize: 1000 } as InputOf<M>)) as {
      rows: RowOf<M>[];
      total: number;
    };
    rows.push(...r.rows);
    if (rows.length >= r.total || r.rows.length === 0) return rows;
  }
}
