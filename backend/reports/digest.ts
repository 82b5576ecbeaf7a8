// The digest a monthly report (R2) carries in its meta (submission.md §2): over the county code,
// the period, the version and every figure of every sheet, so a changed figure, a changed county
// or a file passed off as another version is detected. Drafts have no version (null). The reader
// (核对) recomputes it from the figures it reads back, so both sides use this one function.
// Beside it, one digest per sheet (meta key sheetDigests, issue #16): when the overall digest fails
// on a file whose 合计 and rates were kept consistent, the reader can still name the edited sheet.
import type { MonthlyFigures } from '../../core/reports/monthly';
import type { FigureRow } from '../../core/reports/figures';
import { canonicalJson, sha256 } from './hash';

export interface DigestInput {
  countyCode: string;
  period: string;
  version: number | null;
  figures: MonthlyFigures;
}

export const submissionDigest = (d: DigestInput): string =>
  sha256(
    Buffer.from(
      canonicalJson({ countyCode: d.countyCode, period: d.period, version: d.version, figures: d.figures }),
      'utf8',
    ),
  );

/** A county's or a consolidated report's figures: rows per sheet key, and the text blocks. */
export interface SheetFigures {
  sheets: Record<string, FigureRow[]>;
  texts: Record<string, string | null>;
}

/** The sheet that prints the text blocks (本期主要工作…), so its digest covers them too. */
const TEXT_SHEET = 'milestones';

/**
 * Sheet key → sha256 over county code, period, version and that sheet's rows (and, for the sheet
 * carrying the text blocks, the texts). Writer and reader both call this.
 */
export function sheetDigests(d: Omit<DigestInput, 'figures'> & { figures: SheetFigures }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [sheet, rows] of Object.entries(d.figures.sheets)) {
    const texts = sheet === TEXT_SHEET ? d.figures.texts : null;
    const body = { countyCode: d.countyCode, period: d.period, version: d.version, sheet, rows, texts };
    out[sheet] = sha256(Buffer.from(canonicalJson(body), 'utf8'));
  }
  return out;
}

/** The meta value: canonical JSON, so the same figures always give the same string. */
export const sheetDigestsValue = (digests: Record<string, string>): string => canonicalJson(digests);

/**
 * The sheet keys whose digest differs from the one the meta recorded, or null when that cannot be
 * told: no or unparsable sheetDigests (an older file, an edited meta), other sheet keys than
 * expected, no sheet differing, or every sheet differing (what an edited county code, period or
 * version looks like) — the caller then keeps its general wording.
 */
export function changedSheets(
  recorded: string | undefined,
  d: Omit<DigestInput, 'figures'> & { figures: SheetFigures },
): string[] | null {
  if (!recorded) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(recorded);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const was = parsed as Record<string, unknown>;
  const now = sheetDigests(d);
  const keys = Object.keys(now);
  if (Object.keys(was).length !== keys.length || keys.some((k) => typeof was[k] !== 'string')) return null;
  const changed = keys.filter((k) => was[k] !== now[k]);
  return changed.length === 0 || changed.length === keys.length ? null : changed;
}
