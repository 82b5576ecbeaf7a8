// core/workdays.ts over chinese-days: which years it holds, holidays and make-up days, and the
// Monday-to-Friday fallback past them.
import { describe, expect, it } from 'vitest';
import { isWorkday, workdayNote, workdaysAfter, workdayYears } from '../../core/workdays';

describe('working days by the official calendar', () => {
  it('knows the years chinese-days holds', () => {
    const years = workdayYears();
    expect(years?.first).toBe(2004);
    expect(years!.last).toBeGreaterThanOrEqual(2026);
  });

  it('holidays are off, make-up weekends are on', () => {
    expect(isWorkday('2018-10-01')).toBe(false); // 国庆节
    expect(isWorkday('2018-09-29')).toBe(true); // Saturday, 调休上班
    expect(isWorkday('2019-02-02')).toBe(true); // Saturday before 春节
    expect(isWorkday('2019-02-05')).toBe(false); // 春节
    expect(isWorkday('2018-06-16')).toBe(false); // an ordinary Saturday
  });

  it('counts the n-th working day after a day', () => {
    expect(workdaysAfter('2018-09-30', 2)).toEqual({ due: '2018-10-09', estimated: false });
    expect(workdaysAfter('2019-02-01', 2)).toEqual({ due: '2019-02-03', estimated: false });
    expect(workdaysAfter('2018-03-01', 7)).toEqual({ due: '2018-03-12', estimated: false });
  });

  it('falls back to Monday to Friday past the calendar, and says so', () => {
    const last = workdayYears()!.last;
    const next = last + 1;
    expect(isWorkday(`${next}-10-01`)).toBe(new Date(`${next}-10-01T00:00:00Z`).getUTCDay() % 6 !== 0);
    expect(workdaysAfter(`${last}-12-28`, 7).estimated).toBe(true);
    expect(workdayNote(`${last}-12-28`, 7)).toContain('按周一至周五计算工作日');
    expect(workdayNote('2018-03-01', 7)).toBeNull();
  });
});
