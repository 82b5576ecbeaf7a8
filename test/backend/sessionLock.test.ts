// session.lock: the page locked itself for idleness, and the backend holds the operator locked too,
// so a reload of the page cannot get round the lock screen; only that operator's login unlocks.
import { afterEach, describe, expect, it } from 'vitest';
import { tempBackend, type TestBackend } from '../helpers/backend';

const office = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县污普办',
};
let b: TestBackend;
afterEach(() => b.dispose());

describe('session.lock', () => {
  it('locks the caller until they log in again, without touching the data', async () => {
    b = tempBackend();
    const admin = await b.ok('setup.init', { office, admin: { name: 'admin', password: 'secret123' } });
    const as = { operator: admin };
    expect((await b.dispatch('township.list', {}, as)).ok).toBe(true);
    const before = b.snapshot();
    expect(await b.dispatch('session.lock', {}, as)).toEqual({ ok: true, data: null });
    expect(b.snapshot()).toEqual(before);
    const refused = await b.dispatch('township.list', {}, as);
    expect(refused.ok ? null : refused.error.code).toBe('IDLE_LOCKED');
    // Public methods still answer (the login page needs them); a wrong password does not unlock.
    expect((await b.dispatch('session.current', {}, as)).ok).toBe(true);
    expect((await b.dispatch('session.login', { name: 'admin', password: 'wrong-one' }, { operator: null })).ok).toBe(
      false,
    );
    expect((await b.dispatch('township.list', {}, as)).ok).toBe(false);
    expect((await b.dispatch('session.login', { name: 'admin', password: 'secret123' }, { operator: null })).ok).toBe(
      true,
    );
    expect((await b.dispatch('township.list', {}, as)).ok).toBe(true);
  });

  it('needs someone logged in', async () => {
    b = tempBackend();
    await b.ok('setup.init', { office, admin: { name: 'admin', password: 'secret123' } });
    const r = await b.dispatch('session.lock', {}, { operator: null });
    expect(r.ok ? null : r.error.code).toBe('UNAUTHENTICATED');
  });
});
