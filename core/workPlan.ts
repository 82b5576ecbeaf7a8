// The work plan a new office starts with (工作要点): the second pollution census's plan (the seed
// milestones, dated for its 标准时点 2017-12-31) moved by as many days as the office's 标准时点 lies
// from that day, or an empty plan. Moving 标准时点 later may move the deadlines the same way.
import { addDays } from './dates';
import { daysBetween } from './milestones';

export const WORK_PLANS = ['二污普工作要点', '空白'] as const;
export type WorkPlan = (typeof WORK_PLANS)[number];

export const WORK_PLAN_LABELS: Record<WorkPlan, string> = {
  二污普工作要点: '第二次全国污染源普查工作要点（截止日期随标准时点顺延）',
  空白: '空白（自行录入工作要点）',
};

/** The 标准时点 the seed milestones' deadlines were written for. */
export const PLAN_REFERENCE_DATE = '2017-12-31';

/** Days from one 标准时点 to another (negative when the new one is earlier). */
export const planShiftDays = (from: string, to: string) => daysBetween(from, to);

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const isMonthEnd = (iso: string) => {
  const [y, m, d] = parts(iso);
  return d === lastDay(y, m);
};
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A deadline moved as far as 标准时点 moved. When both days are month ends or the same day of the
 * month, it moves by whole months and a month-end deadline stays a month end (2018-03-31 →
 * 2028-03-31 for 2017-12-31 → 2027-12-31, not 03-30 across a leap year); otherwise by days. An
 * open-ended item (no deadline) stays so.
 */
export function moveDeadline(deadline: string | null, from: string, to: string): string | null {
  if (deadline === null || from === to) return deadline;
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  if (!((isMonthEnd(from) && isMonthEnd(to)) || fd === td)) return addDays(deadline, planShiftDays(from, to));
  const [y, m, d] = parts(deadline);
  const months = y * 12 + (m - 1) + (ty - fy) * 12 + (tm - fm);
  const ny = Math.floor(months / 12);
  const nm = (months % 12) + 1;
  const day = isMonthEnd(deadline) ? lastDay(ny, nm) : Math.min(d, lastDay(ny, nm));
  return `${ny}-${pad(nm)}-${pad(day)}`;
}
