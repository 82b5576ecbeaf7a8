// A city or province office for the consolidation tests, with reports filed straight into
// received_reports from UnitSummary objects (the intake files them the same way; its own tests
// take real workbooks in). Summaries are made of varied figures so a wrong sum shows.
import { createHash } from 'node:crypto';
import { adminCtx, type TestBackend } from '../../helpers/backend';
import type { CallCtx } from '../../../backend/context';
import type { InputOf, MethodName, OutputOf } from '../../../core/api';
import { ENTERED_COLUMNS, DEFAULT_PROGRESS_CATEGORIES } from '../../../core/progressRules';
import {
  BUDGET_KEYS,
  CONTRACT_KEYS,
  STAFF_KEYS,
  SUMMARY_FORMAT,
  TRAINING_KEYS,
  type UnitSummary,
} from '../../../core/reports/city/summary';

export const at = (iso: string): CallCtx => ({ ...adminCtx, now: () => new Date(iso) });
export const PERIOD = '2018-10';
export const EXPORT_AT = '2018-11-10T10:00:00+08:00';

/** A call that must succeed, its answer typed by the contract. */
export async function call<M extends MethodName>(
  b: TestBackend,
  method: M,
  input: InputOf<M>,
  ctx: CallCtx,
): Promise<OutputOf<M>> {
  const r = await b.dispatch(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as OutputOf<M>;
}

/** A fresh city or province office with its units (the one set-up test/city uses). */
export { officeBackend as office } from '../../city/office';

/** A county's summary with figures derived from `k` (1, 2, 3…), some empty, some overdue work. */
export function countySummary(code: string, name: string, k: number, version = 1): UnitSummary {
  const progress: UnitSummary['progress'] = {};
  for (const c of DEFAULT_PROGRESS_CATEGORIES) {
    const n = Number(c.rowCode);
    const values = Object.fromEntries(
      ENTERED_COLUMNS.map((col, j) => [col, col === 'c14' && k % 2 ? null : k * 100 + n * 7 + j * 3]),
    ) as UnitSummary['progress'][string]['values'];
    values.c6 = values.c2! + 50;
    progress[c.rowCode] = { name: c.name, values, note: n === 3 && k === 2 ? '关停两家' : null };
  }
  const staff = Object.fromEntries(STAFF_KEYS.map((key, j) => [key, k * 10 + j])) as UnitSummary['staff'];
  const budget = { budget: k * 1_234_567, allocated: k * 1_000_000, spent: k * 345_678, balance: 0 };
  budget.balance = budget.budget - budget.spent;
  const training = (m: number) => ({
    sessions: k * m,
    hours: k === 3 ? null : k * m * 1.5,
    ...(Object.fromEntries(TRAINING_KEYS.map((key, j) => [key, key === 'cost' ? k * m * 12_345 : k * m + j])) as Record<
      (typeof TRAINING_KEYS)[number],
      number
    >),
  });
  const contracts = {
    contracts: k,
    ...(Object.fromEntries(CONTRACT_KEYS.map((key, j) => [key, k * (j + 1) * 1000])) as Record<
      (typeof CONTRACT_KEYS)[number],
      number
    >),
  };
  contracts.unpaid = contracts.amount - contracts.paid;
  contracts.nodeCount = k * 4;
  contracts.nodesDone = k * 2;
  contracts.overdue = k % 2;
  void BUDGET_KEYS;
  return {
    format: SUMMARY_FORMAT,
    unitCode: code,
    unitName: name,
    level: '县',
    period: PERIOD,
    version,
    progress,
    staff,
    budget,
    training: { period: training(1), cumulative: training(3) },
    contracts,
    overdue:
      k % 2
        ? [
            {
              unitCode: code,
              unitName: name,
              viaName: null,
              seq: 4,
              point: '清查',
              title: `${name}清查底册核对`,
              deadline: '2018-09-30',
              completedDate: null,
              progressNote: '人手不足',
            },
          ]
        : [],
    texts: { mainWork: `${name}本期完成入户${k * 100}户`, problems: null, nextPlan: '继续入户' },
    works: [
      {
        unitCode: code,
        unitName: name,
        viaName: null,
        mainWork: `${name}本期完成入户${k * 100}户`,
        problems: null,
        nextPlan: '继续入户',
      },
    ],
  };
}

/** Files a summary as intake does: an intake_files row and a received_reports row (replacing the older). */
export function file(b: TestBackend, s: UnitSummary, receivedAt = '2018-11-04T02:00:00.000Z'): number {
  const db = b.db;
  const hash = createHash('sha256').update(`${s.unitCode}-${s.version}-${receivedAt}`).digest('hex');
  const fileId = Number(
    db
      .prepare(
        `INSERT INTO intake_files (file_name, size, sha256, bytes, outcome, unit_code, period, version, received_at)
         VALUES (?, 1, ?, NULL, ?, ?, ?, ?, ?)`,
      )
      .run(`${s.unitName}.xlsx`, hash, s.version === 1 ? '新收' : '新版本', s.unitCode, s.period, s.version, receivedAt)
      .lastInsertRowid,
  );
  const id = Number(
    db
      .prepare(
        `INSERT INTO received_reports (unit_code, period, version, level, export_uid, digest, digest_ok, file_id,
           summary_json, received_at, generated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(
        s.unitCode,
        s.period,
        s.version,
        s.level === '县' ? '县' : '市',
        `uid-${hash.slice(0, 8)}`,
        hash,
        fileId,
        JSON.stringify(s),
        receivedAt,
        receivedAt,
      ).lastInsertRowid,
  );
  db.prepare(
    'UPDATE received_reports SET replaced_by = ? WHERE unit_code = ? AND period = ? AND id <> ? AND replaced_by IS NULL',
  ).run(id, s.unitCode, s.period, id);
  return id;
}
