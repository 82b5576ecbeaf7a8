// The locked gate (backend/lockedStart.ts) through its dispatch: what a locked start holds (the
// one-writer lock), attempts sent at once meeting the back-off in turn, the back-off's clock, a
// code kept on the PC, closing while a code is being tried, plain and new files opening at once —
// and `npm run serve` on an encrypted file: it says so, and Ctrl+C while locked exits cleanly.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openBackend, type Backend } from '../../backend/app';
import { openGated, type Gate, type GateOptions } from '../../backend/lockedStart';
import { deriveKey } from '../../backend/recoveryKey';
import { newRecoveryCode } from '../../core/recoveryCode';
import { isEncryptedFile } from '../../db/cipher';
import { adminCtx } from '../helpers/backend';
import { encryptedOffice, type EncryptedOffice } from '../helpers/encryptedOffice';

const CODE = newRecoveryCode(randomBytes(16));
const OTHER = newRecoveryCode(randomBytes(16));
const anon = { operator: null, session: 'http' };

let office: EncryptedOffice;

beforeAll(async () => {
  office = await encryptedOffice('censusdesk-gate-', CODE);
  // The wrong code's key, derived once (deriveKey keeps it), so the bursts below cost no scrypt each.
  await deriveKey(OTHER);
});
afterAll(() => office.remove());

const gates: Gate[] = [];
afterEach(() => gates.splice(0).forEach((g) => g.close()));

function gate(path: string, extra: Partial<GateOptions> = {}) {
  const opened: Backend[] = [];
  const adopted: string[] = [];
  const g = openGated({
    path,
    open: (key) => openBackend(path, { key, backupDir: join(office.root, 'backups') }),
    deriveKey,
    onOpened: (b) => opened.push(b),
    onRecoveryCode: (c) => adopted.push(c),
    ...extra,
  });
  gates.push(g);
  return { g, opened, adopted };
}

const unlock = (g: Gate, recoveryCode: string, session = 'http') =>
  g.dispatch('setup.unlock', { recoveryCode }, { operator: null, session });

