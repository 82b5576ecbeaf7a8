// What a clerk types into a date or month box, read into ISO. Built on parseDate (core/dates.ts),
// minus what only suits spreadsheet cells: a bare number is never an Excel serial here, so
// 「2018」 or 「201811」 typed half-way is not mistaken for a day in 1905.
import { isValidIso, parseDate } from './dates';
import { normalizeText, toHalfWidth } from './text';

export type Entry<T> = { kind: 'empty' } | { kind: 'ok'; value: T } | { kind: 'invalid'; message: string };

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Typed text → ISO `YYYY-MM-DD`: 2018-11-30, 2018/11/30, 2018.11.30, 20181130, 2018年11月30日. */
export function parseDateEntry(text: string, label = '日期'): Entry<string> {
  const s = toHalfWidth(normalizeText(text)).replace(/\s+/g, '');
  if (s === '') return { kind: 'empty' };
  if (/^\d+(?:\.\d+)?$/.test(s) && !/^\d{8}$/.test(s)) {
    return { kind: 'invalid', message: `${label}未输完整：${text.trim()}（如 2018-11-30 或 20181130）` };
  }
  const r = parseDate(s, label);
  return r.ok ? { kind: 'ok', value: r.value } : { kind: 'invalid', message: r.message };
}

/** `2018-11-30` → 「2018年11月30日 星期五」: what the box understood, shown under it. */
export function describeDate(iso: string): string {
  if (!isValidIso(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  const day = new Date(Date.UTC(2000, m - 1, d));
  day.setUTCFullYear(y);
  return `${y}年${m}月${d}日 ${WEEKDAYS[day.getUTCDay()]}`;
}

const MONTH = /^(\d{4})(?:[-./年](\d{1,2})月?|(\d{2}))$/;

/** Typed text → `YYYY-MM`: 2026-12, 2026/12, 2026.12, 202612, 2026年12月. */
export function parseMonthEntry(text: string, label = '月份'): Entry<string> {
  const s = toHalfWidth(normalizeText(text)).replace(/\s+/g, '');
  if (s === '') return { kind: 'empty' };
  const m = MONTH.exec(s);
  const month = m ? Number(m[2] ?? m[3]) : 0;
  if (!m || month < 1 || month > 12 || Number(m[1]) < 1900) {
    return { kind: 'invalid', message: `${label}格式无法识别：${text.trim()}（如 2026-12 或 2026年12月）` };
  }
  return { kind: 'ok', value: `${m[1]}-${String(month).padStart(2, '0')}` };
}
