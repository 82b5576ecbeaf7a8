// The import API's inputs and outputs (issue #5). A file goes up as base64 with its name, is
// parsed and checked into a staged preview, and is committed in one transaction when the clerk
// accepts what the preview shows.
import { z } from 'zod';
import { text, optRef, oneOf, optOneOf, bool, int, optInt } from './fields';
import { IMPORT_KINDS } from '../imports/kinds';
import { fileField } from './files';

export const ON_EXISTING = ['update', 'skip'] as const;
export const ROW_ACTIONS = ['new', 'update', 'unchanged', 'error'] as const;
export const PREVIEW_FILTERS = ['all', 'valid', 'errors', 'new', 'update', 'unchanged'] as const;
export const IMPORT_PHASES = ['parsing', 'validating', 'ready', 'failed', 'cancelled'] as const;
export const FILE_FORMATS = ['xlsx', 'xls', 'ods', 'csv', 'html'] as const;

const importKind = oneOf('导入类型', IMPORT_KINDS);
const importId = text('导入编号', { max: 64 });
const byId = z.object({ importId }).strict();

export const importUpload = z
  .object({
    kind: importKind,
    fileName: text('文件名', { max: 255 }),
    /** The file's bytes in base64; the size limit is checked before anything is parsed. */
    contentBase64: fileField(
      z.string({ error: () => '文件内容不能为空' }).meta({ title: '文件内容（base64）', kind: 'text' }),
    ),
    /** 培训签到与考核: the session the sheet belongs to. */
    trainingId: optRef('培训班'),
  })
  .strict();

const importRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  fileHash: z.string(),
  fileSize: z.number().int(),
  sheet: z.string(),
  onExisting: z.enum(ON_EXISTING),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  total: z.number().int(),
  operatorName: z.string(),
});
export { importRecord };

export const importUploadResult = z.object({
  importId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  /** SHA-256 of the bytes: the same file imported again is recognised by it. */
  fileHash: z.string(),
  size: z.number().int(),
  format: z.enum(FILE_FORMATS),
  /** CSV only: how the text was decoded (UTF-8, UTF-8 带BOM, GB18030, UTF-16LE). */
  encoding: z.string().nullable(),
  /** Earlier imports of a file with the same hash: warn before committing it again. */
  previousImports: z.array(importRecord),
});

export const importPreviewInput = z
  .object({
    importId,
    /** Worksheet name; the first sheet with a recognisable header when left out. */
    sheet: text('工作表', { max: 100 }).optional(),
    /** 1-based rows of the header, when the detected ones are wrong. */
    headerRows: z
      .object({ first: int('表头首行', 1, 1_048_576), last: int('表头末行', 1, 1_048_576) })
      .strict()
      .optional(),
    /** Column letter → field key (null: leave the column out). Replaces the guess entirely. */
    mapping: z
      .record(z.string().regex(/^[A-Z]{1,3}$/, { message: '列应为 A、B…AA 这样的列号' }), z.string().nullable())
      .optional(),
    show: optOneOf('显示范围', PREVIEW_FILTERS),
    page: optInt('页码', 1),
    pageSize: optInt('每页行数', 1, 1000),
    /** Import the rows hidden in Excel too (by default they are listed in `dataRows.hidden` and left out). */
    includeHiddenRows: z.boolean().optional(),
  })
  .strict();

const rowError = z.object({
  /** The sheet's own row number. */
  row: z.number().int(),
  /** Column letter, or null for a fault of the whole row. */
  column: z.string().nullable(),
  header: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});

const change = z.object({ field: z.string(), label: z.string(), from: z.unknown(), to: z.unknown() });

export const previewRow = z.object({
  row: z.number().int(),
  action: z.enum(ROW_ACTIONS),
  /** The row's cells as text, in the order of `columns`. */
  cells: z.array(z.string()),
  /** What will be stored (normalised), for rows without errors. */
  values: z.record(z.string(), z.unknown()).nullable(),
  /** For `update`: the fields that differ from the stored record. */
  changes: z.array(change),
  errors: z.array(rowError),
  /** What the clerk should know that does not stop the row (a 15-digit ID, a landline stored as 固定电话). */
  warnings: z.array(rowError),
});

