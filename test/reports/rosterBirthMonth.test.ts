// Issue #15: the roles that may not reveal get no 出生日期 beside a masked 公民身份号码 — R1 花名册's
// 出生年月 too. Exported through report.export and read back with SheetJS: 录入员 and 只读 (who may
// not reveal by default) get the year alone (1985.**) beside the masked number; 管理员 the month,
// masked export or full.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallCtx } from '../../backend/context';
import type { OperatorRole } from '../../core/enums';
import { ROSTER } from '../../core/reports/layouts/people';
import type { TestBackend } from '../helpers/backend';
import { demoBackend, exportReport, nowCtx, sheetsOf } from './helpers';

let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend();
}, 60_000);
afterAll(() => b?.dispose());

const as = (role: OperatorRole): CallCtx => ({
  ...nowCtx,
  unmasked: false,
  operator: { id: null, name: `${role}甲`, role },
});
const col = (key: string) => ROSTER.columns.findIndex((c) => c.key === key);

/** The roster's body rows: 出生年月 and 公民身份号码 of each person. */
async function roster(ctx: CallCtx, fullSensitive = false) {
  const out = await exportReport(b, { reportId: 'R1', fullSensitive }, ctx);
  const grid = sheetsOf(out.bytes).grid(ROSTER.sheetName);
  const people = (b.db.prepare('SELECT count(*) FROM people').pluck().get() as number) || 0;
  const body = grid.filter((r) => /^\d{4}\./.test(String(r[col('birthMonth')] ?? '')));
  expect(body.length).toBe(people);
  return body.map((r) => ({ month: String(r[col('birthMonth')]), id: String(r[col('idNumber')]) }));
}

describe('R1 出生年月 beside a masked number', { timeout: 180_000 }, () => {
  it.each(['录入员', '只读'] as const)('%s gets the birth year only', async (role) => {
    const rows = await roster(as(role));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.id).toContain('*');
      expect(r.month).toMatch(/^\d{4}\.\*\*$/);
    }
  });

  it('管理员 gets the year and month, masked export or full', async () => {
    for (const full of [false, true]) {
      const rows = await roster(as('管理员'), full);
      for (const r of rows) expect(r.month).toMatch(/^\d{4}\.\d{2}$/);
      expect(rows.every((r) => r.id.includes('*'))).toBe(!full);
    }
  });
});
