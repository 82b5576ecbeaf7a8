// The progress table's figures by 污染源类型 (core/fieldwork.ts): the same table progress.get
// shows (a county, township or summed table), its rows grouped, so the subtotals add up to 合计.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { sourceSubtotals } from '../../../core/fieldwork';
import { ENTERED_COLUMNS, type FigureRow, type Figures } from '../../../core/progressRules';
import type { HandlerCtx } from '../../context';
import { loadCategories } from '../workplan/progressTable';
import { getProgress } from '../workplan/progress';

export function progressBySource(
  ctx: HandlerCtx,
  input: ParsedInputOf<'fieldwork.sourceSubtotals'>,
): OutputOf<'fieldwork.sourceSubtotals'> {
  const table = getProgress(ctx, input);
  const rows: FigureRow[] = table.rows
    .filter((r) => !r.computed)
    .map((r) => ({
      rowCode: r.rowCode,
      figures: Object.fromEntries(ENTERED_COLUMNS.map((c) => [c, r[c]])) as Figures,
      note: r.note,
    }));
  const total = table.rows.find((r) => r.computed);
  const pick = (r: Record<string, unknown> | undefined) =>
    Object.fromEntries(
      [...ENTERED_COLUMNS, 'c9', 'c12'].map((c) => [c, (r?.[c] as number | null | undefined) ?? null]),
    ) as Record<string, number | null>;
  return {
    period: table.period,
    townshipId: table.townshipId,
    rows: sourceSubtotals(loadCategories(ctx.db), rows).map((s) => ({ ...s, figures: pick(s.figures) })),
    total: pick(total),
  };
}
