// "This period's monthly report not yet sent, or sent and changed since" (workplan.md,
// submission.md §2). "Changed" is the digest of what an export would carry now against the
// digest of the last official version, over all six sheets — each computed as of the period's
// end, so a change dated after the period (a December payment for November) is no change.
import { todayIso } from '../core/dates';
import type { DashboardCheck } from '../core/schemas/dashboard';
import { MONTHLY_SHEETS, MONTHLY_SHEET_KEYS, type MonthlyFigures } from '../core/reports/monthly';
import type { OfficeInfo } from '../core/reports/texts';
import { currentPeriod as periodOn } from '../core/reports/period';
import { getOffice } from '../db/entities/system';
import type { HandlerCtx } from './context';
import { reportTexts } from './areas/system/office';
import { monthlyFigures } from './reports/builders/monthly';
import { NO_PARAMS, printEnv } from './reports/context';
import { submissionDigest } from './reports/digest';
import { canonicalJson } from './reports/hash';
import { lastVersion, loadExport, type LastVersion } from './reports/history';

/** The period being reported now: the month, or its half when the city asks every two weeks. */
export function currentPeriod(ctx: HandlerCtx): string {
  const office = ctx.db.prepare('SELECT report_rhythm FROM office_profile WHERE id = 1').get() as
    { report_rhythm: string } | undefined;
  return periodOn(todayIso(ctx.now()), office?.report_rhythm);
}

/**
 * What differs between the last official version and an export now: the names of the sheets whose
 * figures changed (and 单位信息 when the county code did), or [] when the digests agree.
 */
export async function changedSinceSent(ctx: HandlerCtx, period: string, last: LastVersion): Promise<string[]> {
  const office = getOffice(ctx.db) as OfficeInfo | null;
  if (!office) return [];
  const env = printEnv(ctx, { ...NO_PARAMS, reportId: 'R2', period }, office, reportTexts(ctx));
  const now = await monthlyFigures(env, period);
  const digest = submissionDigest({ countyCode: office.countyCode, period, version: last.version, figures: now });
  if (last.digest !== null && digest === last.digest) return [];
  const sent = loadExport(ctx, last.id);
  const changed = MONTHLY_SHEET_KEYS.filter((k) => {
    const texts = (f: MonthlyFigures) => (k === 'milestones' ? f.texts : null);
    return canonicalJson([now.sheets[k], texts(now)]) !== canonicalJson([sent.figures.sheets[k], texts(sent.figures)]);
  }).map((k) => MONTHLY_SHEETS[k].layout.sheetName);
  const countyChanged = sent.meta !== null && sent.meta.countyCode !== office.countyCode;
  return countyChanged ? [...changed, '单位信息（县级区划代码）'] : changed;
}

export async function periodReportCheck(ctx: HandlerCtx, period: string): Promise<DashboardCheck> {
  // A city or province office compiles its R2 from the reports it received (汇总报表): the county's
  // progress table and figures below are not its own, so nothing here applies to it.
  const level = (
    ctx.db.prepare('SELECT level FROM office_profile WHERE id = 1').get() as { level?: string } | undefined
  )?.level;
  if (level === '市' || level === '省')
    return {
      id: 'periodReport',
      point: 12,
      link: null,
      title: `本期（${period}）月报由“汇总报表”按收到的报表汇总`,
      count: 0,
      severity: 'ok',
      hint: '无需处理',
    };
  const report = ctx.db.prepare(`SELECT 1 FROM progress_reports WHERE period = ? AND township_id IS NULL`).get(period);
  const base = { id: 'periodReport', point: 12, link: { method: 'progress.get', filters: { period } } };
  if (!report)
    return {
      ...base,
      title: `本期（${period}）工作进度尚未填报`,
      count: 1,
      severity: 'warning',
      hint: '填报本期进度调度表后导出月报',
    };
  const last = lastVersion(ctx, period);
  if (!last)
    return {
      ...base,
      title: `本期（${period}）月报尚未正式报送`,
      count: 1,
      severity: 'warning',
      hint: '在“报表导出”中导出草稿核对，进度调度表标记为已上报后正式报送市（州）',
    };
  const changed = await changedSinceSent(ctx, period, last);
  if (changed.length) {
    return {
      ...base,
      title: `本期（${period}）月报报送第${last.version}版后数据又有修改`,
      count: 1,
      severity: 'error',
      hint: `与已报送的第${last.version}版相比，${changed.join('、')}有变化；核对后正式报送第${last.version + 1}版（须填写更正原因）`,
      items: changed,
    };
  }
  return {
    ...base,
    title: `本期（${period}）月报已报送第${last.version}版`,
    count: 0,
    severity: 'ok',
    hint: '无需处理',
  };
}
