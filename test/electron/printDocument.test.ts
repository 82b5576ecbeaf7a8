// 打印 and 导出PDF of a print view the page rendered, through the print channel as the page calls it
// (against a fake 'electron'): the document is checked, loaded into a hidden window with scripts
// off and no preload, printed or made into the PDF the save dialog names, and the window is closed
// afterwards whatever happened.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => {
  const fake = await import('./fakeElectron');
  /** A window that can also be destroyed, as the print window is; onCreate lets a test make it misbehave. */
  class DestroyableWindow extends fake.FakeBrowserWindow {
    static onCreate: ((w: DestroyableWindow) => void) | null = null;
    destroyed = false;
    destroy = vi.fn(() => void (this.destroyed = true));
    isDestroyed = vi.fn(() => this.destroyed);
    constructor(options: Record<string, unknown>) {
      super(options);
      DestroyableWindow.onCreate?.(this);
    }
  }
  return { ...fake.fakeElectron, BrowserWindow: DestroyableWindow };
});

import { BrowserWindow } from 'electron';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './fakeElectron';
import { APP_START_URL, SHELL_CHANNELS } from '../../electron/channel';
import { FileHandles } from '../../electron/fileHandles';
import { createShellActions } from '../../electron/shellActions';
import { registerShellIpc } from '../../electron/shellIpc';
import { shellPaths } from '../../electron/paths';
import { isTrustedAppUrl } from '../../electron/channel';
import { MAX_PRINT_HTML_BYTES } from '../../electron/shellRequests';
import { CHROMIUM_MAX_URL_CHARS, documentUrl, PRINT_CSP, withPrintCsp } from '../../electron/printWindow';
import { PAPER_PRINT_OPTIONS, PDF_OPTIONS } from '../../electron/printOptions';
import { renderContractSheet } from '../../renderer/print';

type TestWindow = FakeBrowserWindow & { destroy: ReturnType<typeof vi.fn>; isDestroyed: () => boolean };
const Window = BrowserWindow as unknown as { new (o: object): TestWindow; onCreate: ((w: TestWindow) => void) | null };

const DOC =
  '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>合同跟踪表</title>\n</head>\n<body><h1>合同跟踪表</h1></body>\n</html>';
const { dialog, ipcMain } = fakeElectron;
let dir: string;
let main: TestWindow;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'censusdesk-print-'));
  resetFakeElectron();
  Window.onCreate = null;
  main = new Window({ title: '普查办工作台' });
  const actions = createShellActions({
    paths: shellPaths(dir),
    version: '0.1.0',
    documentsDir: () => dir,
    handles: new FileHandles(),
  });
  registerShellIpc({ ipcMain: ipcMain as never, isTrustedUrl: isTrustedAppUrl, actions });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What the page's window.censusdesk.print(request) reaches in the main process. */
const print = (request: unknown) =>
  ipcMain.handlers.get(SHELL_CHANNELS.print)!(
    { sender: main.webContents, senderFrame: { url: APP_START_URL } },
    request,
  ) as Promise<unknown>;
const printWindows = () => FakeBrowserWindow.instances.filter((w) => w !== main) as TestWindow[];
function saveTo(name: string | null) {
  const path = name ? join(dir, name) : '';
  dialog.showSaveDialog.mockResolvedValueOnce({ canceled: !name, filePath: path });
  return path;
}

describe('the document sent to print', () => {
  it('is refused before any dialog or window when it is not a string, empty or too large, with the reason in Chinese', async () => {
    await expect(print({ target: 'pdf', html: 42 })).rejects.toThrow('打印的参数无效：打印内容应为 HTML 文本');
    await expect(print({ target: 'printer', html: '' })).rejects.toThrow('打印的参数无效：打印内容不能为空');
    const tooLarge = '表'.repeat(Math.floor(MAX_PRINT_HTML_BYTES / 3) + 1); // 3 bytes each in UTF-8
    await expect(print({ target: 'pdf', html: tooLarge })).rejects.toThrow(
      '打印的参数无效：打印内容过大（超过 1.5 MB）',
    );
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(printWindows()).toHaveLength(0);
  });

  it('of the largest size allowed still fits in the URL Chromium will load', () => {
    const largest = `<html><head></head><body>${'表'.repeat(Math.floor((MAX_PRINT_HTML_BYTES - 100) / 3))}</body></html>`;
    expect(Buffer.byteLength(largest)).toBeLessThanOrEqual(MAX_PRINT_HTML_BYTES);
    expect(documentUrl(largest).length).toBeLessThan(CHROMIUM_MAX_URL_CHARS);
  });

  it('gets a policy that lets it fetch nothing, inside <head> so the doctype still rules', () => {
    const html = renderContractSheet({
      title: '跟踪表',
      unitLine: { left: '', centre: '', right: '' },
      fields: {},
      nodes: [],
      acceptance: {},
      signatures: '',
    });
    const guarded = withPrintCsp(html);
    expect(guarded.startsWith('<!doctype html>')).toBe(true);
    expect(guarded.indexOf(PRINT_CSP)).toBeGreaterThan(guarded.indexOf('<head>'));
    expect(guarded.indexOf(PRINT_CSP)).toBeLessThan(guarded.indexOf('<style>'));
    expect(PRINT_CSP).toContain("default-src 'none'");
  });
});

