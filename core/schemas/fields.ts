// Field builders: every API field is declared through one of these, so each message names the
// field in Chinese and the same normalisation runs in the form, the API and the importer.
import { z } from 'zod';
import './zodMessages';
import { normalizeText, normalizeCode } from '../text';
import { validateIdNumber } from '../validate/idNumber';
import { validateCreditCode } from '../validate/creditCode';
import { validateLandline, validateMobile, validatePhone } from '../validate/phone';
import { validateRegionCode } from '../validate/regionCode';
import { parseDate } from '../dates';
import type { Check } from '../validate/result';

const typeError = (label: string, what: string) => (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === null ? `${label}不能为空` : `${label}应为${what}`;

/** Empty strings, null and undefined all mean "not filled in" for optional fields. */
const blankToUndefined = (v: unknown) =>
  v === null || (typeof v === 'string' && normalizeText(v) === '') ? undefined : v;

/** Field metadata read by the API docs generator and the UI's form builder. */
export interface FieldMeta {
  title: string;
  kind: string;
  optional?: boolean;
  [key: string]: unknown;
}
/** A field's metadata, looking through default/optional wrappers that do not carry it. */
export function metaOf(s: z.ZodType): FieldMeta | undefined {
  let cur: z.ZodType = s;
  for (let i = 0; i < 10; i++) {
    const m = cur.meta() as FieldMeta | undefined;
    if (m?.title) return m;
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault)
      cur = cur.unwrap() as z.ZodType;
    else return m;
  }
  return undefined;
}

const labelled = <T extends z.ZodType>(schema: T, title: string, kind: string): T => schema.meta({ title, kind });

function optionalize<T extends z.ZodType>(schema: T) {
  const meta = schema.meta() as FieldMeta | undefined;
  return z
    .preprocess(blankToUndefined, schema.optional())
    .transform((v) => (v === undefined ? null : v))
    .meta({ ...meta, optional: true });
}

/** Runs a core validator inside a zod transform; its Chinese message becomes the issue. */
function checked<T>(label: string, kind: string, check: (raw: string) => Check<T>) {
  const schema = z.string({ error: typeError(label, '文本') }).transform((raw, ctx): T => {
    const r = check(raw);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });
  return labelled(schema, label, kind);
}

export interface TextOptions {
  max?: number;
}

export function text(label: string, opts: TextOptions = {}) {
  const max = opts.max ?? 100;
  const schema = z
    .string({ error: typeError(label, '文本') })
    .transform((v) => normalizeText(v))
    .refine((v) => v.length > 0, { message: `${label}不能为空` })
    .refine((v) => v.length <= max, { message: `${label}不能超过${max}个字` });
  return labelled(schema, label, 'text');
}
export const optText = (label: string, opts: TextOptions = {}) => optionalize(text(label, { max: 500, ...opts }));

export function code(label: string, pattern: RegExp, hint: string) {
  const schema = z
    .string({ error: typeError(label, '文本') })
    .transform((v) => normalizeCode(v))
    .refine((v) => v.length > 0, { message: `${label}不能为空` })
    .refine((v) => pattern.test(v), { message: `${label}格式不正确（${hint}）` });
  return labelled(schema, label, 'code');
}
export const optCode = (label: string, pattern: RegExp, hint: string) => optionalize(code(label, pattern, hint));

export const idNumber = (label = '公民身份号码') =>
  checked(label, 'idNumber', (raw) => {
    const r = validateIdNumber(raw, label);
    return r.ok ? { ok: true, value: r.value.id } : r;
  });
export const optIdNumber = (label = '公民身份号码') => optionalize(idNumber(label));

export const creditCode = (label = '统一社会信用代码') =>
  checked(label, 'creditCode', (raw) => validateCreditCode(raw, label));
export const optCreditCode = (label = '统一社会信用代码') => optionalize(creditCode(label));

export const mobile = (label = '手机') => checked(label, 'mobile', (raw) => validateMobile(raw, label));
export const optMobile = (label = '手机') => optionalize(mobile(label));
export const landline = (label = '固定电话') => checked(label, 'landline', (raw) => validateLandline(raw, label));
export const optLandline = (label = '固定电话') => optionalize(landline(label));
export const phone = (label = '联系电话') => checked(label, 'phone', (raw) => validatePhone(raw, label));
export const optPhone = (label = '联系电话') => optionalize(phone(label));

export const regionCode = (label: string, level: 'county' | 'township' | 'village') =>
  checked(label, 'regionCode', (raw) => validateRegionCode(raw, level, undefined, label));

/** ISO date; accepts every format domain.md lists (the API is forgiving, storage is ISO). */
export const date = (label: string) =>
  labelled(
    z.union([z.string(), z.number()], { error: typeError(label, '日期') }).transform((raw, ctx): string => {
      const r = parseDate(raw, label);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r.value;
    }),
    label,
    'date',
  );
export const optDate = (label: string) => optionalize(date(label));

/** Money in integer 分. The API never takes floats for money. */
export const money = (label: string) =>
  labelled(
    z
      .number({ error: typeError(label, '金额（以分为单位的整数）') })
      .int({ message: `${label}应为以分为单位的整数` })
      .min(0, { message: `${label}不能为负数` })
      .max(1e15, { message: `${label}超出范围` }),
    label,
    'money',
  );
export const optMoney = (label: string) => optionalize(money(label));

export const int = (label: string, min = 0, max = 1e9) =>
  labelled(
    z
      .number({ error: typeError(label, '整数') })
      .int({ message: `${label}应为整数` })
      .min(min, { message: `${label}不能小于${min}` })
      .max(max, { message: `${label}不能大于${max}` }),
    label,
    'int',
  );
export const optInt = (label: string, min = 0, max = 1e9) => optionalize(int(label, min, max));

export const decimal = (label: string, min = 0, max = 1e12) =>
  labelled(
    z
      .number({ error: typeError(label, '数字') })
      .min(min, { message: `${label}不能小于${min}` })
      .max(max, { message: `${label}不能大于${max}` }),
    label,
    'number',
  );
export const optDecimal = (label: string, min = 0, max = 1e12) => optionalize(decimal(label, min, max));

/** A reference to another record by its numeric id. */
export const ref = (label: string) =>
  labelled(
    z
      .number({ error: typeError(label, '有效的编号') })
      .int({ message: `${label}应为有效的编号` })
      .positive({ message: `${label}应为有效的编号` }),
    label,
    'ref',
  );
export const optRef = (label: string) => optionalize(ref(label));

export const bool = (label: string) => labelled(z.boolean({ error: typeError(label, '是或否') }), label, 'bool');
export const optBool = (label: string) => optionalize(bool(label));

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return labelled(z.enum(values, { error: () => `${label}应为以下之一：${values.join('、')}` }), label, 'enum');
}
export const optOneOf = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  optionalize(oneOf(label, values));

export function listOf<T extends z.ZodType>(label: string, item: T, min = 0) {
  return labelled(
    z.array(item, { error: typeError(label, '列表') }).min(min, { message: `${label}至少选择${min}项` }),
    label,
    'list',
  );
}

/** The record id every get/update/delete takes. */
export const idInput = z.object({ id: ref('记录编号') }).strict();

/** Every record returned by the API carries these. */
export const recordMeta = {
  id: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
