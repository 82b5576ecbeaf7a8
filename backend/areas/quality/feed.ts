// The progress table's columns 13–14 (质量核查抽查数, 发现差错数) from the quality records: per period
// the clerk chooses whether they are typed ('填报') or summed from the records ('质量核查'). Summed,
// they are cumulative like every column of the table: each row counts the records of its 普查对象
// 类别 whose period ends by the table's period end (a 其中 row's records count in its parent row
// too); a township's table counts that township's records, the county's table every record. Computed at read (progressTable.ts calls
// `withQualityFigures`), so the table, R2 and its digest follow every record at once.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { percent } from '../../../core/money';
import { emptyFigures, type FigureRow } from '../../../core/progressRules';
import { periodRange } from '../../../core/reports/period';
import type { QualitySource, qualityFeedInput, qualitySourceInput } from '../../../core/schemas/quality';
import type { HandlerCtx } from '../../context';
import { errorRateThreshold } from './settings';

export function qualitySource(db: Database, period: string): QualitySource {
  const row = db.prepare('SELECT source FROM quality_period_sources WHERE period = ?').get(period) as
    { source: QualitySource } | undefined;
  return row?.source ?? '填报';
}

interface Sums {
  rowCode: string;
  sampled: number;
  errors: number;
  corrected: number;
  records: number;
}

/** Cumulative sums per row up to the period's end, for the county (null) or one township. */
export function qualitySums(db: Database, period: string, townshipId: number | null): Sums[] {
  const end = periodRange(period).to;
  const rows = db
    .prepare(
      `SELECT row_code, sum(sampled_count) AS sampled, sum(error_count) AS errors, sum(corrected_count) AS corrected, count(*) AS records
       FROM quality_checks_view WHERE period_end <= ? AND (? IS NULL OR township_id = ?)
       GROUP BY row_code ORDER BY row_code`,
    )
    .all(end, townshipId, townshipId) as {
    row_code: string;
    sampled: number;
    errors: number;
    corrected: number;
    records: number;
  }[];
  const sums = new Map<string, Sums>(
    rows.map((r) => [
      r.row_code,
      { rowCode: r.row_code, sampled: r.sampled, errors: r.errors, corrected: r.corrected, records: r.records },
    ]),
  );
  // A 其中 row is part of its parent (05–08 of 04): a check of a 污水处理厂 is a check of a 集中式设施.
  const parents = db
    .prepare('SELECT row_code, parent_code FROM progress_categories WHERE parent_code IS NOT NULL')
    .all() as {
    row_code: string;
    parent_code: string;
  }[];
  for (const { row_code, parent_code } of parents) {
    const part = rows.find((r) => r.row_code === row_code);
    if (!part) continue;
    const parent = sums.get(parent_code) ?? { rowCode: parent_code, sampled: 0, errors: 0, corrected: 0, records: 0 };
    parent.sampled += part.sampled;
    parent.errors += part.errors;
    parent.corrected += part.corrected;
    parent.records += part.records;
    sums.set(parent_code, parent);
  }
  return [...sums.values()].sort((a, b) => a.rowCode.localeCompare(b.rowCode));
}

/**
 * A table's rows with columns 13–14 replaced by the records' sums when the period takes them from
 * the quality records; rows without records get empty 13–14. Other columns and notes stay.
 */
export function withQualityFigures(
  db: Database,
  period: string,
  townshipId: number | null,
  rows: FigureRow[],
): FigureRow[] {
  if (qualitySource(db, period) !== '质量核查') return rows;
  const sums = new Map(qualitySums(db, period, townshipId).map((s) => [s.rowCode, s]));
  const out = rows.map((r) => {
    const s = sums.get(r.rowCode);
    return { ...r, figures: { ...r.figures, c13: s?.sampled ?? null, c14: s?.errors ?? null } };
  });
  for (const s of sums.values()) {
    if (rows.some((r) => r.rowCode === s.rowCode)) continue;
    out.push({ rowCode: s.rowCode, figures: { ...emptyFigures(), c13: s.sampled, c14: s.errors }, note: null });
  }
  return out;
}

export function qualityFeed(ctx: HandlerCtx, input: z.output<typeof qualityFeedInput>) {
  const rows = qualitySums(ctx.db, input.period, input.townshipId);
  // Every record once (the rows count a 其中 row's records in its parent too).
  const all = ctx.db
    .prepare(
      `SELECT coalesce(sum(sampled_count), 0) AS sampled, coalesce(sum(error_count), 0) AS errors,
         coalesce(sum(corrected_count), 0) AS corrected
       FROM quality_checks_view WHERE period_end <= ? AND (? IS NULL OR township_id = ?)`,
    )
    .get(periodRange(input.period).to, input.townshipId, input.townshipId) as {
    sampled: number;
    errors: number;
    corrected: number;
  };
  const { sampled, errors } = all;
  return {
    period: input.period,
    townshipId: input.townshipId,
    source: qualitySource(ctx.db, input.period),
    rows,
    sampled,
    errors,
    corrected: all.corrected,
    errorRate: percent(errors, sampled, 1),
    threshold: errorRateThreshold(ctx),
  };
}

export function setQualitySource(ctx: HandlerCtx, input: z.output<typeof qualitySourceInput>) {
  const before = { period: input.period, source: qualitySource(ctx.db, input.period) };
  ctx.db
    .prepare(
      `INSERT INTO quality_period_sources (period, source, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (period) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at`,
    )
    .run(input.period, input.source, ctx.now().toISOString());
  ctx.audit('setSource', 'qualityPeriodSource', null, before, { period: input.period, source: input.source });
  return qualityFeed(ctx, { period: input.period, townshipId: null });
}

interface Parts {
  scope: { period: string; townshipId: number | null };
  rows: FigureRow[];
  previous: { period: string; rows: FigureRow[] } | null;
}

/** A progress table's parts (this period and the one it is compared with) with 13–14 as each period takes them. */
export function withQualityParts<P extends Parts>(db: Database, p: P): P {
  const { period, townshipId } = p.scope;
  return {
    ...p,
    rows: withQualityFigures(db, period, townshipId, p.rows),
    previous: p.previous && {
      ...p.previous,
      rows: withQualityFigures(db, p.previous.period, townshipId, p.previous.rows),
    },
  };
}
