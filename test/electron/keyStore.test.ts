// The desktop keeps the 恢复码 with safeStorage (mocked electron, test/electron/fakeElectron.ts) in
// `<data file>.key` and hands it to the backend process as its first message. Run here end to end:
// the main process's client, a backend process served in-process (serveBackend on a fake port) and
// a real encrypted data file.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

import { fakeElectron, resetFakeElectron } from './fakeElectron';
import { newRecoveryCode } from '../../core/recoveryCode';
import { createBackendClient, type BackendChild } from '../../electron/backendClient';
import {
  backendHost,
  serveBackend,
  type BackendHost,
  type FromBackend,
  type ParentPortLike,
  type ToBackend,
} from '../../electron/backendProtocol';
import { keyFileOf, loadRecoveryCode, saveRecoveryCode } from '../../electron/keyStore';
import { encryptedOffice, type EncryptedOffice } from '../helpers/encryptedOffice';

const CODE = newRecoveryCode(randomBytes(16));
const OTHER = newRecoveryCode(randomBytes(16));
let office: EncryptedOffice;

beforeAll(async () => {
  office = await encryptedOffice('censusdesk-keystore-', CODE);
});
afterAll(() => office.remove());
beforeEach(() => resetFakeElectron());

/**
 * The main process's client over a backend process run in this one (messages cloned and delivered
 * a turn later, as between processes), keeping the code as the shell does.
 */
function desktop(dataPath: string) {
  const host: BackendHost = { ...backendHost(dataPath, vi.fn()), startBackups: () => ({ stop: () => undefined }) };
  const toMain: FromBackend[] = [];
  const client = createBackendClient({
    log: { info: vi.fn(), error: vi.fn() },
    recoveryCode: () => loadRecoveryCode(dataPath),
    onRecoveryCode: (code) => void saveRecoveryCode(dataPath, code),
    spawn: () => {
      const child = new EventEmitter() as EventEmitter & BackendChild;
      const port = new EventEmitter() as EventEmitter & ParentPortLike;
      port.postMessage = (m: FromBackend) => {
        toMain.push(structuredClone(m));
        setImmediate(() => child.emit('message', structuredClone(m)));
      };
      child.postMessage = (m: ToBackend) => void setImmediate(() => port.emit('message', { data: structuredClone(m) }));
      child.kill = () => true;
      host.exit = (code) => void child.emit('exit', code);
      serveBackend(port, host);
      return child;
    },
  });
  const call = (method: string, input: unknown) => client.dispatch(method, input, { operator: null });
  return { client, call, toMain };
}

const LOCKED = { hasOffice: true, hasOperators: true, encrypted: true, locked: true };

