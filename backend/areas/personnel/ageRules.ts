// Dates of a person's working life checked against the birth date the ID gives (issue 13): nobody
// is hired or certified before 16 (a date typed or read wrongly, e.g. 1905 from a bare “2018”),
// and a hire past 65 is worth a second look. Shared by person.create/update and the roster import.

/** 劳动法: the minimum working age. */
export const MIN_WORKING_AGE = 16;
/** Past this age at hire the preview warns (not an error: retired people are hired as 普查员). */
export const WARN_HIRE_AGE = 65;

const DATES = [
  ['hireStart', '聘用开始日期'],
  ['certDate', '发证日期'],
] as const;

/** Full years between two ISO dates. */
export function ageOn(birth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) < birth.slice(5) ? years - 1 : years;
}

type Get = (key: string) => unknown;

/** Hire and certificate dates before the 16th birthday (or before birth). */
export function ageIssues(get: Get): { path: string; message: string }[] {
  const birth = get('birthDate');
  if (typeof birth !== 'string') return [];
  const out: { path: string; message: string }[] = [];
  for (const [key, label] of DATES) {
    const date = get(key);
    if (typeof date !== 'string' || ageOn(birth, date) >= MIN_WORKING_AGE) continue;
    const when = date < birth ? '早于出生日期' : `时未满${MIN_WORKING_AGE}周岁`;
    out.push({ path: key, message: `${label}（${date}）${when}（出生日期 ${birth}，据公民身份号码）：请核对${label}` });
  }
  return out;
}

/** A hire past 65: shown as a warning, never refused. */
export function ageWarnings(get: Get): { field: string; message: string }[] {
  const birth = get('birthDate');
  const hire = get('hireStart');
  if (typeof birth !== 'string' || typeof hire !== 'string') return [];
  const age = ageOn(birth, hire);
  if (age <= WARN_HIRE_AGE) return [];
  return [{ field: 'hireStart', message: `聘用开始日期（${hire}）时已${age}周岁，超过${WARN_HIRE_AGE}周岁，请核对` }];
}
