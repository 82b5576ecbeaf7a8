// SQL's view of core/workdays.ts: census_workdays_after(day, n) is the n-th working day after day
// by China's official calendar, census_workdays_note(day, n) what the clerk is told when a year
// had to be counted Monday to Friday (NULL otherwise). Registered on every connection with the
// clock (db/clock.ts installClock), so the views' contract deadlines and the JS answers are one
// function. Both are NULL for a NULL or malformed day.
import type { Database } from 'better-sqlite3';
import { isValidIso } from '../core/dates';
import { workdayNote, workdaysAfter } from '../core/workdays';

const usable = (day: unknown, n: unknown): day is string =>
  typeof day === 'string' && isValidIso(day) && typeof n === 'number' && Number.isInteger(n) && n >= 1;

export function installWorkdays(db: Database): void {
  db.function('census_workdays_after', { deterministic: true }, (day: unknown, n: unknown) =>
    usable(day, n) ? workdaysAfter(day, n as number).due : null,
  );
  db.function('census_workdays_note', { deterministic: true }, (day: unknown, n: unknown) =>
    usable(day, n) ? workdayNote(day, n as number) : null,
  );
}
