// Arrival times as the clerk reads them: stored as ISO instants (UTC), shown in the machine's
// local time, as every other date the app shows (core/dates todayIso).
import { todayIso } from '../../../core/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2018-11-30 10:00`, local time. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${todayIso(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local day an instant fell on. */
export const localDay = (iso: string) => todayIso(new Date(iso));
