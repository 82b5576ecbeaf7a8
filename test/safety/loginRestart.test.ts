// The back-off after failed logins survives closing and reopening the program (issue #15's
// leftovers): anyone at the PC can restart the app, which used to grant five fresh guesses per
// account. An existing operator's count is kept in the data file (login_failures, migration 10);
// unknown names and sessions stay in memory, and nothing typed is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/app';
import type { CallCtx } from '../../backend/context';
import { idFor, PASSWORD, sandbox, staffWorkspace, type Sandbox } from './fixtures';

let box: Sandbox;
let t: number;
beforeEach(async () => {
  box = sandbox();
  await staffWorkspace(box.b);
  t = Date.parse('2026-12-06T08:00:00Z');
});
afterEach(() => box.dispose());

const at = (session: string): CallCtx => ({ operator: null, now: () => new Date(t), session, checkOutput: true });
const login = (name: string, password: string, session = 'win1') =>
  box.b.dispatch('session.login', { name, password }, at(session));
const codeOf = async (r: ReturnType<typeof login>) => {
  const x = await r;
  return x.ok ? 'OK' : x.error.code;
};
/** Closes the program and opens the same data file again: a fresh process's memory. */
function restart() {
  box.b.close();
  box.b = openBackend(box.dataPath, { backupDir: box.backupDir });
}

describe('login back-off across a restart', () => {
  it('keeps an account waiting after the program is closed and opened again', async () => {
    for (let i = 0; i < 5; i++) expect(await codeOf(login('clerk', 'wrong-pass', `s${i}`))).toBe('LOGIN_FAILED');
    restart();
    // A new window after the restart, the right password: still the account's wait.
    const r = await login('clerk', PASSWORD, 'after-restart');
    expect(!r.ok && r.error).toMatchObject({ code: 'LOGIN_THROTTLED', message: expect.stringContaining('30秒') });
    t += 31_000;
    expect(await codeOf(login('clerk', 'wrong-again', 'w2'))).toBe('LOGIN_FAILED');
    restart();
    const longer = await login('clerk', PASSWORD, 'w3');
    expect(!longer.ok && longer.error.message).toContain('请在60秒后再试');
    t += 61_000;
    expect(await codeOf(login('clerk', PASSWORD, 'w3'))).toBe('OK');
    // A success clears the stored count: after another restart five failures are free again.
    restart();
    expect(box.b.db.prepare('SELECT count(*) FROM login_failures').pluck().get()).toBe(0);
    for (let i = 0; i < 5; i++) expect(await codeOf(login('clerk', 'wrong-pass', `x${i}`))).toBe('LOGIN_FAILED');
  });

  it('stores operator ids only, never a name as typed; unknown names are counted in memory', async () => {
    for (let i = 0; i < 3; i++) await login('viewer', 'wrong-pass', `v${i}`);
    for (let i = 0; i < 5; i++) await login('secret-typed-in-name-box', 'x', `u${i}`);
    const rows = box.b.db.prepare('SELECT * FROM login_failures').all() as Record<string, unknown>[];
    const viewerId = box.b.db.prepare(`SELECT id FROM operators WHERE name = 'viewer'`).pluck().get();
    expect(rows).toEqual([expect.objectContaining({ operator_id: viewerId, failures: 3 })]);
    expect(JSON.stringify(rows)).not.toContain('secret');
  });

  it('forgets a count left alone for an hour, as in memory', async () => {
    for (let i = 0; i < 6; i++) await login('admin', 'wrong-pass', `a${i}`);
    restart();
    t += 61 * 60_000;
    expect(await codeOf(login('admin', PASSWORD, 'later'))).toBe('OK');
  });
});

describe('complete-number lookups across a restart', () => {
  it('count the day’s audited lookups: reopening the program grants no fresh 60', async () => {
    const viewer = box.b.db.prepare(`SELECT id, name, role FROM operators WHERE name = 'viewer'`).get() as {
      id: number;
      name: string;
      role: '只读';
    };
    const lookup = (n: number, session: string) =>
      box.b.dispatch('person.list', { q: idFor(n) }, { ...at(session), operator: viewer });
    // 60 a day per operator, 10 per session: six sessions' worth.
    for (let i = 0; i < 60; i++) expect(await codeOf(lookup(i, `s${Math.floor(i / 10)}`))).toBe('OK');
    expect(await codeOf(lookup(60, 'fresh'))).toBe('LOOKUP_LIMIT');
    restart();
    const r = await lookup(61, 'after-restart');
    expect(!r.ok && r.error).toMatchObject({
      code: 'LOOKUP_LIMIT',
      message: expect.stringContaining('每人每天最多60次'),
    });
    // A day later the count has run out.
    t += 24 * 60 * 60_000 + 1000;
    expect(await codeOf(lookup(62, 'next-day'))).toBe('OK');
  });
});
