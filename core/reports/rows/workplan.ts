// The monthly report's 工作进度 and 进度调度表 rows, from milestone.list and progress.get.
import type { z } from 'zod';
import type { milestoneRecord, progressTableOutput } from '../../schemas/workplan';
import { ENTERED_COLUMNS, RATE_COLUMNS } from '../../progressRules';
import type { FigureRow } from '../figures';

export type Milestone = z.output<typeof milestoneRecord>;
export type ProgressTable = z.output<typeof progressTableOutput>;

export function milestoneRow(m: Milestone): FigureRow {
  return {
    kind: 'item',
    values: {
      seq: m.seq,
      point: m.pointTitle,
      title: m.title,
      deadline: m.deadline ?? null,
      status: m.effectiveStatus,
      completedDate: m.completedDate ?? null,
      progressNote: m.progressNote ?? null,
    },
  };
}

/** Every category row of the table; the computed 合计 (01) is the total row, placed by the caller. */
export function progressRows(table: ProgressTable): FigureRow[] {
  return table.rows.map((r) => {
    const values: FigureRow['values'] = { name: r.displayName, rowCode: r.rowCode };
    for (const c of [...ENTERED_COLUMNS, ...RATE_COLUMNS]) values[c] = r[c] ?? null;
    values.note = r.note ?? null;
    return { kind: r.computed ? 'total' : 'item', values };
  });
}
