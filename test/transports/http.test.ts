import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempBackend, adminCtx, type TestBackend } from '../helpers/backend';
import { startHttpServer, type HttpServer } from '../../backend/transports/http';
import { CONTENT_SECURITY_POLICY } from '../../backend/transports/security';
import { resolveStatic } from '../../backend/transports/static';
import { SessionStore } from '../../backend/transports/sessions';
import { parseServeArgs, serve } from '../../backend/serve';

let b: TestBackend;
let s: HttpServer;
let staticDir: string;

beforeEach(async () => {
  b = tempBackend();
  staticDir = join(b.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>普查办工作台</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(staticDir, 'assets', 'app.css'), 'body{}');
  // What a traversal would reach: a file next to the static folder.
  writeFileSync(join(b.dir, 'package.json'), '{"name":"secret"}');
  s = await startHttpServer({ backend: b, staticDir });
});
afterEach(async () => {
  await s.close();
  b.dispose();
});

const office = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县污普办',
};

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, not fetch: fetch would normalise `..` away and forbids setting Host. */
function raw(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: s.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = (token: string | null, session?: string) => ({
  'Content-Type': 'application/json',
  ...(token === null ? {} : { 'X-CensusDesk-Token': token }),
  ...(session ? { 'X-CensusDesk-Session': session } : {}),
});

async function call(method: string, input: unknown, session?: string, token: string | null = s.token) {
  const r = await raw(`/api/${method}`, { method: 'POST', headers: json(token, session), body: JSON.stringify(input) });
  return {
    ...r,
    json: JSON.parse(r.body) as { ok: boolean; data?: unknown; error?: { code: string; message: string } },
  };
}

async function loggedIn(): Promise<string> {
  const init = await call('setup.init', { office, admin: { name: 'admin', password: 'secret123' } });
  expect(init.json.ok).toBe(true);
  const login = await call('session.login', { name: 'admin', password: 'secret123' });
  expect(login.json).toEqual({ ok: true, data: { id: 1, name: 'admin', role: '管理员' } });
  const session = login.headers['x-censusdesk-session'];
  expect(session).toMatch(/^[0-9a-f]{64}$/);
  return session as string;
}

describe('browser-mode HTTP transport', () => {
  it('listens on 127.0.0.1 and prints the token in the fragment', () => {
    expect(s.token).toMatch(/^[0-9a-f]{64}$/);
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/#token=${s.token}`);
  });

  it('refuses API calls without the right token, in Chinese', async () => {
    const none = await call('setup.status', {}, undefined, null);
    expect(none.status).toBe(401);
    expect(none.json).toEqual({
      ok: false,
      error: { code: 'BAD_TOKEN', message: expect.stringContaining('访问令牌无效'), issues: [] },
    });
    const wrong = await call('setup.status', {}, undefined, 'f'.repeat(64));
    expect(wrong.status).toBe(401);
    expect((await call('setup.status', {}, undefined, s.token.slice(0, 10))).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const host = await raw('/api/setup.status', {
      method: 'POST',
      headers: { ...json(s.token), Host: `evil.example:${s.port}` },
      body: '{}',
    });
    expect(host.status).toBe(403);
    expect(JSON.parse(host.body).error.code).toBe('BAD_HOST');
    expect((await raw('/', { headers: { Host: `127.0.0.1:${s.port + 1}` } })).status).toBe(403);
    const origin = await raw('/api/setup.status', {
      method: 'POST',
      headers: { ...json(s.token), Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(origin.status).toBe(403);
    expect(JSON.parse(origin.body).error.code).toBe('BAD_ORIGIN');
    expect(
      (await raw('/api/setup.status', { method: 'POST', headers: { ...json(s.token), Origin: 'null' }, body: '{}' }))
        .status,
    ).toBe(403);
    for (const own of [`http://127.0.0.1:${s.port}`, `http://localhost:${s.port}`]) {
      const ok = await raw('/api/setup.status', {
        method: 'POST',
        headers: { ...json(s.token), Origin: own, Host: own.slice(7) },
        body: '{}',
      });
      expect(ok.status).toBe(200);
    }
  });

  it('needs a session for everything but login and first run', async () => {
    expect((await call('setup.status', {})).json).toEqual({
      ok: true,
      data: { hasOffice: false, hasOperators: false, encrypted: false, locked: false },
    });
    const no = await call('township.list', {});
    expect(no.status).toBe(401);
    expect(no.json.error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录', issues: [] });
    expect((await call('township.list', {}, 'not-a-session')).status).toBe(401);
    expect((await call('session.current', {})).json).toEqual({ ok: true, data: null });
    const bad = await call('session.login', { name: 'admin', password: 'nope' });
    expect(bad.status).toBe(200);
    expect(bad.json.error?.message).toBe('用户名或密码错误');
    expect(bad.headers['x-censusdesk-session']).toBeUndefined();
  });

  it('returns the same data as in-process dispatch, with the operator of the session', async () => {
    const session = await loggedIn();
    await b.ok('township.create', { code: '511323100', name: '相如镇' });
    const input = { q: '相如' };
    const http = await call('township.list', input, session);
    expect(http.status).toBe(200);
    expect(http.json).toEqual(await b.dispatch('township.list', input, adminCtx));
    expect((await call('session.current', {}, session)).json.data).toEqual({ id: 1, name: 'admin', role: '管理员' });
    // Writes are attributed to the session's operator.
    await call('township.create', { code: '511323200', name: '金溪乡' }, session);
    const log = await b.ok('audit.list', { filters: { entity: 'township' } });
    expect(log.rows[0].operatorName).toBe('admin');
    // Domain errors are HTTP 200 with ok:false, and an unknown method is one of them.
    const unknown = await call('nope.nothing', {}, session);
    expect(unknown.status).toBe(200);
    expect(unknown.json.error?.code).toBe('UNKNOWN_METHOD');
    expect((await call('logout-me', {}, session)).json.error?.message).toBe('未知的接口：logout-me');
    await call('session.logout', {}, session);
    expect((await call('township.list', {}, session)).status).toBe(401);
  });

  it('opens a session on first run and ends it when an admin switches the operator off', async () => {
    const init = await call('setup.init', { office, admin: { name: 'admin', password: 'secret123' } });
    const adminSession = init.headers['x-censusdesk-session'] as string;
    expect((await call('session.current', {}, adminSession)).json.data).toMatchObject({ name: 'admin' });
    await call('operator.create', { name: '张三', role: '录入员', password: 'pass1234' }, adminSession);
    const clerk = (await call('session.login', { name: '张三', password: 'pass1234' })).headers[
      'x-censusdesk-session'
    ] as string;
    expect((await call('session.current', {}, clerk)).json.data).toMatchObject({ name: '张三', role: '录入员' });
    await call('operator.update', { id: 2, role: '只读' }, adminSession);
    expect((await call('session.current', {}, clerk)).json.data).toMatchObject({ role: '只读' });
    await call('operator.update', { id: 2, active: false }, adminSession);
    expect((await call('session.current', {}, clerk)).json).toEqual({ ok: true, data: null });
    expect((await call('township.list', {}, clerk)).status).toBe(401);
  });

  it('answers malformed requests with 4xx and Chinese messages', async () => {
    const badJson = await raw('/api/setup.status', { method: 'POST', headers: json(s.token), body: '{"a":' });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error).toEqual({
      code: 'BAD_JSON',
      message: '请求内容不是有效的 JSON',
      issues: [],
    });
    const huge = await raw('/api/setup.status', {
      method: 'POST',
      headers: json(s.token),
      body: Buffer.alloc(21 * 1024 * 1024, 0x20),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toBe(
      '文件过大：导入的文件（以及数据包）不能超过 14 MB，请删去无关的工作表，或分成几个文件导入（请求内容上限 20 MB）',
    );
    const get = await raw('/api/setup.status', { headers: json(s.token) });
    expect(get.status).toBe(405);
    const form = await raw('/api/setup.status', {
      method: 'POST',
      headers: { 'X-CensusDesk-Token': s.token, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    // An empty body is an empty input.
    expect(JSON.parse((await raw('/api/setup.status', { method: 'POST', headers: json(s.token) })).body).ok).toBe(true);
  });

  it('serves the renderer with the right types and security headers on every response', async () => {
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('普查办工作台');
    expect((await raw('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw('/assets/missing.js')).status).toBe(404);
    expect((await raw('/?x=1')).status).toBe(200);
    const responses = [
      index,
      await raw('/assets/app.js'),
      await raw('/nothing'),
      await call('setup.status', {}),
      await call('x', {}, undefined, null),
    ];
    for (const r of responses) {
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('refuses path traversal however it is written', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/assets/../../package.json',
      '/..%5cpackage.json',
      '/%00index.html',
    ]) {
      const r = await raw(path);
      expect([400, 403]).toContain(r.status);
      expect(r.body).not.toContain('secret');
    }
    expect(resolveStatic('/srv/app', '/a/%2e%2e/%2e%2e/etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(resolveStatic('/srv/app', '/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
    expect(resolveStatic('/srv/app', '/')).toEqual({ ok: true, file: '/srv/app/index.html' });
  });
});

describe('sessions', () => {
  it('expire after a long idle spell', () => {
    let t = 0;
    const store = new SessionStore(() => t);
    const id = store.create({ id: 1, name: 'a', role: '管理员' });
    t += 11 * 3600_000;
    expect(store.get(id)).toMatchObject({ name: 'a' });
    t += 13 * 3600_000;
    expect(store.get(id)).toBeNull();
  });
});

describe('npm run serve', () => {
  it('reads --data, CENSUSDESK_DATA, --port and --demo', () => {
    expect(parseServeArgs([], {}, '/w')).toMatchObject({ dataPath: '/w/data/censusdesk.db', port: 0, demo: false });
    expect(parseServeArgs(['--demo'], { CENSUSDESK_DATA: 'x.db' }, '/w').dataPath).toBe('/w/data/demo.db');
    expect(parseServeArgs([], { CENSUSDESK_DATA: 'x.db' }, '/w').dataPath).toBe('/w/x.db');
    expect(
      parseServeArgs(['--data', '/d/y.db', '--port', '8080', '--demo'], { CENSUSDESK_DATA: 'x.db' }, '/w'),
    ).toMatchObject({
      dataPath: '/d/y.db',
      port: 8080,
      demo: true,
    });
    expect(() => parseServeArgs(['--port', 'abc'], {}, '/w')).toThrow('端口应为0至65535之间的整数：abc');
    expect(() => parseServeArgs(['--bogus'], {}, '/w')).toThrow('命令行参数有误');
  });

  it('creates the data file and serves it', async () => {
    const dataPath = join(b.dir, 'served', 'census.db');
    const running = await serve({ dataPath, port: 0, staticDir, demo: false });
    try {
      const res = await fetch(`http://127.0.0.1:${running.server.port}/api/setup.status`, {
        method: 'POST',
        headers: json(running.server.token),
        body: '{}',
      });
      expect(await res.json()).toEqual({
        ok: true,
        data: { hasOffice: false, hasOperators: false, encrypted: false, locked: false },
      });
    } finally {
      await running.server.close();
      running.backend.close();
    }
  });

  it('loads the demo county into a fresh file once, and logs in with the demo admin', async () => {
    const dataPath = join(b.dir, 'demo', 'demo.db');
    for (const expected of ['（示例数据已载入）', '（已有示例数据，直接打开）']) {
      const running = await serve({ dataPath, port: 0, staticDir, demo: true });
      try {
        expect(running.demoNote).toBe(expected);
        const res = await fetch(`http://127.0.0.1:${running.server.port}/api/session.login`, {
          method: 'POST',
          headers: json(running.server.token),
          body: JSON.stringify({ name: 'admin', password: 'demo1234' }),
        });
        expect(await res.json()).toMatchObject({ ok: true, data: { name: 'admin', role: '管理员' } });
      } finally {
        await running.server.close();
        running.backend.close();
      }
    }
  }, 120_000);
});
