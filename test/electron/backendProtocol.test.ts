// The utility process's message protocol, run under plain Node with a fake parent port and a real
// backend on a temp file.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { openBackend } from '../../backend/app';
import { serveBackend, type FromBackend, type ParentPortLike } from '../../electron/backendProtocol';

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
    return (this.sent.find((m) => m.type === 'result' && m.id === id) as Extract<FromBackend, { type: 'result' }>).result;
  }
}

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'censusdesk-backend-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('backend process protocol', () => {
  it('opens the store, says ready, and answers calls by id with the operator it is given', async () => {
    const path = join(tempDir(), 'censusdesk.db');
    const port = new FakePort();
    serveBackend(port, () => openBackend(path), vi.fn());
    expect(port.sent[0]).toEqual({ type: 'ready', dataPath: path });

    port.deliver({ type: 'call', id: 1, method: 'setup.status', input: {}, operator: null });
    expect(await port.answer(1)).toEqual({ ok: true, data: { hasOffice: false, hasOperators: false } });

    port.deliver({ type: 'call', id: 2, method: 'session.current', input: {}, operator: { id: 3, name: '张三', role: '录入员' } });
    expect(await port.answer(2)).toEqual({ ok: true, data: { id: 3, name: '张三', role: '录入员' } });

    port.deliver({ type: 'call', id: 3, method: 'no.such', input: {}, operator: null });
    expect(await port.answer(3)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    port.deliver({ type: 'close' });
  });

  it('ignores messages that are not calls', async () => {
    const port = new FakePort();
    serveBackend(port, () => openBackend(join(tempDir(), 'a.db')), vi.fn());
    for (const junk of [null, 'x', { type: 'call' }, { type: 'call', id: '1', method: 'setup.status' }, { type: 'eval', code: '1' }]) port.deliver(junk);
    await new Promise((r) => setTimeout(r, 20));
    expect(port.sent.map((m) => m.type)).toEqual(['ready']);
    port.deliver({ type: 'close' });
  });

  it('closes the database (WAL checkpointed into the .db) and exits when told', async () => {
    const path = join(tempDir(), 'censusdesk.db');
    const port = new FakePort();
    const exit = vi.fn();
    serveBackend(port, () => openBackend(path), exit);
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
    serveBackend(port, () => openBackend(path), vi.fn());
    expect(port.sent[0]).toMatchObject({ type: 'failed', code: 'DB_TOO_NEW' });
    port.deliver({ type: 'call', id: 9, method: 'setup.status', input: {}, operator: null });
    const r = await port.answer(9);
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_TOO_NEW' } });
    expect(r.ok ? '' : r.error.message).toContain('请升级程序后再打开');
  });
});
