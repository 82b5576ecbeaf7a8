// Months as periods (2026-10) for the city pages: the default ranges start from today.

/** The month `back` months before this one, as 2026-10. */
export function monthBefore(back: number, today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - back, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** 2026-10 → 2026年10月 (a half-month period keeps its 上/下). */
export function periodText(period: string): string {
  const m = /^(\d{4})-(\d{2})(?:-([上下]))?$/.exec(period);
  if (!m) return period;
  return `${m[1]}年${Number(m[2])}月${m[3] ? `${m[3]}半月` : ''}`;
}

/** Local date and time of an ISO instant, to the minute (2026-11-04 09:30). */
export function localTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
