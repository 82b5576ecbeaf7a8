// The utility process's message protocol, run under plain Node with a fake parent port and a real
// backend on a temp file: calls, closing, the backup schedule, and a failed start that offers the
// latest good backup and restores it.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { openBackend } from '../../backend/app';
import { defaultBackupDir } from '../../backend/backups/folder';
import { backupNow } from '../../backend/backups/write';
import { damageTownshipsPage } from '../helpers/damage';
import { randomBytes } from 'node:crypto';
import { newRecoveryCode } from '../../core/recoveryCode';
import { deriveKey } from '../../backend/recoveryKey';
import {
  backendHost,
  serveBackend,
  START_BACKUP_DELAY_MS,
  type BackendHost,
  type FromBackend,
  type ParentPortLike,
} from '../../electron/backendProtocol';

class FakePort extends EventEmitter implements ParentPortLike {
  sent: FromBackend[] = [];
  postMessage(message: FromBackend) {
    this.sent.push(structuredClone(message));
  }
  /** Delivers a message as Electron's parentPort does: a MessageEvent-like { data }. */
  deliver(data: unknown) {
    this.emit('message', { data: structuredClone(data) });
  }
  async answer(id: number) {
    await vi.waitFor(() => expect(this.sent.some((m) => m.type === 'result' && m.id === id)).toBe(true));
    return (this.sent.find((m) => m.type === 'result' && m.id === id) as Extract<FromBackend, { type: 'result' }>)
      .result;
  }
}

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'censusdesk-backend-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The real host on `path`, except that the schedule is not started (see 'the backup schedule'). */
const host = (path: string, exit = vi.fn()): BackendHost => ({
  ...backendHost(path, exit),
  startBackups: () => ({ stop: () => undefined }),
});

