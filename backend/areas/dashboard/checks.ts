// dashboard.checks: the checks of workplan.md. Each list check counts through the very list
// service the clerk lands on (backend/dashboardChecks.ts names them), so the count is that list's
// total by construction. At 100k people those counts take 200 ms and more, so a big data file's
// checks are computed in the dashboard worker (offThread.ts) on a read-only connection, and the
// answer is kept until the data changes (cache.ts).
import { keyOf } from '../../../db/cipher';
import { api, type OutputOf, type ParsedInputOf } from '../../../core/api';
import { todayIso } from '../../../core/dates';
import type { DashboardCheck } from '../../../core/schemas/dashboard';
import { fixedWorkspace, type HandlerCtx } from '../../context';
import { auditFinding } from '../../auditCheck';
import { encryptionCheck, LIST_CHECKS, REQUIRED_BUDGET_LINES, type ListCheck } from '../../dashboardChecks';
import { currentPeriod, periodReportCheck } from '../../periodCheck';
import { budgetItems } from '../budget/budget';
import { contracts } from '../contracts/contracts';
import { listPeople } from '../personnel/people';
import { districts, townships, villages } from '../regions/regions';
import { listMilestones } from '../workplan/milestones';
import { problems } from '../problems/problems';
import { qualityChecks } from '../quality/checks';
import { devices } from '../organisation/devices';
import { cachedChecks, cacheKey, keepChecks } from './cache';
import { checksInBackground } from './offThread';

type Counted = ListCheck['method'];

const LISTS: { [M in Counted]: (ctx: HandlerCtx, input: ParsedInputOf<M>) => { total: number } } = {
  'township.list': townships.list,
  'village.list': villages.list,
  'district.list': districts.list,
  'person.list': listPeople,
  'budgetItem.list': budgetItems.list,
  'contract.list': contracts.list,
  'milestone.list': listMilestones,
  'problem.list': problems.list,
  'qualityCheck.list': qualityChecks.list,
  'device.list': devices.list,
};

/** The list's total under the check's filters, its input parsed as dispatch would (defaults applied). */
function countOf<M extends Counted>(ctx: HandlerCtx, method: M, filters: Record<string, unknown>): number {
  const input = api[method].input.parse({ filters, pageSize: 1 }) as ParsedInputOf<M>;
  return LISTS[method](ctx, input).total;
}

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

/**
 * From how many people (by the highest id, an O(1) read) the checks are computed off-thread. Below
 * it they take a few milliseconds here, less than handing them to a thread; tests lower it.
 */
export const OFF_THREAD = { fromPeople: 5_000 };

export async function dashboardChecks(ctx: HandlerCtx): Promise<OutputOf<'dashboard.checks'>> {
  const now = ctx.now();
  const key = cacheKey(ctx.db, now);
  const cached = cachedChecks(ctx.db, key);
  if (cached) return withAuditCheck(ctx, cached);
  const db = ctx.db;
  const people = db.prepare('SELECT coalesce(max(id), 0) FROM people').pluck().get() as number;
  const path = ctx.workspace?.path ?? db.name;
  const result =
    people >= OFF_THREAD.fromPeople && path !== ':memory:' && path !== ''
      ? await checksInBackground(path, now, keyOf(db))
      : await computeChecks(ctx);
  // Kept only if nothing was written (nor the file replaced) while it was computed.
  if (ctx.db === db && cacheKey(db, now) === key) keepChecks(db, key, result);
  return withAuditCheck(ctx, result);
}

/**
 * The audit log's finding for this open (backend/auditCheck.ts), shown to every operator: a
 * broken log is an error on the dashboard and blocks nothing else. Not in the cached answer: it
 * is kept per open on its own.
 */
async function withAuditCheck(
  ctx: HandlerCtx,
  result: OutputOf<'dashboard.checks'>,
): Promise<OutputOf<'dashboard.checks'>> {
  const found = await auditFinding(ctx.workspace ?? fixedWorkspace(ctx.db));
  const check: DashboardCheck = {
    id: 'auditLog',
    point: 0,
    title: '操作日志完整性',
    count: found.ok ? 0 : 1,
    severity: found.ok ? 'ok' : 'error',
    hint: found.ok
      ? `本次启动后已逐条校验操作日志（共 ${found.count} 条），未发现改动`
      : `${found.message}。数据可能在本程序之外被改动过：请管理员保留数据文件和全部备份，查明原因；其他工作不受影响`,
    link: null,
  };
  // 「数据未加密」 for a 管理员 while the file is plain: per caller, so added here and never cached.
  const plain = encryptionCheck((ctx.workspace?.key ?? null) !== null, ctx.operator?.role);
  return { ...result, checks: [...result.checks, check, ...(plain ? [plain] : [])] };
}

/** The checks, computed on `ctx.db` (here, or in the worker on its own connection). */
export async function computeChecks(ctx: HandlerCtx): Promise<OutputOf<'dashboard.checks'>> {
  const today = todayIso(ctx.now());
  const deadline = trainingDeadline(ctx);
  const checks: DashboardCheck[] = [];
  for (const c of LIST_CHECKS) {
    const total = countOf(ctx, c.method, c.filters);
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
  checks.push(await periodReportCheck(ctx, period));
  return { asOf: today, period, checks };
}
