// One cell → the value the entity's create schema takes. Only what a spreadsheet adds is handled
// here (numbers in text columns, serial dates, 元/万元, 是/否, aliases); the schema does the rest,
// so an imported value passes exactly the rules a typed one does.
import { normalizeText, removeSpaces, toHalfWidth } from '../text';
import { parseYuan } from '../money';
import { excelSerialToIso, isoToExcelSerial } from '../dates';
import { isEmptyCell } from './sheet';
import type { Cell, ImportField } from './types';

export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

/** Excel keeps 15 significant digits of a number; an ID or card number typed as one lost the rest. */
const EXCEL_DIGITS = 15;

/** A number as the cell shows it, without float noise (0.30000000000000004 → 0.3). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/**
 * A cell with no faithful value, as the parse worker marks it (backend/imports/parseWorker.mjs):
 * NUL, `E` (an Excel error value) or `F` (a formula saved without its result), the cell's address
 * and what Excel shows.
 */
// eslint-disable-next-line no-control-regex -- the mark is a NUL on purpose: no cell can hold one
const FAULT = /^\u0000([EF]):([A-Z]+\d+):(.*)$/s;

function faultOf(v: Cell): { kind: 'E' | 'F'; address: string; shown: string } | null {
  if (typeof v !== 'string' || v.charCodeAt(0) !== 0) return null;
  const m = FAULT.exec(v);
  return m ? { kind: m[1] as 'E' | 'F', address: m[2], shown: m[3] } : null;
}

/** The reason a marked cell cannot be imported, naming the cell; null for an ordinary cell. */
export function cellFault(v: Cell): string | null {
  const f = faultOf(v);
  if (!f) return null;
  return f.kind === 'E'
    ? `单元格 ${f.address} 是 Excel 错误值 ${f.shown}，请改正该单元格（或其公式引用的数据）后重新导入`
    : `单元格 ${f.address} 是公式${f.shown && f.shown !== '…' ? `（=${f.shown}）` : ''}，但文件中没有保存计算结果：请在 Excel 或 WPS 中打开该文件，保存后再导入`;
}

/** The cell as Excel would show it (the error report writes these): a marked cell's text. */
export function shownCell(v: Cell): Cell {
  const f = faultOf(v);
  return f ? (f.kind === 'E' ? f.shown : '') : v;
}

/** Any cell as text, for messages, previews and the error report. */
export function cellText(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'string' && v.charCodeAt(0) === 0) return String(shownCell(v));
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (message: string): Converted => ({ ok: false, message });

/** `1.2345` 万元 → `12345` 元, on the decimal text so no float rounding creeps in. */
function wanToYuanText(s: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s.replace(/,/g, ''));
  if (!m) return s;
  const [, sign, int, frac = ''] = m;
  const digits = (int + frac.padEnd(4, '0').slice(0, 4)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(4);
  return `${sign}${digits || '0'}${rest ? `.${rest}` : ''}`;
}

function money(v: Cell, f: ImportField, unit: '元' | '万元'): Converted {
  if (typeof v === 'boolean') return bad(`${f.label}应为金额`);
  if (unit === '元') {
    const r = parseYuan(v, f.label);
    return r.ok ? ok(r.value) : bad(r.message);
  }
  const text = typeof v === 'number' ? numberText(v) : removeSpaces(toHalfWidth(String(v))).replace(/万?元$/, '');
  const r = parseYuan(wanToYuanText(text), f.label);
  return r.ok ? ok(r.value) : bad(r.message.replace(f.label, `${f.label}（万元）`));
}

function numeric(v: Cell, f: ImportField): Converted {
  if (typeof v === 'number') return ok(v);
  const s = removeSpaces(toHalfWidth(String(v))).replace(/%$/, '');
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? ok(n) : bad(`${f.label}应为数字：${cellText(v)}`);
}

/** Half-width, no spaces: `乡镇（街道）联络员` → `乡镇(街道)联络员`. */
const enumText = (s: string) => removeSpaces(toHalfWidth(normalizeText(s)));

