// Which verifier reads a file of which level, in which office, and how a filed one becomes the
// UnitSummary its consolidation reads. A city office takes in counties' R2s (level 县), verified as
// 核对 verifies them; a province office takes in cities' consolidated reports (level 市).
//
// SEAM (issue #16): a level-市 file is verified by backend/reports/city/verifyConsolidated.ts and
// summarised by summaryOfConsolidated (core/reports/city), both helper A's. Until they land a
// province office refuses city files as WRONG_LEVEL with CITY_FILES_PENDING's words; wiring them
// in is `CONSOLIDATED` below and the '市' case of summaryOf.
import type { Database } from 'better-sqlite3';
import type { MonthlyFigures } from '../../../core/reports/monthly';
import type { Identity } from '../../../core/reports/verify/identity';
import type { Finding } from '../../../core/reports/verify/types';
import { summaryOfCounty, type UnitSummary } from '../../../core/reports/city/summary';
import type { ParsedWorkbook } from '../../reports/verify/parse';
import { verifyParsed } from '../../reports/verify/verify';

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

/** helper A's verifyConsolidated, once it lands (null until then). */
const CONSOLIDATED: Verifier | null = null;

export const CITY_FILES_PENDING = '本版本尚不能核对市级汇总表，暂不能收取';

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
  throw new Error(CITY_FILES_PENDING);
}
