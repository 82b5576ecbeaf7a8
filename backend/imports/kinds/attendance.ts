// Attendance of one training session: roster people found by 公民身份号码 or 人员编号 (or by a
// name only one roster person has), everyone else as a guest added on the spot. Each row is saved
// through attendance.save, the grid's own write path.
import { attendanceRow } from '../../../core/schemas/training';
import { attendanceFields } from '../../../core/imports/fields/training';
import { normalizeCode, normalizeText } from '../../../core/text';
import { otherIdForm } from '../../../core/validate/idNumber';
import { trainingAgeIssue } from '../../../core/workingAge';
import { fromRow } from '../../../db/rows';
import type { AttendanceRowInput } from '../../../core/schemas/training';
import { saveAttendance } from '../../areas/training/attendance';
import type { HandlerCtx } from '../../context';
import { diff, errorRow, labelIn, parseWith, SeenKeys } from './common';
import type { CheckedRow, ImportEnv, KindImporter, MappedRow, RowIssue, Step } from './types';

type Values = Record<string, unknown>;

const GUEST: Record<string, string> = {
  guestName: 'name',
  guestUnit: 'guestUnit',
  guestPhone: 'guestPhone',
  personId: 'idNumber',
};
const fieldKeys = new Set(attendanceFields.map((f) => f.key));
const fieldOf = (path: string) => GUEST[path] ?? (fieldKeys.has(path) ? path : null);
const label = labelIn(attendanceFields, { guestName: '姓名', personId: '人员' });
const COMPARED = ['signedIn', 'score', 'passed', 'makeupScore', 'makeupPassed', 'note', 'guestPhone'] as const;

function begin(env: ImportEnv) {
  const { db } = env;
  const sessionId = env.trainingId!;
  // A 15-digit ID and its 18-digit form are one person (core/validate/idNumber.ts).
  const byIdNumber = db.prepare('SELECT id, name FROM people WHERE id_number IN (?, ?) ORDER BY id_number = ? DESC');
  const byCode = db.prepare('SELECT id, name FROM people WHERE person_code = ?');
  const byName = db.prepare('SELECT id, name FROM people WHERE name = ?');
  const stored = db.prepare('SELECT * FROM training_attendance WHERE session_id = ? AND person_id = ?');
  const storedGuest = db.prepare(
    'SELECT * FROM training_attendance WHERE session_id = ? AND person_id IS NULL AND guest_name = ? AND guest_unit IS ?',
  );
  const seen = new SeenKeys();
  // A roster person younger than 16 at the session's start is refused, as attendance.save refuses it.
  const sessionStart = db.prepare('SELECT start_date FROM training_sessions WHERE id = ?').pluck().get(sessionId) as
    string | undefined;
  const birthOf = db.prepare('SELECT birth_date FROM people WHERE id = ?').pluck();

  /** The roster person the row names, null for a guest, or a message. */
  function person(row: MappedRow, name: string): { id: number; name: string } | null | string {
    type P = { id: number; name: string };
    const id = row.input.idNumber === undefined ? '' : normalizeCode(String(row.input.idNumber));
    const code = row.input.personCode === undefined ? '' : normalizeCode(String(row.input.personCode));
    const hit =
      (id && (byIdNumber.get(id, otherIdForm(id) ?? id, id) as P | undefined)) ||
      (code && (byCode.get(code) as P | undefined)) ||
      undefined;
    if (hit) return hit.name === name ? hit : `姓名“${name}”与花名册中该号码的姓名“${hit.name}”不符`;
    if (id || code) return null;
    const named = byName.all(name) as P[];
    if (named.length > 1) return `花名册中有${named.length}人名为“${name}”，请填写公民身份号码以区分`;
    return named[0] ?? null;
  }

  function check(row: MappedRow): CheckedRow {
    const issues: RowIssue[] = [];
    const v = row.input;
    if (v.name === undefined) return errorRow(row.row, [{ field: 'name', message: '姓名不能为空' }]);
    const name = normalizeText(String(v.name));
    const who = person(row, name);
    if (typeof who === 'string') return errorRow(row.row, [{ field: 'idNumber', message: who }]);
    const young = who && sessionStart && trainingAgeIssue(who.name, birthOf.get(who.id) as string | null, sessionStart);
    if (young) return errorRow(row.row, [{ field: row.mapped.has('idNumber') ? 'idNumber' : 'name', message: young }]);
    // A sheet without a 签到 column lists the people who came.
    const signedIn = v.signedIn ?? (row.mapped.has('signedIn') ? false : true);
    const input: Values = {
      personId: who?.id ?? null,
      guestName: who ? null : name,
      guestUnit: who ? null : (v.guestUnit ?? null),
      guestPhone: who ? null : (v.guestPhone ?? null),
      signedIn,
      score: v.score ?? null,
      passed: v.passed ?? null,
      makeupScore: v.makeupScore ?? null,
      makeupPassed: v.makeupPassed ?? null,
      note: v.note ?? null,
    };
    const { data, issues: schemaIssues } = parseWith(attendanceRow, input, row, fieldOf);
    issues.push(...schemaIssues);
    if (!data) return errorRow(row.row, issues);
    const key = who ? `person:${who.id}` : `guest:${name}|${data.guestUnit ?? ''}`;
    const prev = seen.claim(key, row.row);
    if (prev !== null) return errorRow(row.row, [{ field: 'name', message: `与第${prev}行是同一参训人员` }]);
    const existing = (who ? stored.get(sessionId, who.id) : storedGuest.get(sessionId, name, data.guestUnit)) as
      Values | undefined;
    const values = { ...data, name, isGuest: !who };
    if (!existing) return { row: row.row, action: 'new', errors: [], values, changes: [], plan: data };
    const record = fromRow(existing, { bools: ['signedIn', 'passed', 'makeupPassed'] });
    const wanted: Values = { ...data, passed: data.makeupPassed === true ? true : data.passed };
    const changes = diff(record, Object.fromEntries(COMPARED.map((k) => [k, wanted[k] ?? null])), label);
    return { row: row.row, action: changes.length ? 'update' : 'unchanged', errors: [], values, changes, plan: data };
  }

  function steps(rows: CheckedRow[], onExisting: 'update' | 'skip'): Step[] {
    return rows
      .filter((r) => r.action === 'new' || (r.action === 'update' && onExisting === 'update'))
      .map((r) => ({
        rows: [r.row],
        via: 'handler' as const,
        fieldOf: (path: string) => fieldOf(path.replace(/^rows\.\d+\./, '')),
        run: (ctx: HandlerCtx) => {
          const out = saveAttendance(ctx, { sessionId, rows: [r.plan as AttendanceRowInput] });
          return { created: out.inserted, updated: out.updated };
        },
      }));
  }
  return { check, steps };
}

export const attendanceImporter: KindImporter = {
  kind: 'attendance',
  fields: attendanceFields,
  problems: (env) => {
    if (env.trainingId === null) return ['导入签到与考核时须指定培训班'];
    const s = env.db.prepare('SELECT 1 FROM training_sessions WHERE id = ?').get(env.trainingId);
    return s ? [] : [`培训班不存在（编号 ${env.trainingId}）`];
  },
  begin,
};