describe('backend process protocol', () => {
  it('opens the store, says ready, and answers calls by id with the operator it is given', async () => {
    const path = join(tempDir(), 'censusdesk.db');
    const port = new FakePort();
    serveBackend(port, host(path));
    expect(port.sent[0]).toEqual({ type: 'ready', dataPath: path });

    port.deliver({ type: 'call', id: 1, method: 'setup.status', input: {}, operator: null });
    expect(await port.answer(1)).toEqual({
      ok: true,
      data: { hasOffice: false, hasOperators: false, encrypted: false, locked: false },
    });

    port.deliver({
      type: 'call',
      id: 2,
      method: 'session.current',
      input: {},
      operator: { id: 3, name: '张三', role: '录入员' },
    });
    expect(await port.answer(2)).toEqual({ ok: true, data: { id: 3, name: '张三', role: '录入员' } });

    port.deliver({ type: 'call', id: 3, method: 'no.such', input: {}, operator: null });
    expect(await port.answer(3)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    port.deliver({ type: 'close' });
  });

  it('ignores messages that are not calls', async () => {
    const port = new FakePort();
    serveBackend(port, host(join(tempDir(), 'a.db')));
    for (const junk of [
      null,
      'x',
      { type: 'call' },
      { type: 'call', id: '1', method: 'setup.status' },
      { type: 'eval', code: '1' },
    ])
      port.deliver(junk);
    await new Promise((r) => setTimeout(r, 20));
    expect(port.sent.map((m) => m.type)).toEqual(['ready']);
    port.deliver({ type: 'close' });
  });

  it('closes the database (WAL checkpointed into the .db) and exits when told', async () => {
    const path = join(tempDir(), 'censusdesk.db');
    const port = new FakePort();
    const exit = vi.fn();
    serveBackend(port, host(path, exit));
    port.deliver({ type: 'call', id: 1, method: 'setup.status', input: {}, operator: null });
    await port.answer(1);
    port.deliver({ type: 'close' });
    expect(port.sent.at(-1)).toEqual({ type: 'closed' });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    // Closed for real: another connection may take an exclusive lock, and later calls are refused.
    const db = new Database(path);
    expect(() => db.exec('BEGIN EXCLUSIVE; COMMIT;')).not.toThrow();
    db.close();
    port.deliver({ type: 'call', id: 2, method: 'setup.status', input: {}, operator: null });
    expect(await port.answer(2)).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
  });

  it('reports a store it cannot open, then gives every call that message', async () => {
    const path = join(tempDir(), 'censusdesk.db');
    const newer = new Database(path);
    newer.pragma('user_version = 999');
    newer.close();
    const port = new FakePort();
    serveBackend(port, host(path));
    expect(port.sent[0]).toMatchObject({ type: 'failed', code: 'DB_TOO_NEW', dataPath: path, latestBackup: null });
    expect(port.sent[0].type === 'failed' && port.sent[0].message).toContain('数据版本 999');
    port.deliver({ type: 'call', id: 9, method: 'setup.status', input: {}, operator: null });
    const r = await port.answer(9);
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_TOO_NEW' } });
    expect(r.ok ? '' : r.error.message).toContain('请升级程序后再打开');
  });
});

/** A data file with some data and a backup of it, then one page of the townships table overwritten. */
function damagedWithBackup() {
  const path = join(tempDir(), 'data', 'censusdesk.db');
  const b = openBackend(path);
  b.db
    .prepare(`INSERT INTO townships (code, name, created_at, updated_at) VALUES ('511323100', '相如镇', 'x', 'x')`)
    .run();
  const good = backupNow(b, '每日');
  b.close();
  const bytes = damageTownshipsPage(path);
  return { path, good, damaged: bytes };
}

describe('a damaged data file at start', () => {
  it('is reported with the latest good backup (path and time); restoring it keeps the damaged file and opens the data', async () => {
    const { path, good, damaged } = damagedWithBackup();
    const port = new FakePort();
    serveBackend(port, host(path));
    expect(port.sent[0]).toEqual({
      type: 'failed',
      code: 'DB_CORRUPT',
      message: expect.stringContaining('数据文件已损坏'),
      dataPath: path,
      latestBackup: { path: good.path, file: good.file, createdAt: good.createdAt },
    });
    // The dialog gets the problem without the command-line advice; calls still get all of it.
    expect(port.sent[0].type === 'failed' && port.sent[0].message).not.toContain('npm run restore-backup');
    port.deliver({ type: 'call', id: 1, method: 'setup.status', input: {}, operator: null });
    expect(await port.answer(1)).toMatchObject({
      ok: false,
      error: { code: 'DB_CORRUPT', message: expect.stringContaining(good.path) },
    });

    port.deliver({ type: 'restoreAtStartup', backupPath: good.path });
    const restored = port.sent.find((m) => m.type === 'restored') as Extract<FromBackend, { type: 'restored' }>;
    expect(restored.keptAs).toMatch(/censusdesk\.db\.损坏-\d+$/);
    expect(readFileSync(restored.keptAs!).equals(damaged)).toBe(true);
    expect(port.sent.at(-1)).toEqual({ type: 'ready', dataPath: path });
    port.deliver({ type: 'call', id: 2, method: 'setup.status', input: {}, operator: null });
    expect(await port.answer(2)).toEqual({
      ok: true,
      data: { hasOffice: false, hasOperators: false, encrypted: false, locked: false },
    });
    port.deliver({ type: 'close' });
  });

  it('refuses a restore once the data is open, and a backup that is not usable, leaving the file as it was', async () => {
    const { path, damaged } = damagedWithBackup();
    const port = new FakePort();
    serveBackend(port, host(path));
    const junk = join(tempDir(), 'junk.db');
    writeFileSync(junk, Buffer.alloc(4096, 7));
    port.deliver({ type: 'restoreAtStartup', backupPath: junk });
    expect(port.sent.at(-1)).toEqual({ type: 'restoreFailed', message: expect.stringMatching(/^备份文件无法使用：/) });
    expect(readFileSync(path).equals(damaged)).toBe(true);

    const open = new FakePort();
    serveBackend(open, host(join(tempDir(), 'ok.db')));
    open.deliver({ type: 'restoreAtStartup', backupPath: junk });
    expect(open.sent.at(-1)).toEqual({ type: 'restoreFailed', message: '数据文件已正常打开，无需从备份恢复' });
    open.deliver({ type: 'close' });
  });
});

describe('a damaged encrypted data file at start', () => {
  it("restores the office's encrypted backup with the key of the 恢复码 this PC keeps", async () => {
    const code = newRecoveryCode(randomBytes(16));
    const key = await deriveKey(code);
    const path = join(tempDir(), 'data', 'censusdesk.db');
    const b = openBackend(path, { key });
    b.db
      .prepare(`INSERT INTO townships (code, name, created_at, updated_at) VALUES ('511323100', '相如镇', 'x', 'x')`)
      .run();
    const good = backupNow(b, '每日');
    b.close();
    const damaged = damageTownshipsPage(path, key);
    const port = new FakePort();
    serveBackend(port, host(path));
    expect(port.sent[0]).toEqual({ type: 'ready', dataPath: path, locked: true });
    port.deliver({ type: 'recoveryCode', code });
    await vi.waitFor(() => expect(port.sent.some((m) => m.type === 'failed')).toBe(true), { timeout: 10_000 });
    expect(port.sent.find((m) => m.type === 'failed')).toMatchObject({
      code: 'DB_CORRUPT',
      latestBackup: { path: good.path },
    });

    port.deliver({ type: 'restoreAtStartup', backupPath: good.path });
    await vi.waitFor(
      () => expect(port.sent.some((m) => m.type === 'restored' || m.type === 'restoreFailed')).toBe(true),
      {
        timeout: 10_000,
      },
    );
    const restored = port.sent.find((m) => m.type === 'restored') as Extract<FromBackend, { type: 'restored' }>;
    expect(restored).toBeDefined();
    expect(readFileSync(restored.keptAs!).equals(damaged)).toBe(true);
    await vi.waitFor(() => expect(port.sent.at(-1)).toMatchObject({ type: 'ready', dataPath: path }), {
      timeout: 10_000,
    });
    port.deliver({ type: 'close' });
    await vi.waitFor(() => expect(port.sent.at(-1)).toEqual({ type: 'closed' }));
    const check = openBackend(path, { key });
    expect(check.db.prepare('SELECT name FROM townships').pluck().all()).toEqual(['相如镇']);
    check.close();
  }, 60_000);
});

describe('the backup schedule', () => {
  it('backs up at start in the backup folder beside the data folder, after the first calls are answered', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const path = join(tempDir(), 'data', 'censusdesk.db');
      const folder = defaultBackupDir(path);
      const startBackups = () => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('_启动.db')) : []);
      const port = new FakePort();
      serveBackend(port, backendHost(path, vi.fn()));
      expect(port.sent[0]).toEqual({ type: 'ready', dataPath: path });
      // The page's first calls do not wait behind a copy and a full integrity check.
      port.deliver({ type: 'call', id: 1, method: 'setup.status', input: {}, operator: null });
      expect(await port.answer(1)).toEqual({
        ok: true,
        data: { hasOffice: false, hasOperators: false, encrypted: false, locked: false },
      });
      expect(startBackups()).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(START_BACKUP_DELAY_MS);
      // Made in the backup worker: the file appears once the copy has passed its integrity check.
      await vi.waitFor(() => expect(startBackups()).toHaveLength(1), { timeout: 20_000, interval: 50 });
      port.deliver({ type: 'close' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('closed before the start backup is due makes none, and leaves no timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const path = join(tempDir(), 'data', 'censusdesk.db');
      const port = new FakePort();
      serveBackend(port, backendHost(path, vi.fn()));
      port.deliver({ type: 'close' });
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(START_BACKUP_DELAY_MS * 2);
      expect(existsSync(defaultBackupDir(path))).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is started once the data is open and stopped when the backend closes', async () => {
    const path = join(tempDir(), 'censusdesk.db');
    const stop = vi.fn();
    const startBackups = vi.fn(() => ({ stop }));
    const port = new FakePort();
    serveBackend(port, { ...backendHost(path, vi.fn()), startBackups });
    expect(startBackups).toHaveBeenCalledTimes(1);
    expect(startBackups.mock.calls[0]).toHaveLength(1);
    expect(stop).not.toHaveBeenCalled();
    port.deliver({ type: 'close' });
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('is not started for a data file that will not open', () => {
    const path = join(tempDir(), 'censusdesk.db');
    writeFileSync(path, Buffer.alloc(4096, 1));
    const startBackups = vi.fn(() => ({ stop: vi.fn() }));
    const port = new FakePort();
    serveBackend(port, { ...backendHost(path, vi.fn()), startBackups });
    expect(port.sent[0]).toMatchObject({ type: 'failed', code: 'DB_CORRUPT', latestBackup: null });
    expect(startBackups).not.toHaveBeenCalled();
    expect(existsSync(defaultBackupDir(path))).toBe(false);
  });
});
