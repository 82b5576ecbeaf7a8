// Reading and checking one workbook taken in (the prepare phase: outside the transaction, writes
// nothing). The bytes go through 核对's bounded parse (a worker under heap and time limits); a
// county's R2 is verified as 核对 verifies it (verifyParsed: digest, 合计, rates, meta against
// titles), a consolidated report by the level's own verifier (./verifiers.ts). What comes out is
// everything the commit needs to file or refuse it without touching the bytes again.
import type { Database } from 'better-sqlite3';
import type { MonthlyFigures } from '../../../core/reports/monthly';
import type { Identity } from '../../../core/reports/verify/identity';
import type { Finding } from '../../../core/reports/verify/types';
import { SENT_REPORT_ID } from '../../../core/reports/catalogue';
import { UserError } from '../../../db/errors';
import { parseWorkbook, type ParsedWorkbook } from '../../reports/verify/parse';
import { META_SHEET } from '../../reports/writer/workbook';
import { verifierFor, type FileLevel } from './verifiers';

export type Checked =
  | { kind: 'unreadable'; reasonCode: 'DAMAGED' | 'TOO_LARGE' | 'NOT_MONTHLY'; reason: string }
  | {
      kind: 'read';
      /** The meta's level: '县' a county's R2, '市' a city's consolidated report. */
      level: string;
      layoutVersion: string | null;
      /** The digest the meta carries (what was sent), whether or not the figures still match it. */
      digest: string | null;
      identity: Identity;
      /** null: not verified (a level this office never takes in). */
      verified: {
        digest: 'match' | 'mismatch' | 'absent';
        findings: Finding[];
        figures: MonthlyFigures;
        as: FileLevel;
      } | null;
    };

/** The meta sheet's key → value (column A → B), as verify reads it. */
export function metaOf(parsed: ParsedWorkbook): Record<string, string> {
  const meta: Record<string, string> = {};
  (parsed.grids[META_SHEET] ?? []).forEach((row, r) => {
    const [key, value] = row;
    if (r > 0 && typeof key === 'string' && key) meta[key] = value == null ? '' : String(value);
  });
  return meta;
}

const UNREADABLE_CODES: Record<string, 'DAMAGED' | 'TOO_LARGE'> = {
  UNREADABLE: 'DAMAGED',
  PASSWORD_PROTECTED: 'DAMAGED',
  PARSE_FAILED: 'DAMAGED',
  FILE_DAMAGED: 'DAMAGED',
  NOT_SPREADSHEET: 'DAMAGED',
  EMPTY_FILE: 'DAMAGED',
  BAD_ENCODING: 'DAMAGED',
  FILE_TOO_LARGE: 'TOO_LARGE',
};

/** Reads and verifies one workbook for an office of `officeLevel`; never throws for what the file holds. */
export async function checkWorkbook(
  db: Database,
  bytes: Uint8Array,
  fileName: string,
  officeLevel: string,
): Promise<Checked> {
  let parsed: ParsedWorkbook;
  try {
    parsed = await parseWorkbook(bytes, fileName);
  } catch (e) {
    if (e instanceof UserError && UNREADABLE_CODES[e.code])
      return { kind: 'unreadable', reasonCode: UNREADABLE_CODES[e.code], reason: e.message };
    throw e;
  }
  const meta = metaOf(parsed);
  if (meta.reportId && meta.reportId !== SENT_REPORT_ID)
    return {
      kind: 'unreadable',
      reasonCode: 'NOT_MONTHLY',
      reason: `该工作簿是“${meta.reportName || meta.reportId}”，不是工作进度月报`,
    };
  // A county's R2 says 县; files from before the level was written are a county's too.
  const level = meta.reportId ? meta.level || '县' : '';
  const verify = verifierFor(officeLevel, level);
  let verified: Extract<Checked, { kind: 'read' }>['verified'] = null;
  let identity: Identity;
  try {
    const r = verify ? verify.run(db, parsed) : null;
    identity = r ? r.identity : identityOfMeta(meta);
    if (r && verify) verified = { digest: r.digest, findings: r.findings, figures: r.figures, as: verify.as };
  } catch (e) {
    if (e instanceof UserError && e.code === 'NOT_MONTHLY')
      return { kind: 'unreadable', reasonCode: 'NOT_MONTHLY', reason: e.message };
    throw e;
  }
  return {
    kind: 'read',
    level,
    layoutVersion: meta.layoutVersion || null,
    digest: meta.digest || null,
    identity,
    verified,
  };
}

/** Whose a file is, from its meta alone (a file of a level this office does not verify). */
function identityOfMeta(meta: Record<string, string>): Identity {
  const v = (k: string) => (meta[k] ? meta[k] : null);
  return {
    countyCode: v('countyCode'),
    countyName: v('countyName'),
    cityCode: v('cityCode'),
    period: v('period'),
    status: meta.status === 'draft' || meta.status === 'official' ? meta.status : null,
    version: /^\d+$/.test(meta.version ?? '') ? Number(meta.version) : null,
    exportId: v('exportId'),
    correctionReason: v('correctionReason'),
    generatedAt: v('generatedAt'),
    source: meta.reportId ? 'meta' : 'title',
  };
}
