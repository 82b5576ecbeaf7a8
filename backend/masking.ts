// Sensitive fields (公民身份号码, 银行卡号/银行账号) leave the backend masked, for every role: dispatch
// masks every answer by the fields' names, wherever they sit (lists, records, nested pay-run
// lines, the audit log's before/after), so a new method cannot forget it. Showing one in full is
// sensitive.reveal, which is audited. 手机 stays readable on screen (the office phones people);
// printed lists mask it with maskPhone.
import type { z } from 'zod';
import { maskIdNumber } from '../core/validate/idNumber';
import { UserError } from '../db/errors';
import { fieldLabel } from './fieldLabel';

export { maskIdNumber };
export { maskPhone } from '../core/validate/phone';

/** `6222********7890`: first 4 and last 4 kept, same length. Short values are fully starred. */
export function maskBankCard(account: string): string {
  if (account.length <= 8) return '*'.repeat(account.length);
  return account.slice(0, 4) + '*'.repeat(account.length - 8) + account.slice(-4);
}

const ID_KEY = /^(idNumber|.+IdNumber)$/;
const BANK_KEY = /^(bankAccount|.+BankAccount)$/;

export const isSensitiveKey = (key: string) => ID_KEY.test(key) || BANK_KEY.test(key);

const BIRTH_KEY = /^(birthDate|.+BirthDate)$/;

/**
 * `1985-**-**`: the year of a birth date only. Beside a masked 公民身份号码 a full birth date leaves
 * a handful of candidates for the hidden digits (the check digit does the rest), so callers who may
 * not reveal get the year (ages stay readable) and never the month and day.
 */
export function maskBirthDate(date: string): string {
  return /^\d{4}-/.test(date) ? `${date.slice(0, 4)}-**-**` : date.replace(/\d/g, '*');
}

function maskValue(key: string, value: string): string {
  if (value.includes('*')) return value;
  return ID_KEY.test(key) ? maskIdNumber(value) : maskBankCard(value);
}

export interface MaskOptions {
  /** Birth dates too (callers who may not reveal): see maskBirthDate. */
  birthDates?: boolean;
}

/** A copy of `data` with every sensitive field masked; everything else is returned as it is. */
export function maskSensitive(data: unknown, opts: MaskOptions = {}): unknown {
  if (Array.isArray(data)) return data.map((d) => maskSensitive(d, opts));
  if (data === null || typeof data !== 'object') return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && isSensitiveKey(key)) out[key] = maskValue(key, value);
    else if (typeof value === 'string' && opts.birthDates && BIRTH_KEY.test(key)) out[key] = maskBirthDate(value);
    else out[key] = maskSensitive(value, opts);
  }
  return out;
}

/**
 * A form loaded from the API carries masked values. On an update (the input names a record `id`)
 * a masked value means "unchanged" and is dropped; anywhere else it cannot be saved, and the clerk
 * is told to type the full number. Returns the input to validate.
 */
export function dropMaskedInput(schema: z.ZodType, input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  const masked = Object.keys(record).filter(
    (k) => isSensitiveKey(k) && typeof record[k] === 'string' && (record[k] as string).includes('*'),
  );
  if (!masked.length) return input;
  if (typeof record.id === 'number') {
    const kept = { ...record };
    for (const k of masked) delete kept[k];
    return kept;
  }
  const issues = masked.map((k) => {
    const label = fieldLabel(schema, [k]) ?? k;
    return { path: k, message: `${label}是隐藏了部分数字的显示值，不能保存，请输入完整号码` };
  });
  throw new UserError('MASKED_VALUE', issues.map((i) => i.message).join('；'), issues);
}
