// The office's coverage settings (coverage_settings, one row; none saved: COVERAGE_DEFAULTS).
import type { Database } from 'better-sqlite3';
import { COVERAGE_DEFAULTS, type CoverageSettings } from '../../../core/schemas/coverage';
import type { HandlerCtx } from '../../context';

export function readCoverageSettings(db: Database): CoverageSettings {
  const row = db
    .prepare(
      `SELECT district_code_length AS districtCodeLength, max_listing_per_enumerator AS maxListingPerEnumerator,
        max_districts_per_enumerator AS maxDistrictsPerEnumerator,
        max_enumerators_per_supervisor AS maxEnumeratorsPerSupervisor
      FROM coverage_settings WHERE id = 1`,
    )
    .get() as CoverageSettings | undefined;
  return row ?? { ...COVERAGE_DEFAULTS };
}

export const getCoverageSettings = (ctx: HandlerCtx): CoverageSettings => readCoverageSettings(ctx.db);

export function saveCoverageSettings(ctx: HandlerCtx, input: CoverageSettings): CoverageSettings {
  const before = readCoverageSettings(ctx.db);
  ctx.db
    .prepare(
      `INSERT INTO coverage_settings (id, district_code_length, max_listing_per_enumerator, max_districts_per_enumerator,
        max_enumerators_per_supervisor, updated_at)
      VALUES (1, @districtCodeLength, @maxListingPerEnumerator, @maxDistrictsPerEnumerator, @maxEnumeratorsPerSupervisor, @at)
      ON CONFLICT (id) DO UPDATE SET district_code_length = excluded.district_code_length,
        max_listing_per_enumerator = excluded.max_listing_per_enumerator,
        max_districts_per_enumerator = excluded.max_districts_per_enumerator,
        max_enumerators_per_supervisor = excluded.max_enumerators_per_supervisor, updated_at = excluded.updated_at`,
    )
    .run({ ...input, at: ctx.now().toISOString() });
  const after = readCoverageSettings(ctx.db);
  ctx.audit('update', 'coverageSettings', 1, before, after);
  return after;
}
