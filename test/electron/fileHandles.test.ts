// The desktop names files only through its dialogs: the page gets a one-time handle for the path
// the clerk chose, and the API channel swaps it for the path before the backend sees the call. A
// made-up path, a used, foreign or expired handle, or a handle of the wrong dialog is refused.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

import { FakeBrowserWindow, FakeUtilityProcess, fakeElectron, shellTestEnvironment } from './fakeElectron';
import { startShell } from '../../electron/shell';
import { APP_START_URL, SHELL_CHANNELS } from '../../electron/channel';
import { FileHandles, PATH_REFUSED } from '../../electron/fileHandles';

const { ipcMain, dialog } = fakeElectron;
shellTestEnvironment('censusdesk-handles-');

async function boot() {
  startShell({ bundleDir: '/app/dist/electron', rendererDir: '/app/dist/renderer' });
  await fakeElectron.makeReady();
  const window = FakeBrowserWindow.instances[0];
  const child = FakeUtilityProcess.instances[0];
  const event = { sender: window.webContents, senderFrame: { url: APP_START_URL } };
  const channel = (name: string) => ipcMain.handlers.get(name)!;
  /** A call through the API channel, answered by the fake backend with `data`. */
  const call = async (method: string, input: unknown, data: unknown = null, from = event) => {
    const before = child.posted.length;
    const pending = channel('censusdesk:call')(from, method, input) as Promise<unknown>;
    await new Promise((r) => setImmediate(r));
    const sent = child.posted.length > before ? (child.posted.at(-1) as { id: number; input: unknown }) : null;
    if (sent) child.emit('message', { type: 'result', id: sent.id, result: { ok: true, data } });
    return { answer: await pending, sent };
  };
  return { window, child, event, channel, call };
}

const saved = 'C:\\Users\\clerk\\Documents\\花名册.xlsx';
const opened = '/home/clerk/迁移/蓬安县_数据包.cdpkg'; // a path of the machine the test runs on (basename)

describe('file handles through the shell', () => {
  it('a save dialog answers the page with a handle, which the backend gets as the chosen path, once', async () => {
    const { channel, call } = await boot();
    await call('session.login', { name: 'admin', password: 'secret123' }, { id: 1, name: 'admin', role: '管理员' });
    vi.mocked(dialog.showSaveDialog).mockResolvedValue({ canceled: false, filePath: saved });
    const picked = (await channel(SHELL_CHANNELS.saveFile)(
      { sender: FakeBrowserWindow.instances[0].webContents, senderFrame: { url: APP_START_URL } },
      { kind: 'excel', defaultName: '花名册.xlsx' },
    )) as { path: string };
    expect(picked.path).toMatch(/^cdfile:[0-9a-f]{48}$/);
    expect(JSON.stringify(picked)).not.toContain('花名册');

    const first = await call('report.export', { reportId: 'R1', savePath: picked.path });
    expect(first.sent?.input).toEqual({ reportId: 'R1', savePath: saved });

    // Used up: the same handle again, or a path made up by the page, never reaches the backend.
    for (const savePath of [picked.path, saved, 'C:\\Windows\\x.xlsx', '/etc/x.xlsx']) {
      const again = await call('report.export', { reportId: 'R1', savePath });
      expect(again.sent).toBeNull();
      expect(again.answer).toEqual({
        ok: false,
        error: { code: 'PATH_NOT_ALLOWED', message: PATH_REFUSED, issues: [] },
      });
    }
  });

  it('an open dialog’s handle opens that file, from that window only, and is no place to save', async () => {
    const { channel, call, event } = await boot();
    vi.mocked(dialog.showOpenDialog).mockResolvedValue({ canceled: false, filePaths: [opened] });
    const open = async () =>
      (await channel(SHELL_CHANNELS.openFile)(event, { kinds: ['package'] })) as { path: string; name: string };
    const a = await open();
    expect(a).toEqual({ path: expect.stringMatching(/^cdfile:/) as string, name: '蓬安县_数据包.cdpkg' });
    // Another window (another webContents) cannot use it.
    const other = { sender: { id: 9999 }, senderFrame: { url: APP_START_URL } };
    expect((await call('setup.importPackage', { path: a.path }, null, other as never)).sent).toBeNull();
    const used = await call('setup.importPackage', { path: a.path });
    expect(used.sent?.input).toEqual({ path: opened });

    await call('session.login', { name: 'admin', password: 'secret123' }, { id: 1, name: 'admin', role: '管理员' });
    const b = await open();
    expect((await call('report.export', { reportId: 'R1', savePath: b.path })).sent).toBeNull();
  });

  it('a handle lasts ten minutes', () => {
    let now = 0;
    const handles = new FileHandles(() => now);
    const h = handles.issue(1, saved, 'save');
    now = 10 * 60_000;
    expect(handles.resolve(1, { savePath: h })).toEqual({ ok: false, message: PATH_REFUSED });
    expect(handles.resolve(1, { reportId: 'R1' })).toEqual({ ok: true, input: { reportId: 'R1' } });
  });
});