describe('the locked gate', () => {
  it('holds the one-writer lock while locked: a second start on the same file is refused until the first closes', async () => {
    const path = office.copy();
    const first = gate(path);
    expect(first.g.locked).toBe(true);
    expect(() => gate(path)).toThrow('该数据文件已由另一个普查办工作台打开');
    // A wrong code hands the lock over to the open and takes it back.
    expect((await unlock(first.g, OTHER)).ok).toBe(false);
    expect(() => gate(path)).toThrow('该数据文件已由另一个普查办工作台打开');
    first.g.close();
    const second = gate(path);
    expect(second.g.locked).toBe(true);
    expect(await unlock(second.g, CODE)).toEqual({ ok: true, data: { unlocked: true } });
    expect(second.opened).toHaveLength(1);
    expect(second.adopted).toEqual([CODE]);
  });

  it('meets attempts sent at once in turn: five wrong codes, then the rest wait, the right one too', async () => {
    const path = office.copy();
    const { g } = gate(path);
    const answers = await Promise.all([...Array(7).fill(OTHER), CODE].map((c: string) => unlock(g, c)));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes).toEqual([...Array(5).fill('RECOVERY_CODE_WRONG'), ...Array(3).fill('RECOVERY_CODE_THROTTLED')]);
    expect(g.locked).toBe(true);
  });

  it('lets the next attempt through once the wait is over, and another session is held to the file’s count', async () => {
    let now = Date.UTC(2026, 5, 1);
    const { g } = gate(office.copy(), { now: () => now });
    for (let i = 0; i < 5; i++) expect((await unlock(g, OTHER, 'a')).ok).toBe(false);
    expect(await unlock(g, CODE, 'a')).toMatchObject({ ok: false, error: { code: 'RECOVERY_CODE_THROTTLED' } });
    // The data file counts as a whole (one code per office): a fresh session waits as well.
    expect(await unlock(g, CODE, 'b')).toMatchObject({ ok: false, error: { code: 'RECOVERY_CODE_THROTTLED' } });
    now += 30_000;
    expect(await unlock(g, CODE, 'a')).toEqual({ ok: true, data: { unlocked: true } });
  });

  it('answers only setup.status and setup.unlock while locked; validation in Chinese; later calls reach the backend', async () => {
    const { g } = gate(office.copy());
    expect(await g.dispatch('setup.status', {}, anon)).toEqual({
      ok: true,
      data: { hasOffice: true, hasOperators: true, encrypted: true, locked: true },
    });
    expect(await g.dispatch('safety.encryption', {}, adminCtx)).toMatchObject({
      ok: false,
      error: { code: 'DATA_LOCKED', message: '数据已加密，请先输入恢复码' },
    });
    const invalid = await g.dispatch('setup.unlock', { recoveryCode: CODE, extra: 1 }, anon);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badCheck = await g.dispatch(
      'setup.unlock',
      { recoveryCode: `${CODE.slice(0, -1)}${(Number(CODE.at(-1)) + 1) % 10}` },
      anon,
    );
    expect(badCheck).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('校验位') },
    });
    expect((await unlock(g, CODE)).ok).toBe(true);
    expect(await g.dispatch('safety.encryption', {}, adminCtx)).toMatchObject({ ok: true, data: { encrypted: true } });
    // setup.unlock on the open file is the backend's own (services): the same code is fine.
    expect(await unlock(g, CODE)).toEqual({ ok: true, data: { unlocked: true } });
  });

  it('tries a code kept on the PC without counting or keeping it again', async () => {
    const path = office.copy();
    const { g, opened, adopted } = gate(path);
    expect(await g.openWithStoredCode('1234')).toBe(false);
    expect(await g.openWithStoredCode(OTHER)).toBe(false);
    expect(g.locked).toBe(true);
    expect(await g.openWithStoredCode(CODE)).toBe(true);
    expect(g.locked).toBe(false);
    expect(opened).toEqual([g.backend]);
    expect(adopted).toEqual([]);
  });

  it('closed while a code is being tried: the answer says so and the file is left closed and unlocked for others', async () => {
    const path = office.copy();
    let release!: () => void;
    const slow = (code: string) => new Promise<Buffer>((ok) => (release = () => void deriveKey(code).then(ok)));
    const { g, opened } = gate(path, { deriveKey: slow });
    const pending = unlock(g, CODE);
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    g.close();
    release();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    expect(opened).toEqual([]);
    expect(await g.dispatch('setup.status', {}, anon)).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    const again = openBackend(path, { key: await deriveKey(CODE), backupDir: join(office.root, 'backups') });
    again.close();
  });

  it('opens a plain file and a new one at once, as before', async () => {
    const dir = mkdtempSync(join(office.root, 'plain-'));
    const fresh = gate(join(dir, 'new.db'));
    expect(fresh.g.locked).toBe(false);
    expect(fresh.opened).toEqual([fresh.g.backend]);
    expect(await fresh.g.dispatch('setup.status', {}, anon)).toEqual({
      ok: true,
      data: { hasOffice: false, hasOperators: false, encrypted: false, locked: false },
    });
    fresh.g.close();
    expect(isEncryptedFile(join(dir, 'new.db'))).toBe(false);
    const again = gate(join(dir, 'new.db'));
    expect(again.g.locked).toBe(false);
  });
});

describe('npm run serve on an encrypted data file', () => {
  function serveProcess(path: string) {
    const staticDir = join(office.root, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', resolve('backend/serve.ts'), '--data', path, '--static', staticDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const io = { out: '', err: '' };
    p.stdout.on('data', (c: Buffer) => (io.out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (io.err += c.toString()));
    const exited = new Promise<number | null>((ok) => p.on('exit', (code) => ok(code)));
    const printed = (text: string) =>
      vi.waitFor(() => expect(io.out).toContain(text), { timeout: 60_000, interval: 100 });
    return { p, io, exited, printed };
  }

  it('says it is locked, and Ctrl+C while locked exits cleanly, leaving the file byte-identical', async () => {
    const path = office.copy();
    const before = readFileSync(path);
    const { p, io, exited, printed } = serveProcess(path);
    await printed('数据文件已加密：请在浏览器中输入恢复码');
    expect(io.out).toContain('普查办工作台已启动（浏览器模式）');
    expect(io.out).not.toContain('已备份');
    p.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(io.err).toBe('');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
    // The lock went with it.
    const { g } = gate(path);
    expect(g.locked).toBe(true);
  }, 90_000);

  it('starts the backup schedule once the 恢复码 opens the file', async () => {
    const path = office.copy();
    const { p, io, exited, printed } = serveProcess(path);
    await printed('数据文件已加密');
    const url = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([0-9a-f]+)/.exec(io.out)!;
    const res = await fetch(`${url[1]}/api/setup.unlock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CensusDesk-Token': url[2] },
      body: JSON.stringify({ recoveryCode: CODE }),
    });
    expect(await res.json()).toEqual({ ok: true, data: { unlocked: true } });
    await printed('已输入恢复码，数据文件已打开');
    await printed('已备份：');
    p.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(io.err).toBe('');
    // The backup is encrypted as the data file is.
    const backup = /已备份：(.+)/.exec(io.out)![1].trim();
    expect(isEncryptedFile(backup)).toBe(true);
  }, 90_000);
});
