// Dates are ISO `YYYY-MM-DD` strings everywhere in storage and the API.
// Arithmetic is done in UTC so no timezone or DST shift can move a day.
import { normalizeText, toHalfWidth } from './text';
import { type Check, fail, ok } from './validate/result';

const DAY_MS = 86_400_000;
/** Excel's last valid serial (9999-12-31). */
const MAX_SERIAL = 2_958_465;
/** Day 0 of the 1900 date system for serials ≥ 61 (Lotus bug: 1900-02-29 is serial 60). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function ymdToIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y); // setUTCFullYear avoids Date.UTC's 0–99 → 19xx mapping
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function isoToUtcMs(iso: string): number {
  const dt = new Date(Date.UTC(2000, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
  dt.setUTCFullYear(Number(iso.slice(0, 4)));
  return dt.getTime();
}

function utcMsToIso(ms: number): string {
  const dt = new Date(ms);
  return ymdToIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** True for a real calendar date written exactly as `YYYY-MM-DD`. */
export function isValidIso(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Excel 1900-system serial → ISO; null outside 1..2958465 and for the fictitious 1900-02-29 (60). */
export function excelSerialToIso(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const day = Math.floor(n); // the fraction is a time of day
  if (day < 1 || day > MAX_SERIAL || day === 60) return null;
  // Serials 1–59 sit before the fictitious leap day, so they are one day "early".
  const offset = day < 60 ? day + 1 : day;
  return utcMsToIso(EXCEL_EPOCH_UTC + offset * DAY_MS);
}

/** ISO → Excel 1900-system serial. Throws on an invalid date (a programming error). */
export function isoToExcelSerial(iso: string): number {
  if (!isValidIso(iso)) throw new RangeError(`无效日期：${iso}`);
  const days = Math.round((isoToUtcMs(iso) - EXCEL_EPOCH_UTC) / DAY_MS);
  if (days < 2) throw new RangeError(`Excel 不支持1900年以前的日期：${iso}`);
  return days < 61 ? days - 1 : days;
}

/** Today's date in the machine's local time zone (the clerk's calendar). */
export function todayIso(now: Date = new Date()): string {
  return ymdToIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function addDays(iso: string, n: number): string {
  if (!isValidIso(iso)) throw new RangeError(`无效日期：${iso}`);
  return utcMsToIso(isoToUtcMs(iso) + Math.trunc(n) * DAY_MS);
}

/** -1, 0 or 1; ISO dates sort as strings. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `2018-03-31` → `2018年3月31日`; anything else is returned unchanged (display helper). */
export function formatDateCn(iso: string): string {
  if (!isValidIso(iso)) return iso;
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** `2018-06` (or a full date) → `2018年06月`, zero-padded so file names sort. */
export function formatPeriodCn(period: string): string {
  const m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(period.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return period;
  return `${m[1]}年${pad(Number(m[2]))}月`;
}

const SEPARATED = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d+(?:\.\d+)?$/;

function fromParts(y: number, m: number, d: number, shown: string, label: string): Check<string> {
  if (!isRealDate(y, m, d)) return fail(`${label}不是有效日期：${shown}`);
  if (y < 1900) return fail(`${label}早于1900年：${shown}`);
  return ok(ymdToIso(y, m, d));
}

/**
 * Parse what clerks type or what a spreadsheet cell holds into ISO `YYYY-MM-DD`.
 * Numbers up to 2958465 (and numeric strings) are Excel serials; 8-digit values are YYYYMMDD.
 */
export function parseDate(input: unknown, label = '日期'): Check<string> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return fail(`${label}不是有效日期`);
    return fromParts(input.getFullYear(), input.getMonth() + 1, input.getDate(), todayIso(input), label);
  }
  if (input === null || input === undefined) return fail(`${label}不能为空`);
  const shown = typeof input === 'string' ? normalizeText(input) : String(input);
  if (shown === '') return fail(`${label}不能为空`);
  const s = toHalfWidth(shown)
    .replace(/\s*([-./年月日号])\s*/g, '$1')
    .trim();

  let m = SEPARATED.exec(s) ?? CHINESE.exec(s);
  if (m) {
    const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    return fromParts(Number(y), Number(mo), Number(d), shown, label);
  }
  if ((m = COMPACT.exec(s))) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), shown, label);
  if ((typeof input === 'number' || typeof input === 'string') && SERIAL.test(s)) {
    const n = Number(s);
    if (n >= 1 && n < MAX_SERIAL + 1) {
      const iso = excelSerialToIso(n);
      return iso === null ? fail(`${label}不是有效日期：${shown}`) : ok(iso);
    }
  }
  return fail(`${label}格式无法识别：${shown}（应为 2018-03-05 等格式）`);
}
