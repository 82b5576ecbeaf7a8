// A milestone's state on a given day: 已逾期 is never stored, it is read off the deadline.
import type { MILESTONE_SET_STATUSES, MILESTONE_STATUSES } from './enums';

/** Unfinished milestones due within this many days (today included) are 即将到期. */
export const DUE_SOON_DAYS = 14;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export interface MilestoneState {
  effectiveStatus: (typeof MILESTONE_STATUSES)[number];
  daysLeft: number | null;
  dueSoon: boolean;
  overdue: boolean;
}

export function milestoneState(
  status: (typeof MILESTONE_SET_STATUSES)[number],
  deadline: string | null,
  today: string,
): MilestoneState {
  const daysLeft = deadline ? daysBetween(today, deadline) : null;
  const open = status !== '已完成';
  const overdue = open && daysLeft !== null && daysLeft < 0;
  const dueSoon = open && daysLeft !== null && daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS;
  return { effectiveStatus: overdue ? '已逾期' : status, daysLeft, dueSoon, overdue };
}