describe('导出PDF of a document', () => {
  it('asks where to save, loads it into a hidden window with scripts off, writes the A4 PDF and closes the window', async () => {
    const path = saveTo('合同跟踪表-污染源普查清查服务.pdf');
    await expect(
      print({ target: 'pdf', html: DOC, defaultName: '合同跟踪表-污染源普查清查服务.pdf', landscape: true }),
    ).resolves.toEqual({ ok: true, path });

    const [options] = dialog.showSaveDialog.mock.calls[0].slice(1) as [
      { defaultPath: string; filters: { extensions: string[] }[] },
    ];
    expect(options.defaultPath).toBe(join(dir, '合同跟踪表-污染源普查清查服务.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }]);

    const [win] = printWindows();
    expect(win.options).toMatchObject({ show: false });
    expect(win.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    const url = win.loadURL.mock.calls[0][0];
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    const loaded = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
    expect(loaded).toBe(withPrintCsp(DOC));

    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ ...PDF_OPTIONS, landscape: true });
    expect(main.webContents.printToPDF).not.toHaveBeenCalled();
    expect([...readFileSync(path)]).toEqual([37, 80, 68, 70]);
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('renders nothing when the save dialog is cancelled', async () => {
    saveTo(null);
    await expect(print({ target: 'pdf', html: DOC })).resolves.toEqual({
      ok: false,
      cancelled: true,
      message: '已取消',
    });
    expect(printWindows()).toHaveLength(0);
  });

  it('closes the window and writes nothing when the PDF cannot be made', async () => {
    const path = saveTo('坏.pdf');
    Window.onCreate = (w) => w.webContents.printToPDF.mockRejectedValueOnce(new Error('渲染进程已退出'));
    await expect(print({ target: 'pdf', html: DOC })).resolves.toEqual({
      ok: false,
      cancelled: false,
      message: '导出PDF失败：渲染进程已退出',
    });
    expect(existsSync(path)).toBe(false);
    expect(printWindows()[0].destroy).toHaveBeenCalledTimes(1);
  });

  it('closes the window and says so when the document does not load', async () => {
    const path = saveTo('坏.pdf');
    Window.onCreate = (w) => w.loadURL.mockRejectedValueOnce(new Error('ERR_INVALID_URL (-300)'));
    await expect(print({ target: 'pdf', html: DOC })).resolves.toEqual({
      ok: false,
      cancelled: false,
      message: '导出PDF失败：无法载入要打印的内容（ERR_INVALID_URL (-300)）',
    });
    expect(printWindows()[0].webContents.printToPDF).not.toHaveBeenCalled();
    expect(printWindows()[0].destroy).toHaveBeenCalledTimes(1);
    expect(existsSync(path)).toBe(false);
  });
});

describe('打印 of a document', () => {
  it('opens the system print dialog for the hidden window, A4, then closes it', async () => {
    await expect(print({ target: 'printer', html: DOC, landscape: true })).resolves.toEqual({ ok: true });
    const [win] = printWindows();
    expect(win.webContents.print).toHaveBeenCalledWith(
      { ...PAPER_PRINT_OPTIONS, landscape: true },
      expect.any(Function),
    );
    expect(main.webContents.print).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });

  it('closes the window when the clerk cancels the print dialog, and when printing fails', async () => {
    Window.onCreate = (w) => w.webContents.print.mockImplementationOnce((_o, cb) => cb(false, 'cancelled'));
    await expect(print({ target: 'printer', html: DOC })).resolves.toEqual({
      ok: false,
      cancelled: true,
      message: '已取消',
    });
    Window.onCreate = (w) => w.webContents.print.mockImplementationOnce((_o, cb) => cb(false, 'Print job failed'));
    await expect(print({ target: 'printer', html: DOC })).resolves.toEqual({
      ok: false,
      cancelled: false,
      message: '打印失败：Print job failed',
    });
    const windows = printWindows();
    expect(windows).toHaveLength(2);
    for (const w of windows) expect(w.destroy).toHaveBeenCalledTimes(1);
  });

  it('without a document prints the page itself, as the menu does', async () => {
    await expect(print({ target: 'printer' })).resolves.toEqual({ ok: true });
    expect(main.webContents.print).toHaveBeenCalledTimes(1);
    expect(printWindows()).toHaveLength(0);
  });
});