function enumValue(text: string, f: ImportField): string {
  if (f.values?.includes(text)) return text; // most cells already hold the exact value
  const s = enumText(text);
  if (f.values?.includes(s)) return s;
  const alias = f.aliases?.[s] ?? Object.entries(f.aliases ?? {}).find(([k]) => enumText(k) === s)?.[1];
  return alias ?? s;
}

const TRUE = new Set([
  '是',
  '√',
  '✓',
  '✔',
  'Y',
  'YES',
  'TRUE',
  '1',
  '已签到',
  '签到',
  '到',
  '出勤',
  '合格',
  '通过',
  '有',
]);
const FALSE = new Set([
  '否',
  '×',
  '✗',
  '✘',
  'X',
  'N',
  'NO',
  'FALSE',
  '0',
  '未签到',
  '缺勤',
  '未到',
  '不合格',
  '未通过',
  '无',
]);

function bool(v: Cell, f: ImportField): Converted {
  if (typeof v === 'boolean') return ok(v);
  const s = enumText(String(v)).toUpperCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return bad(`${f.label}应填“是”或“否”：${cellText(v)}`);
}

/** A code typed into a number cell: more than 15 digits means Excel already dropped some. */
function code(v: Cell, f: ImportField): Converted {
  if (typeof v !== 'number') return ok(cellText(v));
  const shown = numberText(v);
  const digits = shown.replace(/^-/, '').replace(/\..*$/, '');
  if (digits.length > EXCEL_DIGITS || /e/i.test(shown)) {
    return bad(`${f.label}被Excel按数字存储，末位已丢失（${shown}），请将该列设为文本后重新录入`);
  }
  return ok(shown);
}

/** Serials of 1920-01-01 … 2100-12-31: a bare number outside is no date anyone meant. */
const PLAUSIBLE_SERIALS = [isoToExcelSerial('1920-01-01'), isoToExcelSerial('2100-12-31')] as const;
const DATE_FORMS = '请填写完整的年月日，如 2018-03-05、2018/3/5、2018.3.5、2018年3月5日 或 20180305';

/**
 * A date column. A date-formatted cell arrives as ISO text (the parse worker converts it); a bare
 * number (or numeric text) is a date only as 8 digits (20180305) or as a serial within
 * 1920–2100, so 2018, 2018.3, 201803 or 12 are refused, never stored as 1905 or 1900.
 */
function date(v: Cell, f: ImportField): Converted {
  if (typeof v === 'boolean') return bad(`${f.label}应为日期：${DATE_FORMS}`);
  const s = typeof v === 'number' ? numberText(v) : removeSpaces(toHalfWidth(normalizeText(String(v))));
  if (!/^\d+(\.\d+)?$/.test(s)) return ok(v);
  if (/^\d{8}$/.test(s)) return ok(s);
  const n = Number(s);
  if (n >= PLAUSIBLE_SERIALS[0] && n < PLAUSIBLE_SERIALS[1] + 1) {
    const iso = excelSerialToIso(Math.floor(n));
    if (iso) return ok(iso);
  }
  return bad(`${f.label}“${s}”不是完整的日期：${DATE_FORMS}`);
}

/**
 * undefined for an empty cell (the field is left out, so the schema's default or its
 * "不能为空" applies), else the converted value or the Chinese reason it cannot be.
 */
export function convertCell(v: Cell, f: ImportField, unit: '元' | '万元' = '元'): Converted | undefined {
  if (isEmptyCell(v)) return undefined;
  const fault = cellFault(v);
  if (fault !== null) return bad(fault);
  switch (f.type) {
    case 'code':
      return code(v, f);
    case 'date':
      return date(v, f);
    case 'money':
      return money(v, f, unit);
    case 'number':
    case 'int':
      return numeric(v, f);
    case 'enum':
      return ok(enumValue(cellText(v), f));
    case 'list':
      return ok([
        ...new Set(
          cellText(v)
            .split(/[、,，;；/／|\s]+/)
            .filter(Boolean)
            .map((s) => enumValue(s, f)),
        ),
      ]);
    case 'bool':
      return bool(v, f);
    case 'text':
    case 'ref':
      return ok(cellText(v));
  }
}