describe('the 恢复码 kept on the desktop', () => {
  it('a stored code opens the encrypted file at start', async () => {
    const path = office.copy();
    expect(saveRecoveryCode(path, CODE)).toBe(true);
    const { client, call, toMain } = desktop(path);
    try {
      expect(await call('setup.status', {})).toEqual({
        ok: true,
        data: { hasOffice: true, hasOperators: true, encrypted: true, locked: false },
      });
      expect((await call('session.login', { name: 'admin', password: 'secret123' })).ok).toBe(true);
      // Nothing to keep: the code came from the store.
      expect(toMain.filter((m) => m.type === 'recoveryCode')).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('starts locked with no key file, or one that will not decrypt, or a stored code that is wrong', async () => {
    const path = office.copy();
    for (const prepare of [
      () => undefined,
      () => writeFileSync(keyFileOf(path), Buffer.from('not from safeStorage')),
      () => saveRecoveryCode(path, OTHER),
    ]) {
      prepare();
      const { client, call } = desktop(path);
      try {
        expect(await call('setup.status', {})).toEqual({ ok: true, data: LOCKED });
        expect(await call('person.list', {})).toMatchObject({ ok: false, error: { code: 'DATA_LOCKED' } });
      } finally {
        await client.close();
      }
    }
  });

  it('a code typed at setup.unlock is kept: <data>.key without the code in the clear, and the next start opens', async () => {
    const path = office.copy();
    const first = desktop(path);
    try {
      expect(await first.call('setup.unlock', { recoveryCode: OTHER })).toMatchObject({
        ok: false,
        error: { code: 'RECOVERY_CODE_WRONG' },
      });
      expect(existsSync(keyFileOf(path))).toBe(false);
      expect(await first.call('setup.unlock', { recoveryCode: CODE })).toEqual({ ok: true, data: { unlocked: true } });
      await vi.waitFor(() => expect(existsSync(keyFileOf(path))).toBe(true));
    } finally {
      await first.client.close();
    }
    const bytes = readFileSync(keyFileOf(path));
    const digits = CODE.replaceAll('-', '');
    for (const clear of [CODE, digits, ...CODE.split('-')])
      expect(bytes.includes(Buffer.from(clear)), clear).toBe(false);
    expect(fakeElectron.safeStorage.encryptString).toHaveBeenCalledWith(CODE);
    // No temporary file is left beside it.
    expect(existsSync(`${keyFileOf(path)}.tmp-${process.pid}`)).toBe(false);

    const next = desktop(path);
    try {
      expect(await next.call('setup.status', {})).toMatchObject({ ok: true, data: { locked: false } });
    } finally {
      await next.client.close();
    }
  });

  it('stores nothing where safeStorage is unavailable, and asks again at the next start', async () => {
    const path = office.copy();
    fakeElectron.safeStorage.available = false;
    const first = desktop(path);
    try {
      expect(await first.call('setup.unlock', { recoveryCode: CODE })).toEqual({ ok: true, data: { unlocked: true } });
      await vi.waitFor(() => expect(first.toMain.some((m) => m.type === 'recoveryCode')).toBe(true));
    } finally {
      await first.client.close();
    }
    expect(existsSync(keyFileOf(path))).toBe(false);
    expect(fakeElectron.safeStorage.encryptString).not.toHaveBeenCalled();
    expect(saveRecoveryCode(path, CODE)).toBe(false);
    expect(loadRecoveryCode(path)).toBeNull();

    const next = desktop(path);
    try {
      expect(await next.call('setup.status', {})).toEqual({ ok: true, data: LOCKED });
    } finally {
      await next.client.close();
    }
  });

  it('the right code for a damaged file: the answer says so and the start-up dialog is offered', async () => {
    const path = office.copy();
    // A page in the middle overwritten: the cipher's check of that page fails when it is read.
    const bytes = readFileSync(path);
    const pageSize = 4096;
    bytes.fill(0xa5, 5 * pageSize, 6 * pageSize);
    writeFileSync(path, bytes);
    const { client, call, toMain } = desktop(path);
    try {
      const r = await call('setup.unlock', { recoveryCode: CODE });
      expect(r).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
      expect(toMain.find((m) => m.type === 'failed')).toMatchObject({ code: 'DB_CORRUPT', dataPath: path });
      // Not kept: the code opened nothing. Later calls get the failure, as after a failed start.
      expect(existsSync(keyFileOf(path))).toBe(false);
      expect(await call('setup.status', {})).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    } finally {
      await client.close();
    }
  });

  it('never passes the code in argv or the environment: it is the first message to the backend process', async () => {
    const path = join(mkdtempSync(join(office.root, 'pc-')), 'census.db');
    saveRecoveryCode(path, CODE);
    const posted: ToBackend[] = [];
    const client = createBackendClient({
      log: { info: vi.fn(), error: vi.fn() },
      recoveryCode: () => loadRecoveryCode(path),
      spawn: () => {
        const child = new EventEmitter() as EventEmitter & BackendChild;
        child.postMessage = (m: ToBackend) => void posted.push(m);
        child.kill = () => true;
        return child;
      },
    });
    void client.dispatch('setup.status', {}, { operator: null });
    expect(posted[0]).toEqual({ type: 'recoveryCode', code: CODE });
    expect(posted[1]).toMatchObject({ type: 'call', method: 'setup.status' });
  });
});
