// Attendance (签到与考核): the fast-entry grid saves every row in one transaction with one audit
// entry; each refused row is named (`第3行：…`) and nothing is written unless all rows pass.
import type { z } from 'zod';
import type { OutputOf } from '../../../core/api';
import type { attendanceAddPeopleInput, attendanceSaveInput, AttendanceRowInput } from '../../../core/schemas/training';
import { listRecords, requireRecord, type ListQuery } from '../../../db/entity';
import { attendanceDef, trainingDef } from '../../../db/entities/training';
import { UserError } from '../../../db/errors';
import { trainingAgeIssue } from '../../../core/workingAge';
import type { HandlerCtx } from '../../context';

type Issue = { path: string; message: string };
type StoredRow = {
  id: number;
  session_id: number;
  person_id: number | null;
  guest_name: string | null;
  guest_unit: string | null;
};

const sessionRows = (ctx: HandlerCtx, sessionId: number) =>
  listRecords(ctx.db, attendanceDef, { filters: { sessionId }, page: 1, pageSize: 100_000 }).rows;

const personName = (ctx: HandlerCtx, id: number) =>
  (ctx.db.prepare('SELECT name FROM people WHERE id = ?').get(id) as { name: string } | undefined)?.name;

const sessionStart = (ctx: HandlerCtx, sessionId: number) =>
  ctx.db.prepare('SELECT start_date FROM training_sessions WHERE id = ?').pluck().get(sessionId) as string;

/** A roster person younger than 16 at the session's start (core/workingAge.ts), or null. */
function tooYoung(ctx: HandlerCtx, personId: number, start: string): string | null {
  const p = ctx.db.prepare('SELECT name, birth_date FROM people WHERE id = ?').get(personId) as
    { name: string; birth_date: string | null } | undefined;
  return p ? trainingAgeIssue(p.name, p.birth_date, start) : null;
}

const refuse = (issues: Issue[]): never => {
  throw new UserError('INVALID_INPUT', issues.map((i) => i.message).join('；'), issues);
};

/** Which stored row a grid row writes to, or null for a new one; pushes an issue when it cannot. */
function resolveTarget(
  ctx: HandlerCtx,
  sessionId: number,
  row: AttendanceRowInput,
  label: string,
  path: string,
  issues: Issue[],
) {
  const byId = ctx.db.prepare('SELECT * FROM training_attendance WHERE id = ?');
  let target: StoredRow | undefined;
  if (row.id !== null) {
    target = byId.get(row.id) as StoredRow | undefined;
    if (!target || target.session_id !== sessionId) {
      issues.push({ path: `${path}.id`, message: `${label}：签到记录不存在（编号 ${row.id}）` });
      return null;
    }
  }
  if (row.personId !== null) {
    const name = personName(ctx, row.personId);
    if (!name) {
      issues.push({ path: `${path}.personId`, message: `${label}：人员不存在（编号 ${row.personId}）` });
      return null;
    }
    const enrolled = ctx.db
      .prepare('SELECT * FROM training_attendance WHERE session_id = ? AND person_id = ?')
      .get(sessionId, row.personId) as StoredRow | undefined;
    if (target && enrolled && enrolled.id !== target.id) {
      issues.push({ path: `${path}.personId`, message: `${label}：${name}已在本培训班名单中` });
      return null;
    }
    return target ?? enrolled ?? null;
  }
  // A guest is known by name and unit when the grid does not send the row's id.
  return (
    target ??
    (ctx.db
      .prepare(
        'SELECT * FROM training_attendance WHERE session_id = ? AND person_id IS NULL AND guest_name = ? AND guest_unit IS ?',
      )
      .get(sessionId, row.guestName, row.guestUnit) as StoredRow | undefined) ??
    null
  );
}

/** Two grid rows for the same person (or the same guest, or the same stored row) are refused. */
function duplicateKey(row: AttendanceRowInput): string[] {
  const keys: string[] = [];
  if (row.id !== null) keys.push(`id:${row.id}`);
  keys.push(row.personId !== null ? `person:${row.personId}` : `guest:${row.guestName}|${row.guestUnit ?? ''}`);
  return keys;
}

