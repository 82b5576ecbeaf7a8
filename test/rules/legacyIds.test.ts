// domain.md §9.2: a 15-digit legacy 公民身份号码 is a warning, not an error. The form, the person page
// and the roster import already warn (test/e2e/person-warnings.spec.ts, test/imports); what was
// missing is the office-wide view: the people list's filter and a dashboard check whose count is
// that list's total.
import { describe, expect, it } from 'vitest';
import type { DashboardCheck } from '../../core/schemas/dashboard';
import { legacyIdTo18 } from '../../core/validate/idNumber';
import { tempBackendEachTest } from '../helpers/eachTest';
import { addPerson, setOffice } from '../backend/budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

describe('15-digit legacy IDs', () => {
  it('are saved, listed by the people filter and counted by a dashboard warning', async () => {
    const old = await b.ok('person.create', { name: '老张', roles: ['普查员'], idNumber: '511323500101011' });
    expect(old.idNumber).toBe('511323500101011');
    await addPerson(b, '小李', ['普查员']);
    const legacy = await b.ok('person.list', { filters: { legacyId: true } });
    expect(legacy.rows.map((p) => p.name)).toEqual(['老张']);
    expect((await b.ok('person.list', { filters: { legacyId: false } })).rows.map((p) => p.name)).toEqual(['小李']);
    const checks = (await b.ok('dashboard.checks', {})).checks as DashboardCheck[];
    const check = checks.find((c) => c.id === 'legacyIdNumbers')!;
    expect(check).toMatchObject({
      title: '公民身份号码为15位旧号码的人员',
      count: legacy.total,
      severity: 'warning',
      link: { method: 'person.list', filters: { legacyId: true } },
    });
    // Replaced by its 18-digit form: off the list and the dashboard.
    await b.ok('person.update', { id: old.id, idNumber: legacyIdTo18('511323500101011') });
    expect((await b.ok('person.list', { filters: { legacyId: true } })).total).toBe(0);
    const after = (await b.ok('dashboard.checks', {})).checks as DashboardCheck[];
    expect(after.find((c) => c.id === 'legacyIdNumbers')!.count).toBe(0);
  });
});
