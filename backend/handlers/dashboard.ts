import type { dashboardApi } from '../../core/api/dashboard';
import { api } from '../../core/api';
import { todayIso } from '../../core/dates';
import type { DashboardCheck } from '../../core/schemas/dashboard';
import type { HandlerCtx } from '../context';
import { LIST_CHECKS, REQUIRED_BUDGET_LINES } from '../dashboardChecks';
import { currentPeriod, periodReportCheck } from '../periodCheck';
import type { AreaHandlers } from './types';

type ListHandler = (input: unknown, ctx: HandlerCtx) => { total: number } | Promise<{ total: number }>;

/** The training deadline is the work plan's point-10 milestone; without one, checks stay warnings. */
function trainingDeadline(ctx: HandlerCtx): string | null {
  const row = ctx.db
    .prepare(`SELECT min(deadline) AS d FROM milestones WHERE point_no = 10 AND deadline IS NOT NULL`)
    .get() as { d: string | null };
  return row.d;
}

function missingBudgetLines(ctx: HandlerCtx): string[] {
  const present = new Set(
    (ctx.db.prepare(`SELECT name FROM budget_items WHERE amount > 0`).all() as { name: string }[]).map((r) => r.name),
  );
  return REQUIRED_BUDGET_LINES.filter((name) => !present.has(name));
}

export const dashboardHandlers = {
  'dashboard.checks': async (_input: unknown, ctx: HandlerCtx) => {
    // Imported lazily: the handler map imports this module.
    const { handlers } = await import('./index');
    const today = todayIso(ctx.now());
    const deadline = trainingDeadline(ctx);
    const checks: DashboardCheck[] = [];
    for (const c of LIST_CHECKS) {
      const input = api[c.method].input.parse({ filters: c.filters, pageSize: 1 });
      const { total } = await (handlers[c.method] as unknown as ListHandler)(input, ctx);
      const late = c.afterTrainingDeadline ? deadline !== null && deadline < today : true;
      const severity = total === 0 ? 'ok' : c.severity === 'warning' || !late ? 'warning' : 'error';
      const hint = c.afterTrainingDeadline && !late && deadline ? `${c.hint}（培训截止 ${deadline}）` : c.hint;
      checks.push({
        id: c.id,
        point: c.point,
        title: c.title,
        count: total,
        severity,
        hint,
        link: { method: c.method, filters: c.filters },
      });
    }
    const missing = missingBudgetLines(ctx);
    checks.push({
      id: 'budgetMissingLines',
      point: 3,
      title: '预算缺少的必列项目',
      count: missing.length,
      severity: missing.length ? 'error' : 'ok',
      hint: '普查经费应包括普查员和普查指导员劳动报酬、交通通讯误餐补助和人身意外伤害保险',
      link: null,
      items: missing,
    });
    const period = currentPeriod(ctx);
    checks.push(periodReportCheck(ctx, period));
    return { asOf: today, period, checks };
  },
} as unknown as AreaHandlers<typeof dashboardApi>;
