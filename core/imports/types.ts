// The shapes the importer works with, shared by core (pure), the backend and the API contract.

/** What one spreadsheet cell holds after parsing: SheetJS raw values, never JS Dates. */
export type Cell = string | number | boolean | null;

/** How a cell becomes an API value (see ./cells.ts). */
export type FieldType =
  | 'text' // trimmed text; numbers written out in full
  | 'code' // codes and IDs: a numeric cell with more than 15 digits has lost digits in Excel
  | 'date' // every format of domain.md, Excel serials passed through as numbers
  | 'money' // 元 (or 万元 when the header says so) → integer 分
  | 'number'
  | 'int'
  | 'enum' // one value of a list, with the aliases clerks write
  | 'list' // several enum values in one cell: `普查员、普查指导员`
  | 'bool' // 是/否, √/×, 合格/不合格…
  | 'ref'; // a name or code the backend resolves to a record id

/** One column the importer can fill, as the mapping step shows it. */
export interface ImportField {
  /** The create schema's key, or a reference key the backend resolves (`township`, `agency`…). */
  key: string;
  /** Chinese name shown in the mapping step and in messages. */
  label: string;
  type: FieldType;
  /** Header texts (normalised, see headerText.ts) that mean this field; the first is canonical. */
  synonyms: readonly string[];
  /** The import cannot go ahead without this column. */
  required?: boolean;
  /** enum/list: the allowed values (the stored Chinese labels). */
  values?: readonly string[];
  /** enum/list: what clerks write → the stored value. */
  aliases?: Readonly<Record<string, string>>;
  /** A short hint for the mapping step (`按名称或代码匹配`). */
  hint?: string;
}

/** A target of one import, e.g. the roster. */
export interface ImportKindDef {
  kind: string;
  label: string;
  fields: readonly ImportField[];
}

/** Column letter (A, B, …, AA) → field key, or null to leave the column out. */
export type ColumnMapping = Record<string, string | null>;
