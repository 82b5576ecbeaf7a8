// 工作进度 (R2) at the end of @day: each milestone judged then — 已完成 if its completion date is on
// or before @day; otherwise its status as it stood then (history), 已逾期 if its deadline had passed
// by then. Milestones added later are left out; the 进展情况 text is the one held then.
import type { Database } from 'better-sqlite3';
import { fromRow } from '../../../db/rows';
import { asOfSql, MILESTONES_HISTORY } from '../../../db/history';
import { milestoneDef } from '../../../db/entities/workplan';
import { milestoneState } from '../../../core/milestones';
import type { Milestone } from '../../../core/reports/rows/workplan';
import type { AsOfParams } from './people';

type Values = Record<string, unknown>;
type SetStatus = '未开始' | '进行中' | '已完成';

const SQL = `SELECT m.id, m.status, m.completed_date, m.deadline, m.progress_note
FROM (${asOfSql(MILESTONES_HISTORY)}) m WHERE NOT m.born_later`;

/** milestone.list's rows at @day, by 序号 (milestones deleted since are left out: their record is gone). */
export function milestonesAsOf(db: Database, at: AsOfParams): Milestone[] {
  const current = new Map(
    (db.prepare(`SELECT * FROM milestones ORDER BY ${milestoneDef.defaultSort}`).all() as Values[]).map((r) => [
      r.id,
      fromRow(r, milestoneDef),
    ]),
  );
  const then = new Map((db.prepare(SQL).all(at) as Values[]).map((r) => [r.id, fromRow(r)]));
  const out: Milestone[] = [];
  for (const [id, own] of current) {
    const m = then.get(id);
    if (!m) continue;
    // The completion date decides (a completion recorded later but dated by then counts).
    const completed = [own.completedDate, m.completedDate].find((d) => d != null && String(d) <= at.day) as
      string | undefined;
    const held = m.status as SetStatus;
    const status: SetStatus = completed ? '已完成' : held === '已完成' ? '进行中' : held;
    const deadline = (m.deadline as string | null) ?? null;
    out.push({
      ...own,
      status,
      deadline,
      completedDate: completed ?? null,
      progressNote: m.progressNote ?? null,
      ...milestoneState(status, deadline, at.day),
    } as unknown as Milestone);
  }
  return out;
}
