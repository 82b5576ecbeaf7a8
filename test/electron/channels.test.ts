// The set of IPC channels is exactly what we intend, and the shell channels check their sender.
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ALL_CHANNELS, CHANNEL, isTrustedAppUrl, SHELL_CHANNELS } from '../../electron/channel';
import { registerIpc } from '../../electron/ipc';
import { registerShellIpc, UNTRUSTED_SENDER, type ShellActions } from '../../electron/shellIpc';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error('second handler');
      handlers.set(channel, fn);
    }),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const actions = {
    saveFile: vi.fn(async () => ({ path: 'C:\\x.xlsx' })),
    openFile: vi.fn(async () => null),
    print: vi.fn(async () => ({ ok: true as const })),
    appInfo: vi.fn(() => ({ name: '普查办工作台' }) as ReturnType<ShellActions['appInfo']>),
    openExternal: vi.fn(async () => true),
  } satisfies ShellActions;
  const unregisterApi = registerIpc({
    ipcMain,
    dispatch: vi.fn(),
    isTrustedUrl: isTrustedAppUrl,
    getOperator: () => null,
  });
  const unregisterShell = registerShellIpc({ ipcMain, isTrustedUrl: isTrustedAppUrl, actions });
  const sender = { id: 7 } as unknown as WebContents;
  const event = (url: string | null) =>
    ({ sender, senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;
  return { handlers, ipcMain, actions, event, sender, unregister: () => (unregisterApi(), unregisterShell()) };
}

describe('IPC channels', () => {
  it('are exactly the API channel and one per shell action', () => {
    expect(ALL_CHANNELS).toEqual([
      'censusdesk:call',
      'censusdesk:save-file',
      'censusdesk:open-file',
      'censusdesk:print',
      'censusdesk:app-info',
      'censusdesk:open-external',
    ]);
    const { handlers, unregister } = setup();
    expect([...handlers.keys()]).toEqual([...ALL_CHANNELS]);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('can be registered again (a reloaded main module) without a duplicate handler', () => {
    const { ipcMain, actions } = setup();
    expect(() => registerShellIpc({ ipcMain, isTrustedUrl: isTrustedAppUrl, actions })).not.toThrow();
  });

  it('shell actions refuse untrusted senders before doing anything', async () => {
    const { handlers, actions, event } = setup();
    for (const channel of Object.values(SHELL_CHANNELS)) {
      for (const url of ['https://evil.example/', 'file:///C:/x.html', 'app://censusdesk.evil/', '', null]) {
        await expect(
          handlers.get(channel)!(event(url), { kind: 'excel', defaultName: 'a.xlsx' }),
          `${channel} ${url}`,
        ).rejects.toThrow(UNTRUSTED_SENDER);
      }
    }
    for (const fn of Object.values(actions)) expect(fn).not.toHaveBeenCalled();
  });

  it('shell actions validate the request before a dialog opens', async () => {
    const { handlers, actions, event } = setup();
    const trusted = event('app://censusdesk/index.html');
    const save = handlers.get(SHELL_CHANNELS.saveFile)!;
    await expect(save(trusted, { kind: 'exe', defaultName: 'x.exe' })).rejects.toThrow('保存文件的参数无效');
    await expect(
      save(trusted, { kind: 'excel', defaultName: 'a.xlsx', filters: [{ name: 'x', extensions: ['exe'] }] }),
    ).rejects.toThrow('保存文件的参数无效');
    await expect(handlers.get(SHELL_CHANNELS.openFile)!(trusted, { kinds: [] })).rejects.toThrow('打开文件的参数无效');
    await expect(handlers.get(SHELL_CHANNELS.print)!(trusted, { target: 'fax' })).rejects.toThrow('打印的参数无效');
    expect(actions.saveFile).not.toHaveBeenCalled();
    expect(actions.openFile).not.toHaveBeenCalled();
    expect(actions.print).not.toHaveBeenCalled();
  });

  it('hands a trusted, valid request to its action with the sender', async () => {
    const { handlers, actions, event, sender } = setup();
    const trusted = event('app://censusdesk/index.html#/contracts');
    await expect(
      handlers.get(SHELL_CHANNELS.saveFile)!(trusted, { kind: 'excel', defaultName: 'C:\\Windows\\合同.xlsx' }),
    ).resolves.toEqual({ path: 'C:\\x.xlsx' });
    expect(actions.saveFile).toHaveBeenCalledWith(sender, { kind: 'excel', defaultName: '合同.xlsx' });
    await handlers.get(SHELL_CHANNELS.appInfo)!(trusted);
    expect(actions.appInfo).toHaveBeenCalled();
    await handlers.get(SHELL_CHANNELS.openExternal)!(trusted, 'https://www.stats.gov.cn/');
    expect(actions.openExternal).toHaveBeenCalledWith('https://www.stats.gov.cn/');
  });

  it('the API channel is the one ipc.ts registers', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle.mock.calls[0][0]).toBe(CHANNEL);
  });
});
