// Warnings of the preview: facts about a row the clerk should see that do not stop it (a 15-digit
// legacy ID, a landline under 联系电话 stored as 固定电话). Listed like the errors — row, column,
// header, message — on each row and in one list for the whole file.
import type { CheckedRow } from './kinds/types';
import type { Layout } from './layout';
import { rowErrors, type previewView } from './view';

/** As many as the error list shows at most; `warningCount` has the total. */
const MAX_LISTED = 1000;

export function withWarnings(view: ReturnType<typeof previewView>, layout: Layout, rows: CheckedRow[]) {
  const warned = rows.filter((r) => r.warnings?.length).map((r) => ({ ...r, errors: r.warnings! }));
  const all = rowErrors(layout, warned);
  const ofRow = new Map<number, typeof all>();
  for (const w of all) ofRow.set(w.row, [...(ofRow.get(w.row) ?? []), w]);
  return {
    ...view,
    rows: view.rows.map((r) => ({ ...r, warnings: ofRow.get(r.row) ?? [] })),
    warnings: all.slice(0, MAX_LISTED),
    warningCount: all.length,
  };
}
