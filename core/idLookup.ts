// A search text that is a complete 公民身份号码 (18 characters, or a legacy 15-digit one): the only
// ID search a caller who may not reveal gets, and one the audit log records (person.list).
import { normalizeCode } from './text';

const COMPLETE_ID = /^(\d{17}[\dX]|\d{15})$/;

/** The complete number q is (normalised: half-width, no spaces, upper-case X), else null. */
export function completeIdQuery(q: string | undefined | null): string | null {
  if (!q) return null;
  const code = normalizeCode(q);
  return COMPLETE_ID.test(code) ? code : null;
}
