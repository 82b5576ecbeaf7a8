import type { z } from 'zod';
import type { RefSourceKey } from './refSources';
import type { Values } from './useSchemaForm';

export type Option = string | { value: string | boolean | number; label: string };

/** How one schema field appears in a form; label and kind come from the schema. */
export interface FieldSpec {
  name: string;
  /** Overrides the schema's label (rarely: a shorter one in a grid). */
  label?: string;
  /** Overrides the widget the schema's kind suggests. */
  widget?: 'textarea' | 'password' | 'radio' | 'yesno';
  options?: readonly Option[];
  ref?: RefSourceKey;
  /** Narrows a picker, e.g. villages of the chosen township. */
  refFilters?: (values: Values) => Record<string, unknown> | undefined;
  /** Of 24 columns; 12 by default. */
  span?: number;
  placeholder?: string;
  help?: string;
  /** A warning shown live under the field (not an error: the form still saves), e.g. a 15-digit ID. */
  warn?: (values: Values) => string | null;
  /** Shown only when this holds, e.g. 离岗日期 once the status is 离岗. */
  visible?: (values: Values) => boolean;
  disabled?: boolean;
  /** Sent and validated but not shown: the record a child belongs to (a node's contract). */
  hidden?: boolean;
}

export interface SectionSpec {
  section: string;
}

export type FormItemSpec = FieldSpec | SectionSpec;

export interface FormSpec {
  schema: z.ZodObject;
  items: FormItemSpec[];
  /** What an edit form starts from, when a stored value reads differently in the form (a 0 meaning 未填). */
  fromRecord?: (values: Values) => Values;
}

export const isField = (i: FormItemSpec): i is FieldSpec => 'name' in i;
export const fieldNames = (spec: FormSpec) => spec.items.filter(isField).map((f) => f.name);
