// The data package over HTTP, as browser mode moves it: downloaded as bytes by a 管理员 (never as
// base64 in JSON), uploaded as bytes on the new PC's first run before anyone can log in — and
// refused without a session once the data has operators.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, setUp, type Client } from './client';

let clients: Client[] = [];
async function server() {
  const c = await client();
  clients.push(c);
  return c;
}
beforeEach(() => {
  clients = [];
});
afterEach(async () => {
  for (const c of clients) await c.close();
});

/** package.export as the browser gets it: the answer names a download, the bytes come with GET. */
async function exportPackage(c: Client, session: string) {
  const pkg = await c.post('package.export', { download: true }, session);
  expect(pkg.json).toMatchObject({
    ok: true,
    data: { path: null, fileName: expect.stringMatching(/\.cdpkg$/), base64: expect.stringMatching(/^download:/) },
  });
  const res = await c.download(pkg.json.data!.base64 as string);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/octet-stream');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(bytes.length).toBe(pkg.json.data!.size);
  return { fileName: pkg.json.data!.fileName as string, bytes };
}

async function uploaded(c: Client, bytes: Uint8Array, session?: string): Promise<string> {
  const up = await c.upload(bytes, session);
  expect(up.json).toMatchObject({ ok: true, data: { upload: expect.stringMatching(/^upload:/), size: bytes.length } });
  return up.json.data!.upload as string;
}

describe('the data package over HTTP', () => {
  it('old PC: a 管理员 downloads it; new PC: opened before login, then the old operators log in', async () => {
    const old = await server();
    const session = await setUp(old);
    expect((await old.post('township.create', { code: '511323100', name: '相如镇' }, session)).json.ok).toBe(true);
    const pkg = await exportPackage(old, session);

    const fresh = await server();
    const opened = await fresh.post('setup.importPackage', {
      fileName: pkg.fileName,
      base64: await uploaded(fresh, pkg.bytes),
    });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ ok: true, data: { restoredFrom: pkg.fileName } });
    // No session came with it: the clerk logs in as on the old PC.
    expect(opened.session).toBeNull();
    expect((await fresh.post('setup.status', {})).json.data).toEqual({
      hasOffice: true,
      hasOperators: true,
      encrypted: false,
      locked: false,
    });
    const login = await fresh.post('session.login', { name: 'admin', password: 'secret123' });
    const towns = await fresh.post('township.list', {}, login.session!);
    expect(towns.json.data?.total).toBe(1);

    // Now that it has operators: refused without a session, and package.import needs one.
    const again = await fresh.post('setup.importPackage', {
      fileName: 'x.cdpkg',
      base64: await uploaded(fresh, pkg.bytes),
    });
    expect(again.json.error?.code).toBe('ALREADY_INITIALIZED');
    const anonymous = await fresh.post('package.import', {
      fileName: 'x.cdpkg',
      base64: await uploaded(fresh, pkg.bytes),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect((await fresh.post('township.list', {}, login.session!)).json.data?.total).toBe(1);
  });

  it('a 管理员 opens an uploaded package in a running workspace and stays logged in when the operators match', async () => {
    const one = await server();
    const session = await setUp(one);
    const pkg = await exportPackage(one, session);
    expect((await one.post('township.create', { code: '511323100', name: '相如镇' }, session)).json.ok).toBe(true);
    const base64 = await uploaded(one, pkg.bytes, session);
    const r = await one.post('package.import', { fileName: pkg.fileName, base64 }, session);
    expect(r.json).toMatchObject({ ok: true, data: { restoredFrom: pkg.fileName, safetyCopy: { reason: '恢复前' } } });
    expect((await one.post('township.list', {}, session)).json.data?.total).toBe(0);
  });
});
