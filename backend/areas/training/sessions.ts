// Training sessions (培训班) with their pass rate, and a person's training history.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { trainingCreate } from '../../../core/schemas/training';
import { percent } from '../../../core/money';
import { trainingDef } from '../../../db/entities/training';
import { UserError } from '../../../db/errors';
import { fromRow } from '../../../db/rows';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';

function checkDates(values: Values, _ctx: HandlerCtx, existing?: Values) {
  const start = (values.startDate ?? existing?.startDate) as string;
  const end = (values.endDate ?? existing?.endDate) as string;
  if (end < start) {
    const message = `结束日期（${end}）不能早于开始日期（${start}）`;
    throw new UserError('INVALID_INPUT', message, [{ path: 'endDate', message }]);
  }
  return values;
}

/** Signed-in attendance is what people's training status rests on: it is not dropped with the session. */
function refuseWithSignIns(id: number, ctx: HandlerCtx) {
  const { n } = ctx.db
    .prepare('SELECT count(*) AS n FROM training_attendance WHERE session_id = ? AND signed_in = 1')
    .get(id) as { n: number };
  if (n > 0) {
    throw new UserError('IN_USE', `无法删除培训班：已有${n}人签到，人员的培训情况以此为据，请先删除这些签到记录`);
  }
}

/** 合格率 = 合格人数 / 参考人数, one decimal; computed here so it rounds like every other rate. */
const withPassRate = (r: Values) => ({ ...r, passRate: percent(Number(r.passedCount), Number(r.examinedCount), 1) });

export const trainings = crudServices<'training'>(trainingDef, trainingCreate, {
  prepare: checkDates,
  beforeDelete: refuseWithSignIns,
  present: withPassRate,
});

export function trainingHistory(
  ctx: HandlerCtx,
  input: ParsedInputOf<'training.historyOf'>,
): OutputOf<'training.historyOf'> {
  const person = ctx.db.prepare('SELECT name FROM people WHERE id = ?').get(input.personId) as
    { name: string } | undefined;
  if (!person) throw new UserError('NOT_FOUND', `人员不存在（编号 ${input.personId}）`);
  const rows = ctx.db
    .prepare(
      `SELECT s.id AS session_id, a.id AS attendance_id, s.name, s.kind, s.host_level, s.host_unit, s.start_date, s.end_date, s.hours,
         a.signed_in, a.score, a.passed, a.makeup_score, a.makeup_passed, a.note
       FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
       WHERE a.person_id = ? ORDER BY s.start_date, s.id`,
    )
    .all(input.personId) as Values[];
  const list = rows.map((r) => fromRow(r, { bools: ['signedIn', 'passed', 'makeupPassed'] }));
  const hours = list.filter((r) => r.signedIn).reduce((sum, r) => sum + Number(r.hours ?? 0), 0);
  const totalHours = Math.round(hours * 100) / 100; // 1.5 + 0.1 + … without float noise
  return {
    personId: input.personId,
    personName: person.name,
    sessions: list,
    totalHours,
  } as OutputOf<'training.historyOf'>;
}
