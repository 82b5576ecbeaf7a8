// The shell wired together, against a fake 'electron': single instance, the window and its URL, the
// channels, the menu, the backend's utility process and quitting.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
// The packaged app's check of its unpacked files has its own test (nativeIntegrity.test.ts): these layouts have none.
vi.mock('../../electron/nativeIntegrity', () => ({ verifyUnpackedFiles: () => true }));

import {
  FakeBrowserWindow,
  FakeUtilityProcess,
  fakeElectron,
  resetFakeElectron,
  shellTestEnvironment,
} from './fakeElectron';
import { startShell } from '../../electron/shell';
import { ALL_CHANNELS, APP_START_URL } from '../../electron/channel';
import { SECURE_WEB_PREFERENCES } from '../../electron/security';
import { APP_SCHEME_PRIVILEGES } from '../../electron/protocol';
import { APP_ID, APP_NAME } from '../../electron/appIdentity';

const { app, Menu, ipcMain, protocol, session, utilityProcess } = fakeElectron;
const layout = { bundleDir: '/app/dist/electron', rendererDir: '/app/dist/renderer' };
const appDataDir = shellTestEnvironment('censusdesk-shell-');

async function boot() {
  const r = startShell(layout);
  await fakeElectron.makeReady();
  return { ...r, window: FakeBrowserWindow.instances[0] };
}

