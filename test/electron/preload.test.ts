import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, data: 1 })), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

import { EXPOSED_KEYS } from '../../electron/preload';
import { BRIDGE_KEY, CHANNEL } from '../../electron/channel';

describe('preload', () => {
  it('exposes exactly { call } under censusdesk, and never ipcRenderer', async () => {
    expect(EXPOSED_KEYS).toEqual(['call']);
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(key).toBe(BRIDGE_KEY);
    expect(key).toBe('censusdesk');
    expect(Object.keys(api)).toEqual(['call']);
    for (const v of Object.values(api)) {
      expect(v).not.toBe(electron.ipcRenderer);
      expect(v).not.toBe(electron.ipcRenderer.invoke);
    }

    const call = api.call as (method: unknown, input?: unknown, extra?: unknown) => Promise<unknown>;
    await expect(call('township.list', { q: 'x' }, 'ignored')).resolves.toEqual({ ok: true, data: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(CHANNEL, 'township.list', { q: 'x' });
    // Whatever the page passes, only our channel is used and nothing but invoke is touched.
    expect(electron.ipcRenderer.invoke.mock.calls.every((c) => (c as unknown[])[0] === CHANNEL)).toBe(true);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    // The call's result is the invoke's result, not a handle on ipcRenderer.
    expect(await call('x')).not.toBe(electron.ipcRenderer);
  });
});