/** A worksheet of the file: its name, its last row, and whether a header of the kind was found on it. */
const sheetSummary = z.object({
  name: z.string(),
  rowCount: z.number().int(),
  hasHeader: z.boolean(),
  /** Hidden in Excel (shown as 隐藏): never taken unless chosen by name. */
  hidden: z.boolean(),
  /** Hidden so that only Excel's VBA editor shows it. */
  veryHidden: z.boolean(),
});

/** The file's sheets, also when no preview can be made (no header found): the clerk chooses from them. */
export const importSheets = z.object({ importId: z.string(), sheets: z.array(sheetSummary) });

export const importPreview = z.object({
  importId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  kindLabel: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  format: z.enum(FILE_FORMATS),
  encoding: z.string().nullable(),
  sheets: z.array(sheetSummary),
  sheet: z.string(),
  /** 1-based rows of the header. */
  header: z.object({ first: z.number().int(), last: z.number().int() }),
  dataRows: z.object({
    count: z.number().int(),
    first: z.number().int().nullable(),
    last: z.number().int().nullable(),
    /** Blank, 合计 and 栏次 rows passed over. */
    skipped: z.number().int(),
    /** The signature line that ended the table. */
    endedAt: z.number().int().nullable(),
    /** Data rows hidden in Excel (by hand or an autofilter), 1-based; left out unless `hiddenIncluded`. */
    hidden: z.array(z.number().int()),
    hiddenIncluded: z.boolean(),
  }),
  columns: z.array(
    z.object({ letter: z.string(), header: z.string(), field: z.string().nullable(), unit: z.string().nullable() }),
  ),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.string(),
      required: z.boolean(),
      hint: z.string().nullable(),
      column: z.string().nullable(),
    }),
  ),
  mappingSource: z.enum(['guess', 'remembered', 'given']),
  /** Faults of the whole import (a required column not mapped…): nothing can be committed until fixed. */
  problems: z.array(z.string()),
  counts: z.object({
    rows: z.number().int(),
    valid: z.number().int(),
    errors: z.number().int(),
    new: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
  }),
  /** One page of rows, filtered by `show`. */
  rows: z.array(previewRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Every error, in row order (at most 1000 here; import.errors gives them all as a workbook). */
  errors: z.array(rowError),
  errorCount: z.number().int(),
  /** Every warning, in row order (at most 1000 here). */
  warnings: z.array(rowError),
  warningCount: z.number().int(),
  previousImports: z.array(importRecord),
});

export const importProgress = z.object({
  importId: z.string(),
  phase: z.enum(IMPORT_PHASES),
  /** Rows checked so far, of `total` (0 of 0 while the file is being read). */
  done: z.number().int(),
  total: z.number().int(),
  message: z.string().nullable(),
});

export const importIdInput = byId;

export const importErrorsResult = z.object({
  fileName: z.string(),
  contentBase64: fileField(z.string()),
  rowCount: z.number().int(),
});

export const importCommitInput = z
  .object({
    importId,
    /** What to do with rows that match a stored record and differ from it. */
    onExisting: oneOf('已有记录的处理方式', ON_EXISTING),
    /** Go ahead although a file with the same hash was imported before. */
    acceptDuplicateFile: bool('确认重复导入').default(false),
  })
  .strict();

export const importCommitResult = z.object({
  historyId: z.number().int(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  fileHash: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  total: z.number().int(),
});

export const importHistoryInput = z
  .object({
    kind: optOneOf('导入类型', IMPORT_KINDS),
    page: int('页码', 1).default(1),
    pageSize: int('每页行数', 1, 1000).default(50),
  })
  .strict();

export const importKindsResult = z.array(
  z.object({
    kind: z.enum(IMPORT_KINDS),
    label: z.string(),
    needsTraining: z.boolean(),
    fields: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        type: z.string(),
        required: z.boolean(),
        synonyms: z.array(z.string()),
        hint: z.string().nullable(),
      }),
    ),
  }),
);
