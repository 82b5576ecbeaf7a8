// The demo replays the 2018 work plan shifted so that "today" stands where a county stood on
// 30 November 2018: deadlines are live, and nothing recorded as done lies in the future.
import { addDays, todayIso } from '../../core/dates';

export const DEMO_NOW_2018 = '2018-11-30';

export interface DemoDates {
  /** A 2018-based date moved by the shift, e.g. at('2018-06-30'). */
  at: (iso2018: string) => string;
  /** A 2018-based month ('2018-06') moved by the shift (taken at mid-month). */
  period: (p2018: string) => string;
  year: number;
  today: string;
}

const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function demoDates(now: Date): DemoDates {
  const today = todayIso(now);
  const shift = dayNumber(today) - dayNumber(DEMO_NOW_2018);
  const at = (iso: string) => addDays(iso, shift);
  return { at, period: (p) => at(`${p}-15`).slice(0, 7), year: Number(today.slice(0, 4)), today };
}
