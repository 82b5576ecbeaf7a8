// Reports read through the other areas' own handlers, so a derived value (a paid amount, a pass
// rate, an overdue flag) is computed in one place only. Used in the export worker, on its own
// read-only connection, and in-process for the print views.
import type { Database } from 'better-sqlite3';
import { api, type InputOf, type MethodName, type OutputOf } from '../../core/api';
import type { HandlerCtx, Operator } from '../context';
import { budgetHandlers } from '../handlers/budget';
import { contractsHandlers } from '../handlers/contracts';
import { trainingHandlers } from '../handlers/training';
import { workplanHandlers } from '../handlers/workplan';
import { systemHandlers } from '../handlers/system';

type AnyHandler = (input: unknown, ctx: HandlerCtx) => unknown;
const READERS = {
  ...budgetHandlers,
  ...contractsHandlers,
  ...trainingHandlers,
  ...workplanHandlers,
  ...systemHandlers,
} as unknown as Record<string, AnyHandler>;

/** A context for reading only: an audit entry from here would be a bug. */
export function readCtx(db: Database, now: Date, operator: Operator | null): HandlerCtx {
  return {
    db,
    operator,
    now: () => now,
    audit: () => {
      throw new Error('报表读取过程中不应写入操作日志');
    },
    auditCount: () => 0,
  };
}

/** Calls a read method of another area with its input parsed as dispatch would (defaults applied). */
export async function read<M extends MethodName>(ctx: HandlerCtx, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const handler = READERS[method];
  if (!handler || api[method].access !== 'read') throw new Error(`报表不能读取 ${method}`);
  return (await handler(api[method].input.parse(input), ctx)) as OutputOf<M>;
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
    const r = (await read(ctx, method, { ...input, page, pageSize: 1000 } as InputOf<M>)) as unknown as {
      rows: RowOf<M>[];
      total: number;
    };
    rows.push(...r.rows);
    if (rows.length >= r.total || r.rows.length === 0) return rows;
  }
}
