// Printing and 导出PDF: A4 with backgrounds, page numbers from the page's CSS, the PDF written
// where the user chose.
import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { printPage } from '../../electron/printing';
import { PAPER_PRINT_OPTIONS, PDF_OPTIONS, PRINT_MARGINS_MM } from '../../electron/printOptions';
import { printCss } from '../../renderer/print/printCss';
import { FakeWebContents } from './fakeElectron';

function setup(pdfPath: string | null = 'D:/合同跟踪表.pdf') {
  const contents = new FakeWebContents();
  const deps = { askPdfPath: vi.fn(async (_name: string) => pdfPath), writeFile: vi.fn(async () => undefined) };
  return {
    contents,
    deps,
    print: (r: Parameters<typeof printPage>[1]) => printPage(contents as unknown as WebContents, r, deps),
  };
}

describe('print options', () => {
  it('are A4 with backgrounds, and the shell adds no header or footer of its own', () => {
    expect(PDF_OPTIONS).toMatchObject({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
    });
    expect(PAPER_PRINT_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true, silent: false });
    expect(PAPER_PRINT_OPTIONS).not.toHaveProperty('footer');
    expect(PDF_OPTIONS.margins.bottom).toBeCloseTo(PRINT_MARGINS_MM.bottom / 25.4);
  });

  it('use the print views’ own margins, so paper, PDF and browser print agree', () => {
    const m = PRINT_MARGINS_MM;
    expect(printCss('portrait')).toContain(`margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;`);
    expect(printCss('landscape')).toContain('size: A4 landscape');
    expect(PDF_OPTIONS.margins.left).toBeCloseTo(m.left / 25.4);
    expect(PAPER_PRINT_OPTIONS.margins.top).toBe(Math.round((m.top / 25.4) * 96));
  });
});

describe('printing', () => {
  it('opens the system print dialog with the paper options', async () => {
    const { contents, print } = setup();
    await expect(print({ target: 'printer', landscape: true })).resolves.toEqual({ ok: true });
    expect(contents.print).toHaveBeenCalledWith({ ...PAPER_PRINT_OPTIONS, landscape: true }, expect.any(Function));
  });

  it('tells a cancelled print from a failed one', async () => {
    const { contents, print } = setup();
    contents.print.mockImplementationOnce((_o, cb) => cb(false, 'cancelled'));
    await expect(print({ target: 'printer' })).resolves.toEqual({ ok: false, cancelled: true, message: '已取消' });
    contents.print.mockImplementationOnce((_o, cb) => cb(false, 'failed'));
    await expect(print({ target: 'printer' })).resolves.toEqual({
      ok: false,
      cancelled: false,
      message: '打印失败：failed',
    });
  });

  it('asks where to save the PDF first, then writes the A4 PDF there', async () => {
    const { contents, deps, print } = setup();
    await expect(print({ target: 'pdf', defaultName: '合同跟踪表.pdf' })).resolves.toEqual({
      ok: true,
      path: 'D:/合同跟踪表.pdf',
    });
    expect(deps.askPdfPath).toHaveBeenCalledWith('合同跟踪表.pdf');
    expect(contents.printToPDF).toHaveBeenCalledWith({ ...PDF_OPTIONS, landscape: false });
    expect(deps.writeFile).toHaveBeenCalledWith('D:/合同跟踪表.pdf', new Uint8Array([37, 80, 68, 70]));
  });

  it('does not render anything when the save dialog is cancelled', async () => {
    const { contents, deps, print } = setup(null);
    await expect(print({ target: 'pdf' })).resolves.toMatchObject({ ok: false, cancelled: true });
    expect(contents.printToPDF).not.toHaveBeenCalled();
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('reports a PDF that could not be made', async () => {
    const { contents, print } = setup();
    contents.printToPDF.mockRejectedValueOnce(new Error('渲染失败'));
    await expect(print({ target: 'pdf' })).resolves.toEqual({
      ok: false,
      cancelled: false,
      message: '导出PDF失败：渲染失败',
    });
  });
});
