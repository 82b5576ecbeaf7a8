// The writes of a kind whose row is one record written by its area's own create/update services
// (entity.ts, organisation.ts, devices.ts): each new row is a create, each changed row an update
// when the clerk chose to update existing records.
import type { HandlerCtx } from '../../context';
import type { CheckedRow, Step } from './types';

/** A row's plan: a record to create (id null) or the changed fields of the stored record `id`. */
export type RecordPlan<D = Record<string, unknown>, P = Partial<D>> = { id: null; data: D } | { id: number; data: P };

/** The area's create and update services (typed loosely: the plan was checked against their schema). */
export interface RecordWrite {
  create: (ctx: HandlerCtx, input: never) => unknown;
  update: (ctx: HandlerCtx, input: never) => unknown;
}

/** One handler step per row to write, in order; a row's failure maps back to its fields by `fieldOf`. */
export function handlerSteps(
  rows: CheckedRow[],
  onExisting: 'update' | 'skip',
  write: RecordWrite,
  fieldOf: (path: string) => string | null,
): Step[] {
  return rows
    .filter((r) => r.action === 'new' || (r.action === 'update' && onExisting === 'update'))
    .map((r) => {
      const plan = r.plan as RecordPlan;
      return {
        rows: [r.row],
        via: 'handler' as const,
        fieldOf,
        run: (ctx: HandlerCtx) => {
          if (plan.id === null) {
            write.create(ctx, plan.data as never);
            return { created: 1, updated: 0 };
          }
          write.update(ctx, { id: plan.id, ...plan.data } as never);
          return { created: 0, updated: 1 };
        },
      };
    });
}
