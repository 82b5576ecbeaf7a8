// Where a print view goes: to the desktop shell (打印 / 导出PDF, with the rendered document) when the
// page runs in the desktop app, to the browser's own print from a hidden frame otherwise.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  pdfFileName,
  printRendered,
  printTargets,
  type DesktopPrintRequest,
  type DesktopPrintResult,
} from '../../renderer/api/desktopPrint';

const doc = {
  html: '<!doctype html><title>劳务报酬发放表</title>',
  fileName: '劳务报酬发放表-2018年8月清查劳务费.pdf',
  landscape: true,
};
const g = globalThis as { window?: unknown };

function desktop(answer: (r: DesktopPrintRequest) => Promise<DesktopPrintResult>) {
  const print = vi.fn(answer);
  g.window = { censusdesk: { call: vi.fn(), print } };
  return print;
}
afterEach(() => {
  delete g.window;
});

describe('in browser mode', () => {
  it('offers the browser’s print only and prints from the frame', async () => {
    g.window = {};
    expect(printTargets()).toEqual(['browser']);
    const frame = vi.fn();
    await expect(printRendered(doc, 'browser', frame)).resolves.toEqual({ kind: 'printed' });
    expect(frame).toHaveBeenCalledWith(doc.html);
  });

  it('falls back to the frame when asked for the PDF without a desktop shell', async () => {
    g.window = { censusdesk: { call: vi.fn() } }; // a preload without print
    expect(printTargets()).toEqual(['browser']);
    const frame = vi.fn();
    await printRendered(doc, 'pdf', frame);
    expect(frame).toHaveBeenCalledTimes(1);
  });
});

describe('in the desktop app', () => {
  it('offers 打印 and 导出PDF, and sends the rendered document with its name and orientation', async () => {
    const print = desktop(async () => ({ ok: true, path: 'D:\\报表\\劳务报酬发放表.pdf' }));
    expect(printTargets()).toEqual(['printer', 'pdf']);
    const frame = vi.fn();
    await expect(printRendered(doc, 'pdf', frame)).resolves.toEqual({
      kind: 'saved',
      path: 'D:\\报表\\劳务报酬发放表.pdf',
    });
    expect(print).toHaveBeenCalledWith({ target: 'pdf', html: doc.html, defaultName: doc.fileName, landscape: true });
    expect(frame).not.toHaveBeenCalled();
  });

  it('prints on paper through the shell', async () => {
    const print = desktop(async () => ({ ok: true }));
    await expect(printRendered({ ...doc, landscape: false }, 'printer', vi.fn())).resolves.toEqual({ kind: 'printed' });
    expect(print.mock.calls[0][0]).toMatchObject({ target: 'printer', landscape: false });
  });

  it('tells a cancelled dialog from a failure', async () => {
    desktop(async () => ({ ok: false, cancelled: true, message: '已取消' }));
    await expect(printRendered(doc, 'pdf', vi.fn())).resolves.toEqual({ kind: 'cancelled' });
    desktop(async () => ({ ok: false, cancelled: false, message: '导出PDF失败：磁盘已满' }));
    await expect(printRendered(doc, 'pdf', vi.fn())).resolves.toEqual({
      kind: 'failed',
      message: '导出PDF失败：磁盘已满',
    });
  });

  it('shows the shell’s reason for refusing a request without Electron’s wrapping', async () => {
    desktop(async () => {
      throw new Error(
        "Error invoking remote method 'censusdesk:print': Error: 打印的参数无效：打印内容过大（超过 1.5 MB）",
      );
    });
    await expect(printRendered(doc, 'printer', vi.fn())).resolves.toEqual({
      kind: 'failed',
      message: '打印的参数无效：打印内容过大（超过 1.5 MB）',
    });
  });
});

describe('the PDF’s file name', () => {
  it('names the document and its subject, without characters Windows refuses', () => {
    expect(pdfFileName('合同跟踪表', '污染源普查清查服务')).toBe('合同跟踪表-污染源普查清查服务.pdf');
    expect(pdfFileName('培训签到表', ' A/B:培训班? ')).toBe('培训签到表-A_B_培训班_.pdf');
    expect(pdfFileName('合同跟踪表', '')).toBe('合同跟踪表.pdf');
  });
});
