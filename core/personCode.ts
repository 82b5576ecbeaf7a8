// 人员编号 `{county code 6}{role digit 1}{sequence 4}` (domain.md §3): pure helpers shared by the
// API, the importer and the bulk generator; the database only supplies the numbers already taken.
import { ROLE_DIGITS, type PersonRole } from './enums';

export const PERSON_CODE_PATTERN = /^\d{6}[1-6]\d{4}$/;
export const PERSON_CODE_HINT = '11位数字：6位县级区划代码+1位人员类别码+4位序号';
export const MAX_PERSON_SEQUENCE = 9999;

export interface PersonCodeParts {
  countyCode: string;
  roleDigit: number;
  sequence: number;
}

/** The parts of a well-formed code, or null when it does not match the pattern. */
export function parsePersonCode(code: string): PersonCodeParts | null {
  if (!PERSON_CODE_PATTERN.test(code)) return null;
  return { countyCode: code.slice(0, 6), roleDigit: Number(code[6]), sequence: Number(code.slice(7)) };
}

/** The first seven digits: county code and the digit of the person's first role. */
export function personCodePrefix(countyCode: string, firstRole: PersonRole): string {
  return `${countyCode}${ROLE_DIGITS[firstRole]}`;
}

export function formatPersonCode(prefix: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_PERSON_SEQUENCE) {
    throw new RangeError(`人员编号序号超出范围：${sequence}`);
  }
  return `${prefix}${String(sequence).padStart(4, '0')}`;
}

/**
 * The next free sequence after the highest one taken; once 9999 is used, the lowest gap
 * (people who were deleted leave gaps). Null when all 9999 numbers are taken.
 */
export function nextFreeSequence(taken: Iterable<number>): number | null {
  const used = new Set<number>();
  let max = 0;
  for (const n of taken) {
    used.add(n);
    if (n > max) max = n;
  }
  if (max < MAX_PERSON_SEQUENCE) return max + 1;
  for (let n = 1; n <= MAX_PERSON_SEQUENCE; n++) if (!used.has(n)) return n;
  return null;
}
