// Every import kind has its screen's address under the page its records belong to, and the
// address leads back to exactly that import; the list it returns to is that kind's tab.
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../core/imports/kinds';
import { parseHash } from '../../renderer/router/hash';
import {
  importHref,
  importTargetOf,
  importTitle,
  kindText,
  listHref,
  type ImportTarget,
} from '../../renderer/pages/imports/importTargets';

const targets: ImportTarget[] = IMPORT_KINDS.map((kind) =>
  kind === 'attendance' ? { kind, trainingId: 7 } : { kind },
);

describe('import routes', () => {
  it('gives each kind its address', () => {
    expect(Object.fromEntries(targets.map((t) => [t.kind, importHref(t)]))).toEqual({
      person: '#/people/import',
      township: '#/regions/import/township',
      village: '#/regions/import/village',
      district: '#/regions/import/district',
      agency: '#/contracts/import/agency',
      contract: '#/contracts/import/contract',
      budgetItem: '#/budget/import',
      attendance: '#/training/7/import',
      archive: '#/records/import/archive',
      groupMember: '#/organisation/import/groupMember',
      publicity: '#/organisation/import/publicity',
      device: '#/organisation/import/device',
      problem: '#/quality/import/problem',
    });
  });

  it.each(targets.map((t) => [t.kind, t] as const))(
    '%s: the address leads back to the same import',
    (_kind, target) => {
      expect(importTargetOf(parseHash(importHref(target)).path)).toEqual(target);
    },
  );

  it('names no import for other addresses, or a kind of another page', () => {
    for (const hash of [
      '#/people',
      '#/people/12',
      '#/regions/import',
      '#/regions/import/agency',
      '#/contracts/import/village',
      '#/contracts/12',
      '#/training/0/import',
      '#/training/x/import',
      '#/budget/import/x',
      '#/people/import/extra',
      '#/dashboard',
    ]) {
      expect(importTargetOf(parseHash(hash).path), hash).toBeNull();
    }
  });

  it('returns to the list of the kind, on its tab, and says what it imports', () => {
    expect(listHref({ kind: 'village' })).toBe('#/regions?tab=villages');
    expect(listHref({ kind: 'agency' })).toBe('#/contracts?tab=agencies');
    expect(listHref({ kind: 'budgetItem' })).toBe('#/budget?tab=items');
    expect(listHref({ kind: 'person' })).toBe('#/people');
    expect(listHref({ kind: 'attendance', trainingId: 7 })).toBe('#/training/7');
    expect(listHref({ kind: 'publicity' })).toBe('#/organisation?tab=publicity');
    expect(listHref({ kind: 'device' })).toBe('#/organisation?tab=devices');
    expect(importTitle({ kind: 'person' })).toBe('导入人员花名册');
    expect(importTitle({ kind: 'contract' })).toBe('导入合同及履约节点');
    for (const t of targets) expect(kindText(t).noun).not.toBe('');
  });
});
