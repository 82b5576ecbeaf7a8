// The demo county's 质量核查 records and ledger: the latest period takes columns 13–14 from the
// records without breaking the "never fall" rule, and the dashboard has true things to say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBackend } from '../../reports/helpers';
import { type TestBackend } from '../../helpers/backend';
import { callsAt } from '../../helpers/callsAt';

const NOW = new Date('2018-11-30T10:00:00+08:00');
let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend(NOW);
}, 120_000);
afterAll(() => b.dispose());

const { ok } = callsAt(
  () => b,
  () => NOW,
);

describe('the demo county', () => {
  it('takes November’s columns 13–14 from its quality records, and they never fall below October’s', async () => {
    const feed = await ok('quality.feed', { period: '2018-11' });
    expect(feed.source).toBe('质量核查');
    expect(feed.sampled).toBeGreaterThan(0);
    const t = await ok('progress.get', { period: '2018-11' });
    expect(t.violations.filter((v) => v.column === 'c13' || v.column === 'c14')).toEqual([]);
    const total = t.rows.find((r) => r.computed)!;
    const inTotal = feed.rows.filter((r) => t.rows.find((x) => x.rowCode === r.rowCode)?.inTotal);
    expect(total.c13).toBe(inTotal.reduce((n, r) => n + r.sampled, 0));
    expect((await ok('quality.feed', { period: '2018-10' })).source).toBe('填报');
  });

  it('has a ledger with an overdue 督办件 and records above the threshold on the dashboard', async () => {
    const checks = new Map((await ok('dashboard.checks', {})).checks.map((c) => [c.id, c]));
    expect(checks.get('problemsOverdue')!.count).toBeGreaterThanOrEqual(1);
    expect(checks.get('qualityAboveThreshold')!.count).toBeGreaterThanOrEqual(1);
    const draft = await ok('problem.draft', { period: '2018-11' });
    expect(draft.text).toContain('【督办件】');
    expect(draft.text).toContain('【审核退回】');
  });
});
