// Printing on paper through the system print dialog, or as an A4 PDF saved where the user says:
// a document the page sends (a print view, from a hidden window: printWindow.ts), or the page the
// user is looking at (the menu). Layout and page numbers are the document's print CSS (printOptions.ts).
import type { WebContents } from 'electron';
import type { PrintRequest, PrintResult } from './desktopApi';
import { PAPER_PRINT_OPTIONS, PDF_OPTIONS } from './printOptions';

export interface PrintDeps {
  /** Asks where to save the PDF (the save dialog with the PDF filter); null when cancelled. */
  askPdfPath: (defaultName: string) => Promise<string | null>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
}

type Printable = Pick<WebContents, 'print' | 'printToPDF'>;

/** A loaded document ready to print, and how to get rid of its window. */
export interface PrintableWindow {
  contents: Printable;
  close(): void;
}

export interface DocumentPrintDeps extends PrintDeps {
  /** Loads the document into a hidden window; resolves once it has loaded. */
  openDocument: (html: string) => Promise<PrintableWindow>;
}

const cancelled: PrintResult = { ok: false, cancelled: true, message: '已取消' };

export async function printPage(contents: Printable, request: PrintRequest, deps: PrintDeps): Promise<PrintResult> {
  const landscape = request.landscape ?? false;
  if (request.target === 'printer') {
    return new Promise((resolve) => {
      contents.print(
        { ...PAPER_PRINT_OPTIONS, margins: { ...PAPER_PRINT_OPTIONS.margins }, landscape },
        (success, failureReason) => {
          if (success) resolve({ ok: true });
          else if (failureReason === 'cancelled') resolve(cancelled);
          else resolve({ ok: false, cancelled: false, message: `打印失败：${failureReason || '未知原因'}` });
        },
      );
    });
  }
  const path = await deps.askPdfPath(request.defaultName ?? '打印.pdf');
  if (!path) return cancelled;
  try {
    const pdf = await contents.printToPDF({ ...PDF_OPTIONS, margins: { ...PDF_OPTIONS.margins }, landscape });
    await deps.writeFile(path, pdf);
    return { ok: true, path };
  } catch (e) {
    return { ok: false, cancelled: false, message: `导出PDF失败：${(e as Error).message}` };
  }
}

/**
 * Prints a document the page rendered. The save dialog comes first, so a cancelled one renders
 * nothing; the hidden window is closed whatever happens — printed, cancelled or failed.
 */
export async function printDocument(
  html: string,
  request: PrintRequest,
  deps: DocumentPrintDeps,
): Promise<PrintResult> {
  let path: string | null = null;
  if (request.target === 'pdf') {
    path = await deps.askPdfPath(request.defaultName ?? '打印.pdf');
    if (!path) return cancelled;
  }
  let win: PrintableWindow;
  try {
    win = await deps.openDocument(html);
  } catch (e) {
    const what = request.target === 'pdf' ? '导出PDF' : '打印';
    return { ok: false, cancelled: false, message: `${what}失败：无法载入要打印的内容（${(e as Error).message}）` };
  }
  try {
    return await printPage(win.contents, request, { askPdfPath: async () => path, writeFile: deps.writeFile });
  } finally {
    win.close();
  }
}
