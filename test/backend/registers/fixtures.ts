// A small county for the coverage and 保密 tests: office profile, one township, four villages.
import type { DashboardCheck } from '../../../core/schemas/dashboard';
import { adminCtx, tempBackend, type TestBackend } from '../../helpers/backend';
import { setOffice } from '../budgetFixtures';

export const NOW = new Date('2018-06-15T09:00:00');

export async function smallCounty() {
  const b = tempBackend();
  setOffice(b.db);
  const t = await b.ok('township.create', { code: '511323100', name: '相如镇' });
  const villages = [];
  for (const [code, name] of [
    ['511323100001', '城东社区'],
    ['511323100201', '白鹤村'],
    ['511323100202', '油房村'],
    ['511323100203', '金溪村'],
  ])
    villages.push(await b.ok('village.create', { townshipId: t.id, code, name }));
  return { b, townshipId: t.id, villages };
}

/** The dashboard's checks by id, on the test's day. */
export async function checks(b: TestBackend): Promise<Map<string, DashboardCheck>> {
  const r = await b.dispatch('dashboard.checks', {}, { ...adminCtx, now: () => NOW });
  if (!r.ok) throw new Error(r.error.message);
  return new Map((r.data as { checks: DashboardCheck[] }).checks.map((c) => [c.id, c]));
}

/** The total of the list a check opens, called as the page calls it. */
export async function linkedTotal(b: TestBackend, c: DashboardCheck): Promise<number> {
  const r = await b.dispatch(
    c.link!.method,
    { filters: c.link!.filters, pageSize: 1 },
    { ...adminCtx, now: () => NOW },
  );
  if (!r.ok) throw new Error(`${c.id}: ${r.error.message}`);
  return (r.data as { total: number }).total;
}
