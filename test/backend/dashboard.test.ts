// The dashboard on the demo county: every list check's count is the total of the list it links to,
// and the counts move when the clerk fixes what they point at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBackend } from '../reports/helpers';
import type { DashboardCheck } from '../../core/schemas/dashboard';
import { type TestBackend, adminCtx } from '../helpers/backend';

const NOW = new Date('2026-11-30T09:00:00');
let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend(NOW);
}, 120_000);
afterAll(() => b.dispose());

async function checks(): Promise<Map<string, DashboardCheck>> {
  const r = await b.dispatch('dashboard.checks', {}, { ...adminCtx, now: () => NOW });
  if (!r.ok) throw new Error(r.error.message);
  return new Map((r.data as { checks: DashboardCheck[] }).checks.map((c) => [c.id, c]));
}

describe('dashboard checks', () => {
  it('count exactly what the linked list shows', async () => {
    for (const c of (await checks()).values()) {
      if (!c.link || !c.link.method.endsWith('.list')) continue;
      const r = await b.dispatch(
        c.link.method,
        { filters: c.link.filters, pageSize: 1000 },
        { ...adminCtx, now: () => NOW },
      );
      if (!r.ok) throw new Error(`${c.id}: ${r.error.message}`);
      expect((r.data as { total: number }).total, c.id).toBe(c.count);
    }
  });

  it('find the gaps the demo county was given', async () => {
    const c = await checks();
    expect(c.get('townshipsWithoutLiaison')!.count).toBe(0);
    expect(c.get('villagesWithoutLiaison')!.count).toBe(10);
    expect(c.get('districtsUnassigned')!.count).toBe(4);
    expect(c.get('enumeratorsWithoutSupervisor')!.count).toBe(3);
    expect(c.get('contractsNotPublished')!.count).toBe(1);
    expect(c.get('contractsOverdueNodes')!.count).toBe(1);
    expect(c.get('budgetMissingLines')!).toMatchObject({ count: 0, items: [] });
    expect(c.get('untrained:普查员')!.count).toBe(1);
    expect(c.get('notPassed:普查员')!.count).toBe(1);
    expect(c.get('untrained:普查员')!.severity).toBe('error'); // the training deadline has passed
    expect(c.get('periodReport')!).toMatchObject({ count: 1, severity: 'warning' });
  });

  it('moves when the clerk fixes something', async () => {
    const before = (await checks()).get('villagesWithoutLiaison')!.count;
    const village = (await b.ok('village.list', { filters: { withoutLiaison: true }, pageSize: 1 })).rows[0];
    // Written on the test's own day, as every call here is: nothing depends on the machine's date.
    const created = await b.dispatch(
      'person.create',
      {
        name: '测试联络员',
        roles: ['村(居)联络员'],
        idNumber: '11010519491231002X',
        townshipId: village.townshipId,
        villageId: village.id,
      },
      { ...adminCtx, now: () => NOW },
    );
    expect(created.ok).toBe(true);
    expect((await checks()).get('villagesWithoutLiaison')!.count).toBe(before - 1);
  });
});
