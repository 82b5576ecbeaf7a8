import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 1 })),
    send: vi.fn(),
    on: vi.fn(),
    sendSync: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

import { EXPOSED_KEYS } from '../../electron/preload';
import { ALL_CHANNELS, BRIDGE_KEY, CHANNEL, SHELL_CHANNELS } from '../../electron/channel';

type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;
const exposed = () => electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Api];

describe('preload', () => {
  it('exposes exactly { call, saveFile, openFile, print, appInfo, openExternal } under censusdesk, and never ipcRenderer', () => {
    expect(EXPOSED_KEYS).toEqual(['call', 'saveFile', 'openFile', 'print', 'appInfo', 'openExternal']);
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposed();
    expect(key).toBe(BRIDGE_KEY);
    expect(key).toBe('censusdesk');
    expect(Object.keys(api)).toEqual([...EXPOSED_KEYS]);
    for (const v of Object.values(api)) {
      expect(typeof v).toBe('function');
      expect(v).not.toBe(electron.ipcRenderer.invoke);
    }
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('passes call(method, input) on the API channel and nothing more', async () => {
    const [, api] = exposed();
    await expect(api.call('township.list', { q: 'x' }, 'ignored')).resolves.toEqual({ ok: true, data: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(CHANNEL, 'township.list', { q: 'x' });
    expect(await api.call('x')).not.toBe(electron.ipcRenderer);
  });

  it('sends each shell action on its own fixed channel, one argument at most', async () => {
    const [, api] = exposed();
    electron.ipcRenderer.invoke.mockClear();
    await api.saveFile({ kind: 'excel', defaultName: 'a.xlsx' }, 'extra');
    await api.openFile({ kinds: ['excel'] });
    await api.print({ target: 'pdf' });
    await api.appInfo('extra');
    await api.openExternal('https://www.stats.gov.cn/', 'extra');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [SHELL_CHANNELS.saveFile, { kind: 'excel', defaultName: 'a.xlsx' }],
      [SHELL_CHANNELS.openFile, { kinds: ['excel'] }],
      [SHELL_CHANNELS.print, { target: 'pdf' }],
      [SHELL_CHANNELS.appInfo],
      [SHELL_CHANNELS.openExternal, 'https://www.stats.gov.cn/'],
    ]);
  });

  it('never touches another channel or another ipcRenderer method', async () => {
    const [, api] = exposed();
    for (const fn of Object.values(api)) await fn('a', 'b', 'c');
    const used = new Set(electron.ipcRenderer.invoke.mock.calls.map((c) => (c as unknown[])[0]));
    for (const channel of used) expect(ALL_CHANNELS).toContain(channel);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
