// Money is integer 分 (fen) everywhere; these helpers parse and show 元/万元/大写.
// Parsing works on decimal strings so no binary float rounding can creep in.
import { normalizeText, removeSpaces, toHalfWidth } from './text';
import { type Check, fail, ok } from './validate/result';

export type ParseYuanOptions = { allowNegative?: boolean };

const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/** A JS number as a plain decimal string, read the way Excel shows it (15 significant digits). */
function numberToDecimal(n: number): string {
  // 12.340000000000002 (float noise from a formula) → "12.34".
  const s = String(Number(n.toPrecision(15)));
  // Tiny values print as `1e-7`; spell them out so the decimals rule reports them.
  return s.includes('e-') ? n.toFixed(20) : s;
}

/** `1,234.56`, `¥1234`, `1234元`, `3.5万`/`3.5万元`, full-width digits, a number from JSON or a cell → fen. */
export function parseYuan(input: unknown, label = '金额', options: ParseYuanOptions = {}): Check<number> {
  if (input === null || input === undefined) return fail(`${label}不能为空`);
  let shown: string;
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(`${label}不是有效数字`);
    if (Math.abs(input) >= 1e15) return fail(`${label}数值过大：${input}`);
    shown = String(input);
    s = numberToDecimal(input);
  } else if (typeof input === 'string') {
    shown = normalizeText(input);
    s = removeSpaces(toHalfWidth(shown)).replace(/[\u2212\uFE63]/g, '-');
  } else {
    return fail(`${label}格式无法识别：${String(input)}（应为数字，如 1234.56）`);
  }
  if (shown === '') return fail(`${label}不能为空`);

  // Sign may come before or after the currency sign: -¥12 or ¥-12.
  let negative = false;
  s = s.replace(/^(?:人民币|RMB)/i, '');
  if (s.startsWith('-')) [negative, s] = [true, s.slice(1)];
  s = s.replace(/^[¥￥]/, '');
  if (!negative && s.startsWith('-')) [negative, s] = [true, s.slice(1)];
  s = s.replace(/元$/, '');
  // 万 (as clerks write budgets: 3.5万) scales by 10,000, so up to 6 decimals still fall on whole 分.
  const wan = s.endsWith('万');
  if (wan) s = s.slice(0, -1);

  const m = AMOUNT.exec(s);
  if (!m || (m[1] === '' && !m[2])) {
    return fail(`${label}格式无法识别：${shown}（应为数字，如 1234.56）`);
  }
  // Trailing zeros beyond 分 (`12.300`) carry no value, so they are accepted.
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  const places = wan ? 6 : 2;
  if (decimals.length > places) return fail(wan ? `${label}以万元计最多六位小数` : `${label}最多两位小数`);
  const fen = Number(m[1].replace(/,/g, '') || '0') * 10 ** places + Number(decimals.padEnd(places, '0'));
  if (!Number.isSafeInteger(fen)) return fail(`${label}数值过大：${shown}`);
  if (negative && fen !== 0 && !options.allowNegative) return fail(`${label}不能为负数`);
  return ok(negative && fen !== 0 ? -fen : fen);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123456 → `1,234.56`; negative with a leading `-`. */
export function formatYuan(fen: number): string {
  const n = Math.round(fen);
  const abs = Math.abs(n);
  const text = `${groupThousands(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
  return n < 0 ? `-${text}` : text;
}

/** 123456 → `¥1,234.56`; negative → `-¥1,234.56`. */
export function formatYuanSymbol(fen: number): string {
  const text = formatYuan(fen);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** fen → 万元 with `decimals` places (half away from zero): 12345600 → `12.3456`. */
export function formatWanYuan(fen: number, decimals = 4): string {
  const n = Math.round(fen);
  const places = Math.max(0, Math.min(6, Math.trunc(decimals)));
  // 1 万元 = 1,000,000 fen, so the exact value has at most 6 decimals.
  const step = 10 ** (6 - places);
  const scaled = Math.round(Math.abs(n) / step); // integers: x.5 only when exact, rounds up
  const unit = 10 ** places;
  const intPart = groupThousands(String(Math.floor(scaled / unit)));
  const frac = places > 0 ? `.${String(scaled % unit).padStart(places, '0')}` : '';
  const extra = decimals > 6 ? '0'.repeat(Math.trunc(decimals) - 6) : '';
  return `${n < 0 && scaled > 0 ? '-' : ''}${intPart}${frac}${extra}`;
}

/** fen → 元 as a number, for spreadsheet cells. */
export function fenToYuanNumber(fen: number): number {
  return Math.round(fen) / 100;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];

/** 1..9999 with inner zeros read as one 零 (1002 → 壹仟零贰, 10 → 壹拾). */
function below10k(n: number): string {
  const digits = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL_UNITS[digits.length - 1 - i];
  }
  return out;
}

/** Any positive integer; one 零 for each run of zeros between two non-zero digits. */
function integerDaxie(n: number): string {
  if (n >= 1e8) {
    const low = n % 1e8;
    const high = `${integerDaxie(Math.floor(n / 1e8))}亿`;
    if (low === 0) return high;
    return high + (low < 1e7 || Math.floor(n / 1e8) % 10 === 0 ? '零' : '') + integerDaxie(low);
  }
  if (n >= 1e4) {
    const low = n % 1e4;
    const high = `${below10k(Math.floor(n / 1e4))}万`;
    if (low === 0) return high;
    return high + (low < 1000 || Math.floor(n / 1e4) % 10 === 0 ? '零' : '') + below10k(low);
  }
  return below10k(n);
}

/**
 * 大写 amount as on contracts and invoices (中国人民银行《支付结算办法》附件 rules):
 * `元整` when there are no 角/分; after `角` no `整` (`壹佰元零伍角`);
 * one `零` after `元` when the 元 digit is 0 (`壹佰元零伍角`) or the 角 is 0 (`壹元零壹分`).
 */
export function toDaxie(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数分：${fen}`);
  if (fen < 0) return `负${toDaxie(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let out = yuan > 0 ? `${integerDaxie(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (yuan > 0 && (yuan % 10 === 0 || jiao === 0)) out += '零';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  return out;
}

/** numerator / denominator as a percentage rounded to `decimals` (half away from zero); null for /0. */
export function percent(numerator: number, denominator: number, decimals = 1): number | null {
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return null;
  const value = (numerator * 100) / denominator;
  const abs = Math.abs(value);
  const text = String(abs);
  // Round via the decimal exponent so 1.005 → 1.01, which `Math.round(x*100)/100` gets wrong;
  // values that print in exponent form are too small or too large for that trick to matter.
  const rounded = text.includes('e')
    ? Math.round(abs * 10 ** decimals) / 10 ** decimals
    : Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
