// The 普查小区 code (domain.md §2): by default the village's 12-digit code followed by a sequence
// (3 digits at the default length of 15; the length is the office's setting), the next after the
// highest one of that village; a typed code must have the office's length.
import type { Database } from 'better-sqlite3';
import { districtCodeIssue, VILLAGE_CODE_LENGTH } from '../../../core/schemas/coverage';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { readCoverageSettings } from './settings';

type Values = Record<string, unknown>;

export type NextCode = { code: string; message: null } | { code: null; message: string };

/**
 * The default code for a district of this village: its code plus the sequence after the highest
 * taken (by the store or by `taken`, the codes an import has handed out already), else the lowest
 * free one.
 */
export function nextDistrictCode(
  db: Database,
  villageCode: string,
  length: number,
  taken: ReadonlySet<string> = new Set(),
): NextCode {
  const digits = length - VILLAGE_CODE_LENGTH;
  if (digits <= 0)
    return {
      code: null,
      message: `普查小区代码设置为${length}位，不能在12位村（居）代码后加序号自动生成，请填写普查小区代码`,
    };
  const used = new Set(
    (
      db
        .prepare(`SELECT code FROM census_districts WHERE code BETWEEN ? AND ? AND length(code) = ?`)
        .pluck()
        .all(villageCode, `${villageCode}:`, length) as string[]
    ).map((c) => Number(c.slice(VILLAGE_CODE_LENGTH))),
  );
  for (const c of taken)
    if (c.length === length && c.startsWith(villageCode)) used.add(Number(c.slice(VILLAGE_CODE_LENGTH)));
  const max = 10 ** digits - 1;
  const highest = Math.max(0, ...used);
  let seq = highest < max ? highest + 1 : 0;
  if (seq === 0) for (let n = 1; n <= max && seq === 0; n++) if (!used.has(n)) seq = n;
  if (seq === 0)
    return { code: null, message: `村（居）代码 ${villageCode} 下的普查小区序号已全部用完，请填写普查小区代码` };
  return { code: `${villageCode}${String(seq).padStart(digits, '0')}`, message: null };
}

const refuse = (message: string): never => {
  throw new UserError('INVALID_INPUT', message, [{ path: 'code', message }]);
};

/** The code an import row or a form left empty, or why there is none. */
export function defaultCodeFor(db: Database, villageId: number | null, taken?: ReadonlySet<string>): NextCode {
  const length = readCoverageSettings(db).districtCodeLength;
  if (villageId == null)
    return { code: null, message: '未选择所属村（社区），不能自动生成普查小区代码：请填写代码，或选择所属村（社区）' };
  const village = db.prepare('SELECT code FROM villages WHERE id = ?').pluck().get(villageId) as string | undefined;
  if (!village) return { code: null, message: `所属村（社区）不存在（编号 ${villageId}）` };
  return nextDistrictCode(db, village, length, taken);
}

/** district.create / update: an empty code is filled, a typed one must have the office's length. */
export function districtCodeRule(values: Values, ctx: HandlerCtx, existing?: Values): Values {
  if (values.code == null) {
    if (existing) {
      delete values.code; // an update that blanks the code keeps the one it has
      return values;
    }
    const villageId = (values.villageId ?? null) as number | null;
    const next = defaultCodeFor(ctx.db, villageId);
    if (next.code === null) refuse(next.message);
    return { ...values, code: next.code };
  }
  if (values.code === existing?.code) return values;
  const issue = districtCodeIssue(String(values.code), readCoverageSettings(ctx.db).districtCodeLength);
  if (issue) refuse(issue);
  return values;
}

export function nextCodeFor(ctx: HandlerCtx, input: { villageId: number }): NextCode {
  return defaultCodeFor(ctx.db, input.villageId);
}
