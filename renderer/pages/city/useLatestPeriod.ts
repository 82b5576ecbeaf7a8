// The period the city pages open on: the newest period among the last files taken in (reports
// arrive after their month, and a clerk catching up works on that one), else last month.
import { useEffect, useState } from 'react';
import { call } from '../../api/call';
import { monthBefore } from './months';

/** [period, set, settled]: settled once the latest intake has been looked at. */
export function useLatestPeriod(): [string, (p: string) => void, boolean] {
  const [period, setPeriod] = useState(monthBefore(1));
  const [settled, setSettled] = useState(false);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    let live = true;
    void call('intake.list', { pageSize: 20 }).then((r) => {
      if (!live) return;
      const months = r.ok ? r.data.rows.map((f) => f.period?.slice(0, 7)).filter((p): p is string => !!p) : [];
      if (months.length > 0 && !touched) setPeriod(months.sort().at(-1)!);
      setSettled(true);
    });
    return () => {
      live = false;
    };
  }, []); // once, on opening the page
  return [
    period,
    (p) => {
      setTouched(true);
      setPeriod(p);
    },
    settled,
  ];
}

/** The month `n` months before a period (2018-10 → 2018-05 for 5). */
export function monthsBack(period: string, n: number): string {
  const [y, m] = period.slice(0, 7).split('-').map(Number);
  const d = new Date(y, m - 1 - n, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