export function saveAttendance(ctx: HandlerCtx, input: z.output<typeof attendanceSaveInput>) {
  const { sessionId, rows } = input;
  requireRecord(ctx.db, trainingDef, sessionId);
  const start = sessionStart(ctx, sessionId);
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const plan: { row: AttendanceRowInput; targetId: number | null }[] = [];
  rows.forEach((row, i) => {
    const label = `第${i + 1}行`;
    const dup = duplicateKey(row).find((k) => seen.has(k));
    if (dup) {
      issues.push({ path: `rows.${i}`, message: `${label}：与第${seen.get(dup)! + 1}行是同一参训人员` });
      return;
    }
    for (const k of duplicateKey(row)) seen.set(k, i);
    const before = issues.length;
    const target = resolveTarget(ctx, sessionId, row, label, `rows.${i}`, issues);
    const young = issues.length === before && row.personId !== null ? tooYoung(ctx, row.personId, start) : null;
    if (young) issues.push({ path: `rows.${i}.personId`, message: `${label}：${young}` });
    if (issues.length === before) plan.push({ row, targetId: target?.id ?? null });
  });
  if (issues.length) refuse(issues);

  const before = sessionRows(ctx, sessionId);
  const at = ctx.now().toISOString();
  const insert = ctx.db.prepare(
    `INSERT INTO training_attendance (session_id, person_id, guest_name, guest_unit, guest_phone, signed_in, score, passed,
       makeup_score, makeup_passed, note, created_at, updated_at)
     VALUES (@sessionId, @personId, @guestName, @guestUnit, @guestPhone, @signedIn, @score, @passed, @makeupScore, @makeupPassed, @note, @at, @at)`,
  );
  const update = ctx.db.prepare(
    `UPDATE training_attendance SET person_id = @personId, guest_name = @guestName, guest_unit = @guestUnit, guest_phone = @guestPhone,
       signed_in = @signedIn, score = @score, passed = @passed, makeup_score = @makeupScore, makeup_passed = @makeupPassed,
       note = @note, updated_at = @at WHERE id = @id`,
  );
  const bit = (v: boolean | null) => (v === null ? null : Number(v));
  let inserted = 0;
  let updated = 0;
  for (const { row, targetId } of plan) {
    // One source of truth for "passed": a passed 补考 makes the final verdict 合格.
    const passed = row.makeupPassed === true ? true : row.passed;
    const params = {
      sessionId,
      personId: row.personId,
      guestName: row.guestName,
      guestUnit: row.guestUnit,
      guestPhone: row.guestPhone,
      signedIn: Number(row.signedIn),
      score: row.score,
      passed: bit(passed),
      makeupScore: row.makeupScore,
      makeupPassed: bit(row.makeupPassed),
      note: row.note,
      at,
    };
    if (targetId === null) {
      insert.run(params);
      inserted++;
    } else {
      update.run({ ...params, id: targetId });
      updated++;
    }
  }
  const after = sessionRows(ctx, sessionId);
  ctx.audit('attendance.save', 'training', sessionId, before, after);
  return { sessionId, inserted, updated, rows: after } as OutputOf<'attendance.save'>;
}

export function addPeople(ctx: HandlerCtx, input: z.output<typeof attendanceAddPeopleInput>) {
  const { sessionId } = input;
  requireRecord(ctx.db, trainingDef, sessionId);
  const ids = [...new Set(input.personIds)];
  const missing = ids.filter((id) => !personName(ctx, id));
  if (missing.length) {
    const message = `人员不存在（编号 ${missing.join('、')}）`;
    throw new UserError('BAD_REFERENCE', message, [{ path: 'personIds', message }]);
  }
  const start = sessionStart(ctx, sessionId);
  const young = ids.map((id) => tooYoung(ctx, id, start)).filter((m): m is string => m !== null);
  if (young.length) throw new UserError('INVALID_INPUT', young.join('；'), [{ path: 'personIds', message: young[0] }]);
  const at = ctx.now().toISOString();
  const insert = ctx.db.prepare(
    `INSERT INTO training_attendance (session_id, person_id, signed_in, created_at, updated_at) VALUES (?, ?, 0, ?, ?)
     ON CONFLICT (session_id, person_id) DO NOTHING`,
  );
  const added = ids.filter((id) => insert.run(sessionId, id, at, at).changes > 0);
  ctx.audit('attendance.addPeople', 'training', sessionId, null, { personIds: added });
  return { sessionId, added: added.length, skipped: ids.length - added.length };
}

export function deleteAttendance(ctx: HandlerCtx, input: { id: number }) {
  const before = requireRecord(ctx.db, attendanceDef, input.id);
  ctx.db.prepare('DELETE FROM training_attendance WHERE id = ?').run(input.id);
  ctx.audit('delete', 'attendance', input.id, before, null);
  return { id: input.id };
}

export const listAttendance = (ctx: HandlerCtx, input: ListQuery) =>
  listRecords(ctx.db, attendanceDef, input) as OutputOf<'attendance.list'>;
