// app://censusdesk/ serves dist/renderer with the browser-mode CSP and refuses to leave the folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, registerAppScheme } from '../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../backend/transports/security';

let base: string;
let root: string;
let handle: ReturnType<typeof createAppProtocolHandler>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'censusdesk-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>普查办工作台</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  handle = createAppProtocolHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle({ url, method });

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('serves the bundle with its type and the same CSP as browser mode', async () => {
    const page = await get('app://censusdesk/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('普查办工作台');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await get('app://censusdesk/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://censusdesk/')).status).toBe(200);
  });

  it('refuses every way out of the renderer folder', async () => {
    for (const url of [
      'app://censusdesk/..%2fsecret.txt',
      'app://censusdesk/%2e%2e%2fsecret.txt',
      'app://censusdesk/assets/..%2f..%2fsecret.txt',
      'app://censusdesk/..%5csecret.txt',
      'app://censusdesk/%2e%2e/secret.txt',
      'app://censusdesk/assets%2f..%2f..%2fsecret.txt',
      'app://censusdesk/index.html%00.js',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(await r.text(), url).not.toContain('outside the renderer');
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers only for its own host, only GET and HEAD', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://censusdesk/nothing.js')).status).toBe(404);
    expect((await get('app://censusdesk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://censusdesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
