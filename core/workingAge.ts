// Dates of a person's working life checked against the birth date the ID gives (issue 13): nobody
// is hired, certified or trained before 16 (a date typed or read wrongly, e.g. 1905 from a bare
// “2018”, or the wrong person), and a hire past 65 is worth a second look. Pure, in core: shared by
// person.create/update, the roster and attendance imports, attendance.save, and the person page and
// form, which show the same warning the preview gives.

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

/** A whole birth date: a masked one (`1985-**-**`, shown to roles that may not reveal) decides nothing. */
const fullDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

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
  if (!fullDate(birth) || !fullDate(hire)) return [];
  const age = ageOn(birth, hire);
  if (age <= WARN_HIRE_AGE) return [];
  return [{ field: 'hireStart', message: `聘用开始日期（${hire}）时已${age}周岁，超过${WARN_HIRE_AGE}周岁，请核对` }];
}

/**
 * A roster person at a training session (attendance.save, attendance.addPeople, the attendance
 * import): younger than 16 at its start date is refused like a hire before 16 — census staff are
 * hired at 16 or more, so the ID, the session's date or the person matched is wrong.
 */
export function trainingAgeIssue(name: string, birth: string | null, sessionStart: string): string | null {
  if (!birth || ageOn(birth, sessionStart) >= MIN_WORKING_AGE) return null;
  const when = sessionStart < birth ? '尚未出生' : `未满${MIN_WORKING_AGE}周岁`;
  return `${name}（出生日期 ${birth}，据公民身份号码）在培训开始日期 ${sessionStart} 时${when}：请核对该人员的公民身份号码或培训日期`;
}
