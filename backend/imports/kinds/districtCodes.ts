// 普查小区 codes in an import: a row without one gets the default (the village's code plus the next
// sequence, counting the codes earlier rows of the same sheet were given); a typed one must have
// the office's length (coverage settings). Checked with the rows, so the preview shows the code.
import type { Database } from 'better-sqlite3';
import { districtCodeIssue } from '../../../core/schemas/coverage';
import { normalizeCode } from '../../../core/text';
import { defaultCodeFor } from '../../areas/coverage/districtCode';
import { readCoverageSettings } from '../../areas/coverage/settings';
import type { RowIssue } from './types';

export class DistrictCodes {
  private readonly given = new Set<string>();
  private readonly length: number;

  constructor(private readonly db: Database) {
    this.length = readCoverageSettings(db).districtCodeLength;
  }

  /** Fills or checks input.code; faults go to `issues` under the code column. */
  fill(input: Record<string, unknown>, issues: RowIssue[]): void {
    const typed = typeof input.code === 'string' ? normalizeCode(input.code) : '';
    if (typed) {
      // A stored 小区 keeps its code whatever the length now set (it names an existing record).
      const stored = this.db.prepare('SELECT 1 FROM census_districts WHERE code = ?').get(typed) !== undefined;
      const issue = /^\d+$/.test(typed) && !stored ? districtCodeIssue(typed, this.length) : null;
      if (issue) issues.push({ field: 'code', message: issue });
      this.given.add(typed);
      return;
    }
    const next = defaultCodeFor(this.db, (input.villageId as number | undefined) ?? null, this.given);
    if (next.code === null) {
      issues.push({ field: 'code', message: next.message });
      return;
    }
    input.code = next.code;
    this.given.add(next.code);
  }
}
