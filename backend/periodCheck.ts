// "This period's progress report not yet exported, or exported and changed since" (workplan.md).
import { todayIso } from '../core/dates';
import type { DashboardCheck } from '../core/schemas/dashboard';
import { SENT_REPORT_ID } from '../core/reports/catalogue';
import type { HandlerCtx } from './context';

/** The period being reported now: the month, or its half when the city asks every two weeks. */
export function currentPeriod(ctx: HandlerCtx): string {
  const today = todayIso(ctx.now());
  const office = ctx.db.prepare('SELECT report_rhythm FROM office_profile WHERE id = 1').get() as
    { report_rhythm: string } | undefined;
  const month = today.slice(0, 7);
  if (office?.report_rhythm !== '每两周') return month;
  return `${month}-${Number(today.slice(8, 10)) <= 15 ? '上' : '下'}`;
}

export function periodReportCheck(ctx: HandlerCtx, period: string): DashboardCheck {
  const report = ctx.db
    .prepare(`SELECT updated_at FROM progress_reports WHERE period = ? AND township_id IS NULL`)
    .get(period) as { updated_at: string } | undefined;
  const exported = ctx.db
    .prepare(`SELECT max(exported_at) AS at FROM report_exports WHERE report_id = ? AND period = ?`)
    .get(SENT_REPORT_ID, period) as { at: string | null };
  const base = { id: 'periodReport', point: 12, link: { method: 'progress.get', filters: { period } } };
  if (!report)
    return {
      ...base,
      title: `本期（${period}）工作进度尚未填报`,
      count: 1,
      severity: 'warning',
      hint: '填报本期进度调度表后导出月报',
    };
  if (!exported.at)
    return {
      ...base,
      title: `本期（${period}）月报尚未导出`,
      count: 1,
      severity: 'warning',
      hint: '在“报表导出”中导出工作进度月报并报送市（州）',
    };
  if (exported.at < report.updated_at) {
    return {
      ...base,
      title: `本期（${period}）月报导出后数据又有修改`,
      count: 1,
      severity: 'error',
      hint: '重新导出月报（将作为新版本记录）并报送',
    };
  }
  return { ...base, title: `本期（${period}）月报已导出`, count: 0, severity: 'ok', hint: '无需处理' };
}
