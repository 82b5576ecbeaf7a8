// Report periods: `2018-06` for a month, `2018-06-上` / `2018-06-下` for the halves of a month
// (workplan.md); their first and last days and how a report prints them.

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last ISO day of a period; the 上 half is days 1–15, the 下 half the rest. */
export function periodRange(period: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})(?:-([上下]))?$/.exec(period);
  if (!m) throw new RangeError(`报告期格式不正确：${period}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const last = lastDayOfMonth(year, month);
  const first = m[3] === '下' ? 16 : 1;
  const end = m[3] === '上' ? 15 : last;
  const ym = `${m[1]}-${m[2]}`;
  return { from: `${ym}-${pad(first)}`, to: `${ym}-${pad(end)}` };
}

/** `2018年06月`, `2018年06月上半月`: zero-padded so file names sort. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})-(\d{2})(?:-([上下]))?$/.exec(period);
  if (!m) return period;
  return `${m[1]}年${m[2]}月${m[3] ? `${m[3]}半月` : ''}`;
}

/** A calendar day as a file name or a period line shows it: `2018年11月30日`. */
export function dayLabel(iso: string): string {
  return `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日`;
}

/**
 * The period being reported on a day (what the dashboard calls 本期): the month, or its half when
 * the office reports every two weeks (reportRhythm 每两周).
 */
export function currentPeriod(todayIso: string, rhythm: string | null | undefined): string {
  const month = todayIso.slice(0, 7);
  if (rhythm !== '每两周') return month;
  return `${month}-${Number(todayIso.slice(8, 10)) <= 15 ? '上' : '下'}`;
}
