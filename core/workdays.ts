// Working days by China's official calendar: the State Council's holidays and make-up working days
// (调休) as the npm package chinese-days keeps them (MIT; 2004–2026 in 1.5.7). A year the package
// does not hold yet is counted Monday to Friday, and every answer says whether it had to: the
// clerk is told beside the deadline (contract page, 合同跟踪表, dashboard hint). The contract
// deadlines (core/deadlines.ts) are computed here and nowhere else: SQL reaches this same function
// through census_workdays_after() (db/workdays.ts).
import chineseDays from 'chinese-days';
import { addDays } from './dates';
import { WORKDAY_RULE } from './deadlines';

/** A year is covered when the package names its 国庆节 (every arrangement since 1999 has one). */
function coveredYears(): { first: number; last: number } | null {
  const years: number[] = [];
  for (let y = 1990; y <= 2100; y++) if (chineseDays.getDayDetail(`${y}-10-01`).name.includes('国庆')) years.push(y);
  return years.length ? { first: years[0], last: years[years.length - 1] } : null;
}

let coverage: { first: number; last: number } | null | undefined;
/** The years whose official arrangement the installed package holds (2004–2026 for 1.5.7). */
export function workdayYears(): { first: number; last: number } | null {
  if (coverage === undefined) coverage = coveredYears();
  return coverage;
}

const isCovered = (year: number) => {
  const c = workdayYears();
  return c !== null && year >= c.first && year <= c.last;
};

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** A working day: the official arrangement where the package has the year, else Monday to Friday. */
export function isWorkday(iso: string): boolean {
  if (isCovered(Number(iso.slice(0, 4)))) return chineseDays.getDayDetail(iso).work;
  const d = weekday(iso);
  return d !== 0 && d !== 6;
}

export interface DueDay {
  /** The n-th working day after `day`: the last day the act is on time. */
  due: string;
  /** Some day counted lies in a year the package does not hold: counted Monday to Friday. */
  estimated: boolean;
}

const memo = new Map<string, DueDay>();

/** The n-th working day after `day` (an ISO date; n ≥ 1). */
export function workdaysAfter(day: string, n: number): DueDay {
  const key = `${day}|${n}`;
  const known = memo.get(key);
  if (known) return known;
  let at = day;
  let left = n;
  let estimated = false;
  while (left > 0) {
    at = addDays(at, 1);
    if (!isCovered(Number(at.slice(0, 4)))) estimated = true;
    if (isWorkday(at)) left--;
  }
  const out = { due: at, estimated };
  memo.set(key, out);
  return out;
}

/** What the clerk reads when a deadline had to be counted Monday to Friday; null when it did not. */
export function workdayNote(day: string, n: number): string | null {
  if (!workdaysAfter(day, n).estimated) return null;
  const c = workdayYears();
  const held = c ? `${c.first}—${c.last}年` : '无';
  return `本程序收录的法定节假日安排为${held}，此后的日期暂按周一至周五计算工作日，请核对当年放假安排`;
}

/** The rule and how far the calendar reaches, for hints (dashboard). */
export function workdayRuleText(): string {
  const c = workdayYears();
  return c ? `${WORKDAY_RULE}（已收录${c.first}—${c.last}年，此后按周一至周五计）` : WORKDAY_RULE;
}
