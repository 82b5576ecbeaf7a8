// The sign-in and exam grid's working copy: rows as loaded, the clerk's edits, and the rows to
// send (only those changed). A score fills in 签到 and, against the pass mark, 是否合格 — the
// clerk can still overrule the verdict.
import type { AttendanceRecord } from '../../api/types';

export interface GridRow {
  key: string;
  id: number | null;
  personId: number | null;
  guestName: string | null;
  guestUnit: string | null;
  guestPhone: string | null;
  signedIn: boolean;
  score: number | null;
  passed: boolean | null;
  makeupScore: number | null;
  makeupPassed: boolean | null;
  note: string | null;
  name: string;
  /** 人员类别 for roster people, 单位 for guests. */
  detail: string;
  changed: boolean;
}

/** What a row records of the person's session: 签到, the scores and verdicts, the note. */
const results = (r: GridRow | AttendanceRecord) => ({
  signedIn: r.signedIn,
  score: r.score,
  passed: r.passed,
  makeupScore: r.makeupScore,
  makeupPassed: r.makeupPassed,
  note: r.note,
});

export function fromRecord(r: AttendanceRecord): GridRow {
  return {
    key: `a${r.id}`,
    id: r.id,
    personId: r.personId,
    guestName: r.guestName,
    guestUnit: r.guestUnit,
    guestPhone: r.guestPhone,
    ...results(r),
    name: r.name,
    detail: r.isGuest ? `临时：${r.guestUnit ?? ''}` : r.roles.join('、'),
    changed: false,
  };
}

let guestSeq = 0;
export function newGuest(name: string, unit: string | null, phone: string | null): GridRow {
  return {
    key: `g${++guestSeq}`,
    id: null,
    personId: null,
    guestName: name,
    guestUnit: unit,
    guestPhone: phone,
    signedIn: true,
    score: null,
    passed: null,
    makeupScore: null,
    makeupPassed: null,
    note: null,
    name,
    detail: `临时：${unit ?? ''}`,
    changed: true,
  };
}

/** One edit, with the grid's conveniences: a score means the person came; a pass mark judges it. */
export function edit(row: GridRow, change: Partial<GridRow>, passMark: number | null): GridRow {
  const next = { ...row, ...change, changed: true };
  if ('score' in change && change.score != null) {
    next.signedIn = true;
    if (passMark != null) next.passed = change.score >= passMark;
  }
  if ('makeupScore' in change && change.makeupScore != null && passMark != null)
    next.makeupPassed = change.makeupScore >= passMark;
  return next;
}

/** What attendance.save takes for a row: roster people by personId, guests by their details. */
export function toInput(r: GridRow) {
  const guest = r.personId === null;
  return {
    id: r.id,
    personId: r.personId,
    guestName: guest ? r.guestName : null,
    guestUnit: guest ? r.guestUnit : null,
    guestPhone: guest ? r.guestPhone : null,
    ...results(r),
  };
}

/** Fresh rows from the server with the clerk's unsaved edits kept. */
export function merge(local: GridRow[], loaded: GridRow[]): GridRow[] {
  const edited = new Map(local.filter((r) => r.changed && r.id !== null).map((r) => [r.id, r]));
  const unsavedGuests = local.filter((r) => r.changed && r.id === null);
  return [...loaded.map((r) => edited.get(r.id) ?? r), ...unsavedGuests];
}
