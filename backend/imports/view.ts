// The preview as the API returns it: the layout, counts, one page of rows and the error list.
import { columnLetter } from '../../core/imports/columns';
import { cellText } from '../../core/imports/cells';
import { displayFileName } from '../../core/imports/fileName';
import { IMPORT_KIND_LABELS } from '../../core/imports/kinds';
import type { ImportField } from '../../core/imports/types';
import type { CheckedRow } from './kinds/types';
import type { Layout, SheetSummary } from './layout';
import type { Checked, StagedImport } from './store';
import type { ImportHistoryRow } from '../../db/entities/imports';
import { MAX_LISTED_ERRORS } from './limits';
import { isSensitiveKey, maskBankCard, maskIdNumber } from '../masking';

export type Show = 'all' | 'valid' | 'errors' | 'new' | 'update' | 'unchanged';

export interface RowErrorView {
  row: number;
  column: string | null;
  header: string | null;
  field: string | null;
  message: string;
}

const shown: Record<Show, (r: CheckedRow) => boolean> = {
  all: () => true,
  valid: (r) => r.action !== 'error',
  errors: (r) => r.action === 'error',
  new: (r) => r.action === 'new',
  update: (r) => r.action === 'update',
  unchanged: (r) => r.action === 'unchanged',
};

/** Every error with the column it concerns (by letter and header text), in row order. */
export function rowErrors(layout: Layout, rows: CheckedRow[]): RowErrorView[] {
  const letterOf = new Map(
    Object.entries(layout.mapping)
      .filter(([, k]) => k !== null)
      .map(([letter, k]) => [k as string, letter]),
  );
  const headerOf = new Map(layout.header.columns.map((c) => [columnLetter(c.index), c.label]));
  return rows.flatMap((r) =>
    r.errors.map((e) => {
      const column = e.field ? (letterOf.get(e.field) ?? null) : null;
      return {
        row: r.row,
        column,
        header: column ? (headerOf.get(column) ?? null) : null,
        field: e.field,
        message: e.message,
      };
    }),
  );
}

/**
 * Dispatch masks sensitive values by their field names; a row's cells are a list, so the columns
 * mapped to 公民身份号码 or 银行卡号 are masked here, and so are such fields in `changes`.
 */
function masker(layout: Layout) {
  const sensitive = new Set(
    Object.entries(layout.mapping)
      .filter(([, k]) => k !== null && isSensitiveKey(k))
      .map(([letter]) => letter),
  );
  const mask = (key: string, v: unknown) =>
    typeof v !== 'string' || v === '' ? v : /bankAccount/i.test(key) ? maskBankCard(v) : maskIdNumber(v);
  return {
    cell: (letter: string, text: string) =>
      sensitive.has(letter) ? (mask(layout.mapping[letter]!, text) as string) : text,
    change: (c: CheckedRow['changes'][number]) =>
      isSensitiveKey(c.field) ? { ...c, from: mask(c.field, c.from), to: mask(c.field, c.to) } : c,
  };
}

export function countsOf(rows: CheckedRow[]) {
  const n = (a: CheckedRow['action']) => rows.filter((r) => r.action === a).length;
  const errors = n('error');
  return {
    rows: rows.length,
    valid: rows.length - errors,
    errors,
    new: n('new'),
    update: n('update'),
    unchanged: n('unchanged'),
  };
}

export function previewView(
  s: StagedImport,
  checked: Checked,
  fields: readonly ImportField[],
  sheets: SheetSummary[],
  previous: ImportHistoryRow[],
  q: { show: Show; page: number; pageSize: number },
) {
  const { layout, validated } = checked;
  const letterOfField = new Map(
    Object.entries(layout.mapping)
      .filter(([, k]) => k !== null)
      .map(([l, k]) => [k as string, l]),
  );
  const selected = validated.rows.filter(shown[q.show]);
  const page = selected.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const errors = rowErrors(layout, validated.rows);
  const errorsOfRow = new Map<number, RowErrorView[]>();
  for (const e of errors) errorsOfRow.set(e.row, [...(errorsOfRow.get(e.row) ?? []), e]);
  const mask = masker(layout);
  const dataRows = layout.data.rows;
  return {
    importId: s.id,
    kind: s.kind,
    kindLabel: IMPORT_KIND_LABELS[s.kind],
    fileName: displayFileName(s.fileName),
    fileHash: s.fileHash,
    format: s.format,
    encoding: s.encoding,
    sheets,
    sheet: layout.sheet.name,
    header: { first: layout.header.first + 1, last: layout.header.last + 1 },
    dataRows: {
      count: dataRows.length,
      first: dataRows.length ? dataRows[0] + 1 : null,
      last: dataRows.length ? dataRows[dataRows.length - 1] + 1 : null,
      skipped: layout.data.skipped,
      endedAt: layout.data.endedAt === null ? null : layout.data.endedAt + 1,
      hidden: layout.hiddenRows.map((r) => r + 1),
      hiddenIncluded: layout.hiddenIncluded,
    },
    columns: layout.header.columns.map((c) => {
      const letter = columnLetter(c.index);
      const field = layout.mapping[letter] ?? null;
      const isMoney = fields.find((f) => f.key === field)?.type === 'money';
      return { letter, header: c.label, field, unit: isMoney ? (layout.units.get(letter) ?? '元') : null };
    }),
    fields: fields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: !!f.required,
      hint: f.hint ?? null,
      column: letterOfField.get(f.key) ?? null,
    })),
    mappingSource: layout.mappingSource,
    problems: validated.problems,
    counts: countsOf(validated.rows),
    rows: page.map((r) => ({
      row: r.row,
      action: r.action,
      cells: layout.header.columns.map((c) =>
        mask.cell(columnLetter(c.index), cellText(layout.sheet.rows[r.row - 1]?.[c.index] ?? null)),
      ),
      values: r.values,
      changes: r.changes.map(mask.change),
      errors: errorsOfRow.get(r.row) ?? [],
    })),
    total: selected.length,
    page: q.page,
    pageSize: q.pageSize,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    errorCount: errors.length,
    previousImports: previous,
  };
}
