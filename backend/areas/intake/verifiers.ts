// Which verifier reads a file of which level, in which office, and how a filed one becomes the
// UnitSummary its consolidation reads. A city office takes in counties' R2s (level 县), verified as
// 核对 verifies them (verifyParsed); a province office takes in cities' consolidated reports (level
// 市), verified by verifyConsolidated (digest, 合计 and block totals, rates, titles) and summarised
// by summaryOfConsolidated, so a province consolidates cities as a city consolidates counties.
import type { Database } from 'better-sqlite3';
import type { MonthlyFigures } from '../../../core/reports/monthly';
import type { Identity } from '../../../core/reports/verify/identity';
import type { Finding } from '../../../core/reports/verify/types';
import { summaryOfCounty, type UnitSummary } from '../../../core/reports/city/summary';
import { summaryOfConsolidated } from '../../../core/reports/city/read';
import type { CityFigures } from '../../../core/reports/city/consolidate';
import type { ParsedWorkbook } from '../../reports/verify/parse';
import { verifyParsed } from '../../reports/verify/verify';
import { verifyConsolidated } from '../../reports/city/verifyConsolidated';

/** The level of the files an office takes in. */
export type FileLevel = '县' | '市';

export interface Verified {
  identity: Identity;
  digest: 'match' | 'mismatch' | 'absent';
  findings: Finding[];
  figures: MonthlyFigures;
}

export interface Verifier {
  as: FileLevel;
  run(db: Database, parsed: ParsedWorkbook): Verified;
}

const COUNTY: Verifier = { as: '县', run: verifyParsed };

const CONSOLIDATED: Verifier = { as: '市', run: verifyConsolidated };

/** What files of each office level take in. */
export const TAKES: Record<string, FileLevel | null> = { 县: null, 市: '县', 省: '市' };

/**
 * The verifier for a file of `fileLevel` ('' when the file has no meta: read by its titles as a
 * county's) in an office of `officeLevel`; null when this office does not take such files in.
 */
export function verifierFor(officeLevel: string, fileLevel: string): Verifier | null {
  const takes = TAKES[officeLevel] ?? null;
  const level = fileLevel || '县';
  if (takes !== level) return null;
  return level === '县' ? COUNTY : CONSOLIDATED;
}

/** The summary a consolidation reads from a filed report. */
export function summaryOf(
  as: FileLevel,
  figures: MonthlyFigures,
  unit: { code: string; name: string; version: number | null },
): UnitSummary {
  if (as === '县') return summaryOfCounty(figures, unit);
  // verifyConsolidated reads a consolidated report's own sheets (its figures are CityFigures).
  return summaryOfConsolidated(figures as unknown as CityFigures, { ...unit, level: '市' });
}
