// The data package over HTTP, as browser mode moves it: downloaded as base64 by a 管理员, uploaded
// on the new PC's first run before anyone can log in — and refused without a session once the data
// has operators.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempBackend, type TestBackend } from '../helpers/backend';
import { startHttpServer, type HttpServer } from '../../backend/transports/http';

interface Answer {
  status: number;
  session: string | null;
  json: { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } };
}

const office = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县污普办',
};

let servers: { b: TestBackend; s: HttpServer }[] = [];
async function server() {
  const b = tempBackend();
  const s = await startHttpServer({ backend: b, staticDir: b.dir });
  servers.push({ b, s });
  const post = async (method: string, input: unknown, session?: string): Promise<Answer> => {
    const res = await fetch(`http://127.0.0.1:${s.port}/api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-CensusDesk-Token': s.token,
        ...(session ? { 'X-CensusDesk-Session': session } : {}),
      },
      body: JSON.stringify(input),
    });
    return {
      status: res.status,
      session: res.headers.get('X-CensusDesk-Session'),
      json: (await res.json()) as Answer['json'],
    };
  };
  return { b, post };
}
beforeEach(() => {
  servers = [];
});
afterEach(async () => {
  for (const { b, s } of servers) {
    await s.close();
    b.dispose();
  }
});

describe('the data package over HTTP', () => {
  it('old PC: a 管理员 downloads it; new PC: opened before login, then the old operators log in', async () => {
    const old = await server();
    const init = await old.post('setup.init', { office, admin: { name: 'admin', password: 'secret123' } });
    const session = init.session!;
    expect((await old.post('township.create', { code: '511323100', name: '相如镇' }, session)).json.ok).toBe(true);
    const pkg = await old.post('package.export', { download: true }, session);
    expect(pkg.json).toMatchObject({ ok: true, data: { path: null, fileName: expect.stringMatching(/\.cdpkg$/) } });

    const fresh = await server();
    const opened = await fresh.post('setup.importPackage', {
      fileName: pkg.json.data!.fileName,
      base64: pkg.json.data!.base64,
    });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ ok: true, data: { restoredFrom: pkg.json.data!.fileName } });
    // No session came with it: the clerk logs in as on the old PC.
    expect(opened.session).toBeNull();
    expect((await fresh.post('setup.status', {})).json.data).toEqual({ hasOffice: true, hasOperators: true });
    const login = await fresh.post('session.login', { name: 'admin', password: 'secret123' });
    const towns = await fresh.post('township.list', {}, login.session!);
    expect(towns.json.data?.total).toBe(1);

    // Now that it has operators: refused without a session, and package.import needs one.
    const again = await fresh.post('setup.importPackage', { fileName: 'x.cdpkg', base64: pkg.json.data!.base64 });
    expect(again.json.error?.code).toBe('ALREADY_INITIALIZED');
    const anonymous = await fresh.post('package.import', { fileName: 'x.cdpkg', base64: pkg.json.data!.base64 });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect((await fresh.post('township.list', {}, login.session!)).json.data?.total).toBe(1);
  });

  it('a 管理员 opens an uploaded package in a running workspace and stays logged in when the operators match', async () => {
    const one = await server();
    const session = (await one.post('setup.init', { office, admin: { name: 'admin', password: 'secret123' } }))
      .session!;
    const pkg = (await one.post('package.export', { download: true }, session)).json.data!;
    expect((await one.post('township.create', { code: '511323100', name: '相如镇' }, session)).json.ok).toBe(true);
    const r = await one.post('package.import', { fileName: pkg.fileName, base64: pkg.base64 }, session);
    expect(r.json).toMatchObject({ ok: true, data: { restoredFrom: pkg.fileName, safetyCopy: { reason: '恢复前' } } });
    expect((await one.post('township.list', {}, session)).json.data?.total).toBe(0);
  });
});
