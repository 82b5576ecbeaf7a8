// The idle lock is per session (issue 15 item 6): a session left locked stays locked when the same
// operator logs in elsewhere, and requests in one session do not keep another awake. Over HTTP,
// where each login is a session of its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../backend/transports/http';
import { PASSWORD, sandbox, staffWorkspace, type Sandbox } from './fixtures';

let clock = Date.parse('2018-06-01T08:00:00Z');
let box: Sandbox;
let server: Awaited<ReturnType<typeof startHttpServer>>;

beforeEach(async () => {
  clock = Date.parse('2018-06-01T08:00:00Z');
  box = sandbox({ clock: () => clock });
  await staffWorkspace(box.b);
  server = await startHttpServer({ backend: box.b, staticDir: box.dir });
});
afterEach(async () => {
  await server.close();
  box.dispose();
});

async function post(method: string, body: unknown, session?: string) {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-CensusDesk-Token': server.token,
      ...(session ? { 'X-CensusDesk-Session': session } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; error?: { code: string } };
  return { code: json.ok ? 'ok' : json.error!.code, session: res.headers.get('X-CensusDesk-Session') };
}

async function login(name: string, from?: string): Promise<string> {
  const r = await post('session.login', { name, password: PASSWORD }, from);
  expect(r.code).toBe('ok');
  return r.session!;
}

const list = async (session: string) => (await post('township.list', {}, session)).code;

describe('the idle lock holds per session', () => {
  it('a login elsewhere does not unlock a locked session; a login from it does', async () => {
    const a = await login('clerk');
    const b = await login('clerk');
    expect(await post('session.lock', {}, a)).toMatchObject({ code: 'ok' });
    expect(await list(a)).toBe('IDLE_LOCKED');
    expect(await list(b)).toBe('ok');
    // The same operator logs in on another tab or PC: the locked one stays locked.
    const c = await login('clerk');
    expect(await list(c)).toBe('ok');
    expect(await list(a)).toBe('IDLE_LOCKED');
    // The lock screen of the locked page logs in from that session: a new, unlocked one.
    const a2 = await login('clerk', a);
    expect(await list(a2)).toBe('ok');
    expect(await list(a)).toBe('UNAUTHENTICATED');
  });

  it('activity in one session does not keep another awake', async () => {
    const admin = await login('admin');
    expect((await post('safety.saveSettings', { idleLockMinutes: 10 }, admin)).code).toBe('ok');
    const a = await login('clerk');
    const b = await login('clerk');
    expect(await list(a)).toBe('ok');
    clock += 6 * 60_000;
    expect(await list(b)).toBe('ok');
    clock += 6 * 60_000;
    expect(await list(b)).toBe('ok');
    expect(await list(a)).toBe('IDLE_LOCKED');
  });
});
