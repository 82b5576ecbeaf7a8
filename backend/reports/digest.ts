// The digest a monthly report (R2) carries in its meta (submission.md §2): over the county code,
// the period, the version and every figure of every sheet, so a changed figure, a changed county
// or a file passed off as another version is detected. Drafts have no version (null). The reader
// (核对) recomputes it from the figures it reads back, so both sides use this one function.
import type { MonthlyFigures } from '../../core/reports/monthly';
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
