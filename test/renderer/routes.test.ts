// Every dashboard check leads somewhere: its list method maps to a page, its filters survive the
// trip through the address, and each filter reads in words on the list it lands on.
import { describe, expect, it } from 'vitest';
import { LIST_CHECKS } from '../../backend/dashboardChecks';
import { checkHref } from '../../renderer/router/checkLinks';
import { encodeFilters, filtersOf, href, parseHash } from '../../renderer/router/hash';
import { filterText } from '../../renderer/lists/filterLabels';

describe('routes', () => {
  it('parses and builds addresses', () => {
    expect(parseHash('')).toEqual({ path: ['dashboard'], query: {} });
    expect(parseHash('#/regions/district/5?tab=x')).toEqual({
      path: ['regions', 'district', '5'],
      query: { tab: 'x' },
    });
    expect(href('/people', { tab: undefined, f: '' })).toBe('#/people');
    const f = { role: '普查员', hasSupervisor: false, townshipId: 3, empty: null };
    expect(filtersOf(parseHash(href('/people', { f: encodeFilters(f) })))).toEqual({
      role: '普查员',
      hasSupervisor: false,
      townshipId: 3,
    });
    expect(filtersOf({ query: { f: 'not json' } })).toEqual({});
  });

  it.each(LIST_CHECKS.map((c) => [c.id, c] as const))(
    'dashboard check %s opens its list with its filters',
    (_id, check) => {
      const target = checkHref({ method: check.method, filters: check.filters });
      expect(target).not.toBeNull();
      expect(filtersOf(parseHash(target!))).toEqual(check.filters);
      for (const [key, value] of Object.entries(check.filters)) {
        const text = filterText(key, value);
        expect(text, `${key}=${String(value)}`).not.toContain(key);
      }
    },
  );

  it('opens this period’s progress table', () => {
    expect(parseHash(checkHref({ method: 'progress.get', filters: { period: '2018-06' } })!)).toEqual({
      path: ['progress'],
      query: { tab: 'figures', period: '2018-06' },
    });
  });
});
