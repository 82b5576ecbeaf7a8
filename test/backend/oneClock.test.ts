// One clock (submission.md §1): "today" is the clock the backend is given — no view, query or
// handler reads the machine's own. The demo county as it stood on 30 November 2018 gives the same
// dashboard and the same reminder lists whether the machine's clock says 2026 or 2099.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardCheck } from '../../core/schemas/dashboard';
import { adminCtx, type TestBackend } from '../helpers/backend';
import { demoBackend, NOW } from '../reports/helpers';

const pinned = { ...adminCtx, now: () => NOW };

async function dashboard(b: TestBackend) {
  const r = await b.dispatch('dashboard.checks', {}, pinned);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as { asOf: string; period: string; checks: DashboardCheck[] };
}

/** What the reminder lists say: overdue nodes, unpublished and unfiled contracts, ended without acceptance. */
async function reminders(b: TestBackend) {
  const out: Record<string, number> = {};
  for (const [name, method, filters] of [
    ['overdueNodes', 'contractNode.list', { overdue: true }],
    ['overdueContracts', 'contract.list', { overdue: true }],
    ['notPublished', 'contract.list', { notPublished: true }],
    ['notFiled', 'contract.list', { notFiled: true }],
    ['ended', 'contract.list', { endedWithoutAcceptance: true }],
    ['overdueMilestones', 'milestone.list', { overdue: true }],
  ] as const) {
    const r = await b.dispatch(method, { filters, pageSize: 1 }, pinned);
    if (!r.ok) throw new Error(r.error.message);
    out[name] = (r.data as { total: number }).total;
  }
  return out;
}

const disposables: TestBackend[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const b of disposables.splice(0)) b.dispose();
});

describe('one clock', () => {
  it('gives the same dashboard and reminders with the machine clock far in the future', async () => {
    const real = await demoBackend();
    disposables.push(real);
    const expected = { board: await dashboard(real), lists: await reminders(real) };
    // The demo's story on 30 November 2018: one contract's node is overdue, one was never published.
    const byId = new Map(expected.board.checks.map((c) => [c.id, c.count]));
    expect(byId.get('contractsOverdueNodes')).toBe(1);
    expect(byId.get('contractsNotPublished')).toBe(1);
    expect(expected.board.asOf).toBe('2018-11-30');
    expect(expected.lists.overdueNodes).toBe(1);

    // A fresh copy (the dashboard keeps its last answer per connection), read with the machine
    // believing it is 2099: SQLite's date('now') would make every open node overdue.
    const future = await demoBackend();
    disposables.push(future);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2099-06-01T12:00:00+08:00'));
    expect(new Date().getFullYear()).toBe(2099);
    expect({ board: await dashboard(future), lists: await reminders(future) }).toEqual(expected);
  }, 120_000);

  it('has no view that reads the machine clock', async () => {
    const b = await demoBackend();
    disposables.push(b);
    const views = b.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'view'`).all() as {
      name: string;
      sql: string;
    }[];
    expect(views.length).toBeGreaterThan(10);
    for (const v of views)
      expect(v.sql, v.name).not.toMatch(/'now'|current_date|current_time|current_timestamp|unixepoch\(\s*\)/i);
  });

  it('stamps rows with the caller’s clock, not the machine’s', async () => {
    const b = await demoBackend();
    disposables.push(b);
    const r = await b.dispatch('township.list', { pageSize: 1 }, pinned);
    if (!r.ok) throw new Error(r.error.message);
    const t = (r.data as { rows: { id: number }[] }).rows[0];
    const at = new Date('2019-02-03T09:30:00+08:00');
    const u = await b.dispatch('township.update', { id: t.id, note: '改' }, { ...adminCtx, now: () => at });
    if (!u.ok) throw new Error(u.error.message);
    expect((u.data as { updatedAt: string }).updatedAt).toBe(at.toISOString());
  });
});
