// R4 rows (培训情况统计表), also the 培训情况 sheet of the monthly report: one per session and the
// 合计 over a set of sessions (期次 counted, 人次, 学时 and 合格 summed).
import type { z } from 'zod';
import type { trainingRecord } from '../../schemas/training';
import { percent } from '../../money';
import { TRAINING } from '../layouts/money';
import { labelled, sumOf, type FigureRow } from '../figures';
import type { RowKind } from '../doc';

export type TrainingSession = z.output<typeof trainingRecord>;

const dates = (s: TrainingSession) => (s.startDate === s.endDate ? s.startDate : `${s.startDate}至${s.endDate}`);

export function trainingRow(s: TrainingSession, seq: number): FigureRow {
  return {
    kind: 'item',
    values: {
      seq,
      name: s.name,
      kind: s.kind,
      hostUnit: s.hostUnit ?? null,
      dates: dates(s),
      location: s.location ?? null,
      batch: s.batch ?? null,
      hours: s.hours ?? null,
      attendees: s.signedInCount,
      enumerators: s.enumeratorCount,
      supervisors: s.supervisorCount,
      thirdParty: s.thirdPartyCount,
      liaisons: s.liaisonCount,
      instructor: s.instructor ?? null,
      examMethod: s.examMethod ?? null,
      examined: s.examinedCount,
      passed: s.passedCount,
      passRate: s.passRate ?? null,
      cost: s.cost,
      note: s.note ?? null,
    },
  };
}

/** The columns a 合计 row sums as they are (学时 is summed apart, to two decimals). */
export const TRAINING_SUMMED = [
  'attendees',
  'enumerators',
  'supervisors',
  'thirdParty',
  'liaisons',
  'examined',
  'passed',
  'cost',
] as const;

/** 合计 (or 累计) over sessions: 期次 is how many sessions, 学时 summed to two decimals. */
export function trainingTotal(sessions: readonly TrainingSession[], kind: RowKind, label: string): FigureRow {
  const rows = sessions.map((s, i) => trainingRow(s, i + 1));
  const values: FigureRow['values'] = { batch: `${sessions.length}期` };
  for (const key of TRAINING_SUMMED) values[key] = sumOf(rows, key) ?? 0;
  const hours = sumOf(rows, 'hours');
  values.hours = hours === null ? null : Math.round(hours * 100) / 100;
  values.passRate = percent(Number(values.passed), Number(values.examined), 1);
  return labelled(TRAINING, kind, label, values);
}
