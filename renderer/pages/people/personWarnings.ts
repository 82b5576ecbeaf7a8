// What the person form and page warn about without refusing (the import preview says the same):
// a 15-digit legacy ID and a hire past 65. Computed from the values with the core rules the backend
// applies, so the form warns while the clerk types and the page for a record already stored.
import { isLegacyId, legacyIdWarning, normalizeIdNumber, validateIdNumber } from '../../../core/validate/idNumber';
import { ageWarnings } from '../../../core/workingAge';

type Values = Record<string, unknown>;

const idOf = (v: Values) => normalizeIdNumber(typeof v.idNumber === 'string' ? v.idNumber : '');

/** A masked ID keeps its length: 15 characters is a legacy ID. */
export const idNumberWarning = (v: Values): string | null =>
  isLegacyId(idOf(v).replace(/\*/g, '0')) ? legacyIdWarning() : null;

/** The birth date from the ID typed, else the record's (a masked one warns of nothing). */
function birthDateOf(v: Values): unknown {
  const checked = validateIdNumber(idOf(v));
  return checked.ok ? checked.value.birthDate : v.birthDate;
}

export const hireAgeWarning = (v: Values): string | null =>
  ageWarnings((k) => (k === 'birthDate' ? birthDateOf(v) : v[k]))[0]?.message ?? null;
