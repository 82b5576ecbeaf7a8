// The monthly report as a submission (submission.md §2): a period is 草稿 until an official version
// is exported, then 已报送 第N版. An official export passes three gates — the office's rhythm
// (no half-month period where the office reports monthly), the calendar (the period has ended or
// is in its last `windowDays` days, by the backend's clock) and the progress table (已上报, no
// unexplained broken rule) — and from v2 on needs a correction reason. The export checks them
// when it starts (and decides the version and export id the file carries) and again when it
// records, so a version another export recorded meanwhile is refused, not duplicated.
import { randomUUID } from 'node:crypto';
import { addDays, formatDateCn, todayIso } from '../../core/dates';
import { blockingViolations, rowLabel } from '../../core/progressRules';
import { periodLabel, periodRange } from '../../core/reports/period';
import type { OutputOf } from '../../core/api';
import { DEFAULT_WINDOW_DAYS } from '../../core/schemas/system';
import { UserError } from '../../db/errors';
import type { HandlerCtx } from '../context';
import { reportTexts } from '../areas/system/office';
import { storedTable } from '../areas/workplan/progressTable';
import { lastVersion } from './history';
import type { MonthlyFigures } from '../../core/reports/monthly';
import { submissionDigest } from './digest';
import type { Submission } from './types';
import { officeLevel } from './city/level';
import { consolidationRefusal } from './city/gates';

const isHalf = (period: string) => /-[上下]$/.test(period);

/** Why the calendar or the office's rhythm refuses an official version of `period` now, or null. */
function calendarRefusal(ctx: HandlerCtx, period: string): string | null {
  const label = periodLabel(period);
  const office = ctx.db.prepare('SELECT report_rhythm FROM office_profile WHERE id = 1').get() as
    { report_rhythm: string } | undefined;
  if (isHalf(period) && office?.report_rhythm !== '每两周') {
    return `本单位上报频率为每月（单位信息），不能正式报送半月报告期${label}；请按月报送，或由管理员在单位信息中把上报频率改为每两周`;
  }
  const today = todayIso(ctx.now());
  const { from, to } = periodRange(period);
  const windowDays = reportTexts(ctx).R2.windowDays ?? DEFAULT_WINDOW_DAYS;
  // The window is the period's last `windowDays` days; 0 means only once the period has ended.
  const opens = addDays(to, 1 - windowDays);
  if (today < from) {
    return `报告期${label}尚未开始（今天是${formatDateCn(today)}），不能正式报送；可先导出草稿`;
  }
  if (today < opens) {
    const window =
      windowDays > 0
        ? `报告期最后${windowDays}天（${formatDateCn(opens)}起）`
        : `报告期结束后（${formatDateCn(opens)}起）`;
    return `报告期${label}尚未结束，${window}才能正式报送（今天是${formatDateCn(today)}）；可先导出草稿`;
  }
  return null;
}

/** Why the county's progress table of `period` refuses an official version, or null. */
function tableRefusal(ctx: HandlerCtx, period: string): string | null {
  const label = periodLabel(period);
  const table = storedTable(ctx.db, { period, townshipId: null });
  if (table.reportId === null) {
    const townships = ctx.db
      .prepare('SELECT count(*) FROM progress_reports WHERE period = ? AND township_id IS NOT NULL')
      .pluck()
      .get(period) as number;
    const how = townships > 0 ? '把各乡镇的表汇总为县级表，核对后标记为已上报' : '填报并标记为已上报';
    return `${label}的进度调度表尚未填报，不能正式报送；请在“工作进度”中${how}（可先导出草稿）`;
  }
  const blocking = blockingViolations(table.violations);
  if (blocking.length) {
    const names = new Map(table.rows.map((r) => [r.rowCode, r.name]));
    const broken = blocking.map((v) => `${rowLabel(v.rowCode, names.get(v.rowCode))}：${v.rule}`).join('；');
    return `${label}的进度调度表有${blocking.length}处不符合填报规则，不能正式报送：${broken}。请修改或在该行备注中说明，标记为已上报后再正式报送（可先导出草稿）`;
  }
  if (table.status !== '已上报') {
    return `${label}的进度调度表尚未标记为已上报，不能正式报送；请核对后在“工作进度”中标记为已上报（可先导出草稿）`;
  }
  return null;
}

