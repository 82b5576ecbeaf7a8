// The first-day checklist (core/firstSteps.ts): each step is done once its registry holds something.
import type { OutputOf } from '../../../core/api';
import { FIRST_STEPS, type FirstStepKey } from '../../../core/firstSteps';
import type { HandlerCtx } from '../../context';

/** How many of each step's records there are (a step is done when there is at least one). */
const COUNTS: Record<FirstStepKey, string> = {
  regions: 'SELECT count(*) AS n FROM townships',
  people: 'SELECT count(*) AS n FROM people',
  contracts: 'SELECT count(*) AS n FROM contracts',
  // The built-in lines start at 0.00: a budget is made once an amount is filled in.
  budget: 'SELECT count(*) AS n FROM budget_items WHERE amount > 0',
  training: 'SELECT count(*) AS n FROM training_sessions',
  progress: 'SELECT count(*) AS n FROM progress_reports',
  report: `SELECT count(*) AS n FROM report_exports WHERE report_id = 'R2'`,
};

export function firstSteps(ctx: HandlerCtx): OutputOf<'dashboard.firstSteps'> {
  const steps = FIRST_STEPS.map((s) => {
    const count = (ctx.db.prepare(COUNTS[s.key]).get() as { n: number }).n;
    return { key: s.key, title: s.title, todo: s.todo, path: s.path, count, unit: s.unit, done: count > 0 };
  });
  return { steps, done: steps.filter((s) => s.done).length, total: steps.length };
}
