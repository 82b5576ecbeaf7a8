// Browser mode in front of an encrypted data file, through HTTP on a real server (port 0): it starts
// locked, serves the page, answers setup.status (locked) and setup.unlock only, refuses the rest and
// every file entry with DATA_LOCKED, backs off after wrong codes, leaves the file byte-identical,
// and once the right 恢复码 is typed the office is there as it was left.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../backend/app';
import { deriveKey } from '../../backend/recoveryKey';
import { serve } from '../../backend/serve';
import { newRecoveryCode } from '../../core/recoveryCode';
import { DOWNLOAD_PATH, UPLOAD_PATH } from '../../core/schemas/files';
import { isEncryptedFile } from '../../db/cipher';
import { adminCtx } from '../helpers/backend';
import { OFFICE } from '../transports/client';

const CODE = newRecoveryCode(randomBytes(16));
/** Well-formed (its check digits fit) but not the office's. */
const OTHER = newRecoveryCode(randomBytes(16));

let root: string;
let original: string;
let staticDir: string;

/** An office set up under CODE, with one township, closed: the file a PC finds at start. */
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'censusdesk-locked-'));
  staticDir = join(root, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>普查办工作台</title>');
  original = join(root, 'office', 'census.db');
  const b = openBackend(original, { key: await deriveKey(CODE), backupDir: join(root, 'office-backups') });
  try {
    const call = async (method: string, input: unknown) => {
      const r = await b.dispatch(method, input, adminCtx);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    };
    await call('setup.init', { office: OFFICE, admin: { name: 'admin', password: 'secret123' } });
    await call('township.create', { code: '511323100', name: '相如镇' });
  } finally {
    b.close();
  }
  expect(isEncryptedFile(original)).toBe(true);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const running: Awaited<ReturnType<typeof serve>>[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.server.close();
    r.backend.close();
  }
});

/** A copy of the office's file served in browser mode. */
async function start() {
  const dir = mkdtempSync(join(root, 'pc-'));
  const dataPath = join(dir, 'census.db');
  writeFileSync(dataPath, readFileSync(original));
  const r = await serve({ dataPath, port: 0, staticDir, demo: false });
  running.push(r);
  const base = `http://127.0.0.1:${r.server.port}`;
  const headers = (session?: string) => ({
    'Content-Type': 'application/json',
    'X-CensusDesk-Token': r.server.token,
    ...(session ? { 'X-CensusDesk-Session': session } : {}),
  });
  const post = async (method: string, input: unknown, session?: string) => {
    const res = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: headers(session),
      body: JSON.stringify(input),
    });
    return {
      status: res.status,
      session: res.headers.get('X-CensusDesk-Session'),
      json: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } },
    };
  };
  return { r, dataPath, base, headers, post };
}

describe('browser mode on an encrypted data file', () => {
  it('starts locked: the page is served, setup.status says locked, everything else is DATA_LOCKED', async () => {
    const { r, base, headers, post } = await start();
    expect(r.backend.locked).toBe(true);
    expect(r.backend.backend).toBeNull();

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('普查办工作台');

    expect((await post('setup.status', {})).json).toEqual({
      ok: true,
      data: { hasOffice: true, hasOperators: true, encrypted: true, locked: true },
    });
    const locked = { ok: false, error: { code: 'DATA_LOCKED', message: '数据已加密，请先输入恢复码' } };
    // Not UNAUTHENTICATED: nobody can log in before the file is open, so the gate answers for every method.
    for (const [method, input] of [
      ['person.list', {}],
      ['session.login', { name: 'admin', password: 'secret123' }],
      ['setup.init', { office: OFFICE, admin: { name: 'x', password: 'secret123' } }],
      ['backup.list', {}],
    ] as const) {
      const a = await post(method, input);
      expect(a.status, method).toBe(200);
      expect(a.json, method).toMatchObject(locked);
    }
    expect((await post('no.such', {})).json).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

    // The file entries refuse cleanly too.
    const upload = await fetch(base + UPLOAD_PATH, {
      method: 'POST',
      headers: { ...headers(), 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(upload.status).toBe(423);
    expect(await upload.json()).toMatchObject(locked);
    const download = await fetch(base + DOWNLOAD_PATH + 'a'.repeat(64));
    expect(download.status).toBe(423);
    expect(await download.json()).toMatchObject(locked);
    // A bad token is still refused first.
    const badToken = await fetch(`${base}/api/setup.status`, {
      method: 'POST',
      headers: { ...headers(), 'X-CensusDesk-Token': 'x' },
      body: '{}',
    });
    expect(badToken.status).toBe(401);
  });

  it('refuses a wrong code in Chinese and leaves the data file byte-identical; a malformed one never reaches the file', async () => {
    const { dataPath, post } = await start();
    const before = readFileSync(dataPath);
    const wrong = await post('setup.unlock', { recoveryCode: OTHER });
    expect(wrong.json).toMatchObject({ ok: false, error: { code: 'RECOVERY_CODE_WRONG' } });
    expect(wrong.json.error!.message).toContain('恢复码不正确');
    expect(readFileSync(dataPath).equals(before)).toBe(true);
    expect(existsSync(`${dataPath}-wal`)).toBe(false);

    const malformed = await post('setup.unlock', { recoveryCode: '1234-5678' });
    expect(malformed.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(malformed.json.error!.message).toContain('恢复码');
    expect((await post('setup.status', {})).json).toMatchObject({ data: { locked: true } });
  });

  it('backs off after repeated wrong codes, as logins do, and the right code waits too', async () => {
    const { post } = await start();
    for (let i = 0; i < 5; i++)
      expect((await post('setup.unlock', { recoveryCode: OTHER })).json.error?.code).toBe('RECOVERY_CODE_WRONG');
    // Five wrong in a row are free; then the next attempt waits 30 s, refused before any key is derived.
    const waiting = await post('setup.unlock', { recoveryCode: CODE });
    expect(waiting.json).toMatchObject({ ok: false, error: { code: 'RECOVERY_CODE_THROTTLED' } });
    expect(waiting.json.error!.message).toMatch(/^恢复码错误次数过多，请在(30|29|28)秒后再试/);
    expect((await post('setup.status', {})).json).toMatchObject({ data: { locked: true } });
  });

  it('opens with the right code: the backend swaps in, login works and the data is there', async () => {
    const { r, post } = await start();
    const opened: Backend[] = [];
    r.onOpened((b) => opened.push(b));
    const wrong = await post('setup.unlock', { recoveryCode: OTHER });
    expect(wrong.json.error?.code).toBe('RECOVERY_CODE_WRONG');
    // Typed as a clerk might: spaces instead of dashes.
    const unlock = await post('setup.unlock', { recoveryCode: CODE.replaceAll('-', ' ') });
    expect(unlock.json).toEqual({ ok: true, data: { unlocked: true } });
    expect(r.backend.locked).toBe(false);
    expect(opened).toEqual([r.backend.backend]);

    expect((await post('setup.status', {})).json).toEqual({
      ok: true,
      data: { hasOffice: true, hasOperators: true, encrypted: true, locked: false },
    });
    const login = await post('session.login', { name: 'admin', password: 'secret123' });
    expect(login.json.ok).toBe(true);
    const towns = await post('township.list', {}, login.session!);
    expect(JSON.stringify(towns.json)).toContain('相如镇');
    // Without a session the usual rule is back.
    expect((await post('township.list', {})).status).toBe(401);
  });
});