/**
 * The first gate that refuses an official version of `period` now, in words, or null. A city or
 * province office has no progress table of its own: its R2 needs at least one unit's report.
 */
export function officialRefusal(ctx: HandlerCtx, period: string): string | null {
  const own = () => (officeLevel(ctx.db) === '县' ? tableRefusal(ctx, period) : consolidationRefusal(ctx.db, period));
  return calendarRefusal(ctx, period) ?? own();
}

const reasonMissing = (period: string, version: number) =>
  `${periodLabel(period)}已报送第${version - 1}版，再次正式报送为第${version}版（更正），须填写更正原因`;

/**
 * An official version about to be built: the gates hold, the reason is there from v2 on, and the
 * version and export id the file will carry are decided now.
 */
export function planOfficial(ctx: HandlerCtx, period: string, reason: string | null): Submission {
  const refusal = officialRefusal(ctx, period);
  if (refusal) throw new UserError('NOT_SENDABLE', refusal, [{ path: 'mode', message: refusal }]);
  const version = (lastVersion(ctx, period)?.version ?? 0) + 1;
  if (version >= 2 && !reason) {
    const message = reasonMissing(period, version);
    throw new UserError('REASON_REQUIRED', message, [{ path: 'correctionReason', message }]);
  }
  return {
    status: 'official',
    version,
    exportUid: randomUUID(),
    correctionReason: version >= 2 ? reason : null,
  };
}

/**
 * In the commit, inside the transaction: the gates still hold and no other official version of the
 * period was recorded since the file was built (it carries its version number).
 */
export function confirmOfficial(
  ctx: HandlerCtx,
  period: string,
  planned: Submission,
  built: { countyCode: string; figures: MonthlyFigures },
): void {
  const last = lastVersion(ctx, period);
  if ((last?.version ?? 0) + 1 !== planned.version) {
    throw new UserError(
      'VERSION_CONFLICT',
      `导出期间${periodLabel(period)}已由${last?.operatorName ?? '其他操作员'}正式报送了第${last?.version}版，本次第${planned.version}版未记录、文件未保存；请查看报送记录后重新正式报送`,
    );
  }
  const refusal = officialRefusal(ctx, period);
  if (refusal) throw new UserError('NOT_SENDABLE', `导出期间情况有变，本次未记录、文件未保存：${refusal}`);
  // A correction that corrects nothing would only confuse the city: the same figures under a new number.
  if (last?.digest && submissionDigest({ ...built, period, version: last.version }) === last.digest) {
    throw new UserError(
      'NOTHING_CORRECTED',
      `${periodLabel(period)}的数字与已报送的第${last.version}版完全相同，无需更正，本次未记录、文件未保存；如需再次发送第${last.version}版，请在报送记录中“重新导出此版本”`,
    );
  }
}

/** report.status: the period's status, and whether (or why not) an official version may be exported now. */
export function submissionStatus(ctx: HandlerCtx, period: string): OutputOf<'report.status'> {
  const last = lastVersion(ctx, period);
  const nextVersion = (last?.version ?? 0) + 1;
  const refusal = officialRefusal(ctx, period);
  return {
    period,
    periodText: periodLabel(period),
    status: last ? '已报送' : '草稿',
    last: last && {
      id: last.id,
      version: last.version,
      exportedAt: last.exportedAt,
      operatorName: last.operatorName,
      fileName: last.fileName,
      correctionReason: last.correctionReason,
    },
    nextVersion,
    reasonRequired: nextVersion >= 2,
    officialAllowed: refusal === null,
    refusal,
  };
}
