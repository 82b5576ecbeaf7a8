// A township belongs to the office's own division (domain.md §9.5: "each starting with its
// parent's code"): a county office's townships start with its 6-digit code; a city office
// (county_code 511300) or a province office (510000) keeps places under its 4 or 2 leading digits.
// township.create/update and the township import ask the same question here.
import type { Database } from 'better-sqlite3';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import type { Values } from '../crud';

const PREFIX_LENGTH: Record<string, number> = { 县: 6, 市: 4, 省: 2 };
const LEVEL_NAME: Record<string, string> = { 县: '本县', 市: '本市', 省: '本省' };

/** The office's division as the rule needs it; null before the office profile is filled in. */
export function officeDivision(db: Database): { prefix: string; code: string; name: string; level: string } | null {
  const row = db.prepare('SELECT * FROM office_profile WHERE id = 1').get() as Record<string, unknown> | undefined;
  if (!row || typeof row.county_code !== 'string') return null;
  const level = typeof row.level === 'string' ? row.level : '县';
  const code = row.county_code;
  return { prefix: code.slice(0, PREFIX_LENGTH[level] ?? 6), code, name: String(row.county_name ?? ''), level };
}

/** Why `code` (a 9-digit township code) lies outside the office's division, or null when it does not. */
export function townshipOutsideOffice(
  division: ReturnType<typeof officeDivision>,
  code: string,
  label = '乡镇（街道）代码',
): string | null {
  if (!division || code.startsWith(division.prefix)) return null;
  const where = `${LEVEL_NAME[division.level] ?? '本县'}（${division.code}${division.name ? ` ${division.name}` : ''}）`;
  return `${label} ${code} 不属于${where}：应以 ${division.prefix} 开头`;
}

/**
 * crud prepare hook of townships: refuses a code outside the office's division, naming the field.
 * An update that keeps the code is not judged again (a township stored before the county changed
 * can still be renamed).
 */
export function checkTownshipInOffice(values: Values, ctx: HandlerCtx, existing?: Values): Values {
  if (typeof values.code !== 'string' || values.code === existing?.code) return values;
  const message = townshipOutsideOffice(officeDivision(ctx.db), values.code);
  if (message) throw new UserError('INVALID_INPUT', message, [{ path: 'code', message }]);
  return values;
}
