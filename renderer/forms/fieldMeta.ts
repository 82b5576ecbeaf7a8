// A form field's label and kind come from the same zod schema the backend validates with, so
// the form says "公民身份号码" exactly where the API message does.
import type { z } from 'zod';
import { metaOf } from '../../core/schemas/fields';

export interface FieldInfo {
  label: string;
  kind: string;
  /** May be left empty (no red star). */
  optional: boolean;
  /** Empty is a value of its own (是 / 否 / not known), as opposed to a default. */
  nullable: boolean;
}

export function fieldInfo(schema: z.ZodObject, name: string): FieldInfo {
  const field = (schema.shape as Record<string, z.ZodType>)[name];
  if (!field) throw new Error(`表单字段 ${name} 不在接口定义中`);
  const meta = metaOf(field);
  const nullable = meta?.optional === true;
  return {
    label: meta?.title ?? name,
    kind: meta?.kind ?? 'text',
    optional: nullable || field.def.type === 'default',
    nullable,
  };
}