describe('single instance', () => {
  it('a second launch quits at once: no window, no backend, no channels', async () => {
    resetFakeElectron({ gotLock: false, appData: appDataDir() });
    const r = startShell(layout);
    await fakeElectron.makeReady();
    expect(r.started).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('the first instance restores and focuses its window when a second one starts', async () => {
    const { started, window } = await boot();
    expect(started).toBe(true);
    window.minimized = true;
    app.emit('second-instance', {}, ['CensusDesk.exe'], 'C:\\');
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
  });
});

describe('startup', () => {
  it('registers the privileged app:// scheme before ready and keeps data under appData\\CensusDesk', () => {
    startShell(layout);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(protocol.handle).not.toHaveBeenCalled(); // serving waits for 'ready'
    expect(app.setPath).toHaveBeenCalledWith('userData', join(appDataDir(), 'CensusDesk'));
    expect(app.setName).toHaveBeenCalledWith(APP_NAME);
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_ID);
  });

  it('moves userData before taking the single-instance lock (the lock lives in userData)', () => {
    startShell(layout);
    expect(vi.mocked(app.setPath).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(app.requestSingleInstanceLock).mock.invocationCallOrder[0],
    );
  });

  it('tells the page the version and where data, backups and logs are', async () => {
    const { window } = await boot();
    const info = await ipcMain.handlers.get('censusdesk:app-info')!({
      sender: window.webContents,
      senderFrame: { url: APP_START_URL },
    });
    expect(info).toMatchObject({
      name: APP_NAME,
      version: '0.1.0',
      dataPath: join(appDataDir(), 'CensusDesk', 'data', 'censusdesk.db'),
      backupDir: join(appDataDir(), 'CensusDesk', 'CensusDesk备份'),
      defaultBackupDir: join(appDataDir(), 'CensusDesk', 'CensusDesk备份'),
      logDir: join(appDataDir(), 'CensusDesk', 'logs'),
    });
  });

  it('opens one window on app://censusdesk/ with the secure preferences and our preload', async () => {
    const { window } = await boot();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.loadURL).toHaveBeenCalledWith(APP_START_URL);
    expect(window.options.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      preload: join(layout.bundleDir, 'preload.cjs'),
      devTools: true,
    });
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('hides the developer tools in the installed app', async () => {
    app.isPackaged = true;
    try {
      const { window } = await boot();
      expect((window.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
      const template = vi.mocked(Menu.buildFromTemplate).mock.calls[0][0] as { submenu: { label: string }[] }[];
      expect(template.flatMap((m) => m.submenu.map((i) => i.label))).not.toContain('开发者工具');
    } finally {
      app.isPackaged = false;
    }
  });

  it('serves dist/renderer, denies permissions and answers on exactly our channels', async () => {
    await boot();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...ALL_CHANNELS].sort());
    expect(ipcMain.on).not.toHaveBeenCalled();
  });

  it('runs the backend in a utility process on the data file in appData', async () => {
    await boot();
    expect(FakeUtilityProcess.instances).toHaveLength(1);
    const child = FakeUtilityProcess.instances[0];
    expect(child.modulePath).toBe(join(layout.bundleDir, 'backendProcess.cjs'));
    expect(child.args).toEqual(['--data', join(appDataDir(), 'CensusDesk', 'data', 'censusdesk.db')]);
  });

  it('keeps the 恢复码 with safeStorage: the stored one goes to the backend first, an adopted one is stored', async () => {
    const dataPath = join(appDataDir(), 'CensusDesk', 'data', 'censusdesk.db');
    mkdirSync(dirname(dataPath), { recursive: true });
    await boot();
    const child = FakeUtilityProcess.instances[0];
    expect(child.posted[0]).toEqual({ type: 'recoveryCode', code: null });
    child.emit('message', { type: 'recoveryCode', code: '1234-5678' });
    expect(fakeElectron.safeStorage.encryptString).toHaveBeenCalledWith('1234-5678');
    expect(existsSync(`${dataPath}.key`)).toBe(true);
    expect(readFileSync(`${dataPath}.key`).includes(Buffer.from('1234-5678'))).toBe(false);
    // The next backend process (after a crash, or the next start) gets it.
    child.emit('exit', 1);
    const call = ipcMain.handlers.get('censusdesk:call')!;
    const window = FakeBrowserWindow.instances[0];
    void call({ sender: window.webContents, senderFrame: { url: APP_START_URL } }, 'setup.status', {});
    expect(FakeUtilityProcess.instances[1].posted[0]).toEqual({ type: 'recoveryCode', code: '1234-5678' });
  });

  it('hardens every web contents created, not just the window', async () => {
    await boot();
    expect(app.listenerCount('web-contents-created')).toBe(1);
    const contents = new (await import('./fakeElectron')).FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const event = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('API calls through the shell', () => {
  it('forwards a trusted call to the utility process with the window operator and returns its answer', async () => {
    const { window } = await boot();
    const child = FakeUtilityProcess.instances[0];
    const call = ipcMain.handlers.get('censusdesk:call')!;
    const event = { sender: window.webContents, senderFrame: { url: APP_START_URL } };
    const pending = call(event, 'setup.status', {}) as Promise<unknown>;
    const sent = child.posted.at(-1) as { id: number; method: string; operator: unknown };
    expect(sent).toMatchObject({ type: 'call', method: 'setup.status', input: {}, operator: null });
    child.emit('message', {
      type: 'result',
      id: sent.id,
      result: { ok: true, data: { hasOffice: false, hasOperators: false, encrypted: false, locked: false } },
    });
    await expect(pending).resolves.toEqual({
      ok: true,
      data: { hasOffice: false, hasOperators: false, encrypted: false, locked: false },
    });
  });
});

describe('a data file that will not open', () => {
  const dataPath = () => join(appDataDir(), 'CensusDesk', 'data', 'censusdesk.db');
  const backup = {
    path: 'C:\\备份\\censusdesk_20180630-090000_每日.db',
    file: 'censusdesk_20180630-090000_每日.db',
    createdAt: new Date(2018, 5, 30, 9).toISOString(),
  };

  it('a damaged one: the dialog offers the latest good backup, the backend restores it, the page reloads', async () => {
    const { window } = await boot();
    const child = FakeUtilityProcess.instances[0];
    vi.mocked(fakeElectron.dialog.showMessageBox).mockResolvedValue({ response: 0, checkboxChecked: false });
    child.emit('message', {
      type: 'failed',
      code: 'DB_CORRUPT',
      message: '数据文件已损坏',
      dataPath: dataPath(),
      latestBackup: backup,
    });
    await vi.waitFor(() => expect(child.posted.at(-1)).toEqual({ type: 'restoreAtStartup', backupPath: backup.path }));
    const asked = vi.mocked(fakeElectron.dialog.showMessageBox).mock.calls[0][0] as {
      buttons: string[];
      detail: string;
    };
    expect(asked.buttons).toEqual(['从最近的备份恢复（2018-06-30 09:00）', '退出']);
    expect(asked.detail).toContain(dataPath());
    child.emit('message', { type: 'restored', keptAs: `${dataPath()}.损坏-1` });
    child.emit('message', { type: 'ready', dataPath: dataPath() });
    await vi.waitFor(() => expect(window.loadURL).toHaveBeenCalledTimes(2));
    expect(window.loadURL).toHaveBeenLastCalledWith(APP_START_URL);
    const told = vi.mocked(fakeElectron.dialog.showMessageBox).mock.calls[1][0] as { message: string; detail: string };
    expect(told.detail).toContain(`${dataPath()}.损坏-1`);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('one from a newer version: the dialog names the version and 退出 quits', async () => {
    await boot();
    const child = FakeUtilityProcess.instances[0];
    child.emit('message', {
      type: 'failed',
      code: 'DB_TOO_NEW',
      message: '数据文件由更高版本的普查办工作台创建（数据版本 5，本程序支持到 1）',
      dataPath: dataPath(),
      latestBackup: null,
    });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    const asked = vi.mocked(fakeElectron.dialog.showMessageBox).mock.calls[0][0] as {
      buttons: string[];
      detail: string;
    };
    expect(asked.buttons).toEqual(['退出']);
    expect(asked.detail).toContain('数据版本 5');
    expect(child.posted.some((m) => (m as { type: string }).type === 'restoreAtStartup')).toBe(false);
  });
});

describe('quitting', () => {
  it('waits for the backend to close the database, then quits', async () => {
    await boot();
    const child = FakeUtilityProcess.instances[0];
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(child.posted.at(-1)).toEqual({ type: 'close' });
    app.emit('before-quit', { preventDefault: vi.fn() }); // a second request does not close twice
    expect(child.posted.filter((m) => (m as { type: string }).type === 'close')).toHaveLength(1);
    expect(app.quit).not.toHaveBeenCalled();
    child.emit('exit', 0);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    const late = { preventDefault: vi.fn() };
    app.emit('before-quit', late);
    expect(late.preventDefault).not.toHaveBeenCalled();
  });
});

describe('menu', () => {
  it('is 文件 / 编辑 / 视图 / 帮助, every item labelled in Chinese', async () => {
    await boot();
    const template = vi.mocked(Menu.buildFromTemplate).mock.calls[0][0] as {
      label: string;
      submenu: { label?: string; type?: string }[];
    }[];
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    const labels = template.flatMap((m) => m.submenu.filter((i) => i.type !== 'separator').map((i) => i.label ?? ''));
    expect(labels).toEqual(expect.arrayContaining(['打印…', '导出PDF…', '退出', '复制', '粘贴', '关于普查办工作台']));
    for (const label of labels) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });
});
