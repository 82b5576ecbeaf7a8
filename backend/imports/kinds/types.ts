// What each import kind supplies: how a mapped row is checked against the entity's rules and the
// database, and the steps that write the checked rows (run for real by import.commit, and rolled
// back by the preview's dry run).
import type { Database } from 'better-sqlite3';
import type { Cell, ImportField } from '../../../core/imports/types';
import type { ImportKind } from '../../../core/imports/kinds';
import type { HandlerCtx } from '../../context';

export type RowAction = 'new' | 'update' | 'unchanged' | 'error';

/** A fault of one row; `field` is an import field key, null for the row as a whole. */
export interface RowIssue {
  field: string | null;
  message: string;
}

export interface Change {
  field: string;
  label: string;
  from: unknown;
  to: unknown;
}

/** One data row after its cells were converted (see core/imports/cells.ts). */
export interface MappedRow {
  /** The sheet's own row number (1-based). */
  row: number;
  cells: Cell[];
  /** Converted values of the mapped, non-empty cells that converted cleanly. */
  input: Record<string, unknown>;
  /** Fields whose cell could not be converted (their error is already recorded). */
  failed: Set<string>;
  /** Fields mapped to a column (empty or not). */
  mapped: Set<string>;
}

export interface CheckedRow {
  row: number;
  action: RowAction;
  errors: RowIssue[];
  /** What will be stored, normalised, for the preview. */
  values: Record<string, unknown> | null;
  changes: Change[];
  /** The kind's own plan for writing this row. */
  plan?: unknown;
  /** What the clerk should know but does not stop the row (a 15-digit ID, a landline moved to 固定电话). */
  warnings?: RowIssue[];
}

export interface ImportEnv {
  db: Database;
  now: Date;
  /** The session for attendance imports. */
  trainingId: number | null;
  /**
   * Whether the caller may reveal full numbers (mayReveal): only then may a row's 公民身份号码 name
   * the stored person it belongs to (set by validate.ts for the preview and the commit alike).
   */
  reveal?: boolean;
}

/** A unit of writing: one service call, or one bulk insert standing for several rows. */
export interface Step {
  rows: number[];
  /** handler steps go through the area's own services; bulk steps are the repository insert. */
  via: 'handler' | 'bulk';
  run: (ctx: HandlerCtx) => { created: number; updated: number };
  /** Maps a failure's issue path (a schema key) to the import field it concerns. */
  fieldOf?: (path: string) => string | null;
}

export interface KindRun {
  check: (row: MappedRow) => CheckedRow;
  /**
   * Checks across rows once every row was checked (groups, references between rows). A long one
   * returns an iterator that does the work a chunk per step: the preview yields between steps.
   */
  finish?: (rows: CheckedRow[]) => void | Iterator<unknown>;
  /** The writes for the rows without errors, in order. */
  steps: (rows: CheckedRow[], onExisting: 'update' | 'skip') => Step[];
}

export interface KindImporter {
  kind: ImportKind;
  fields: readonly ImportField[];
  /** Faults of the whole import found before any row (a missing office profile…). */
  problems?: (env: ImportEnv, mapped: Set<string>) => string[];
  begin: (env: ImportEnv) => KindRun;
}
