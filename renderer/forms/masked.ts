// Sensitive numbers (公民身份号码, 银行卡号) may reach the screen masked (`5113**********123X`).
// A masked value the clerk leaves alone is neither checked nor sent; retyped in full, it is both.
import type { z } from 'zod';

export const isMasked = (v: unknown): v is string => typeof v === 'string' && v.includes('*');

export const MASKED_HINT = '已隐藏部分数字；不修改则保持原号码，如需更正请输入完整号码';

/** The record's fields that arrived masked. */
export const maskedKeys = (record: Record<string, unknown> | null | undefined, names: string[]) =>
  record ? names.filter((n) => isMasked(record[n])) : [];

/** The schema with those fields optional, so leaving them untouched is valid. */
export function withOptional(schema: z.ZodObject, keys: string[]): z.ZodObject {
  if (keys.length === 0) return schema;
  return schema.partial(Object.fromEntries(keys.map((k) => [k, true])) as Record<string, true>);
}
