// Printing a rendered print view (renderer/print): in the desktop app the shell prints it from a
// hidden window of its own (打印: the system dialog; 导出PDF: a save dialog, then an A4 PDF); in
// browser mode it prints from a hidden frame (the browser's dialog, "save as PDF" included).

/** A copy of the preload's print types (electron/desktopApi.ts): the renderer imports core/ only. */
export interface DesktopPrintRequest {
  target: 'printer' | 'pdf';
  html: string;
  defaultName?: string;
  landscape?: boolean;
}
export type DesktopPrintResult = { ok: true; path?: string } | { ok: false; cancelled: boolean; message: string };

interface DesktopPrint {
  print?: (request: DesktopPrintRequest) => Promise<DesktopPrintResult>;
}

/** How this app can print: both targets in the desktop app, the browser's own print otherwise. */
export type PrintTarget = 'printer' | 'pdf' | 'browser';

const desktop = (): DesktopPrint | undefined =>
  (globalThis as { window?: { censusdesk?: DesktopPrint } }).window?.censusdesk;

export function printTargets(): PrintTarget[] {
  return desktop()?.print ? ['printer', 'pdf'] : ['browser'];
}

/** A rendered document and how the shell should name and lay it out. */
export interface PrintableDoc {
  html: string;
  /** The PDF's suggested file name. */
  fileName: string;
  landscape: boolean;
}

/** What became of a print: for the page to tell the clerk (nothing to say when cancelled). */
export type PrintOutcome =
  { kind: 'printed' } | { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/**
 * Prints or exports the document. 'browser' (or no desktop shell) hands it to `printInBrowser`,
 * whose dialog reports nothing back.
 */
export async function printRendered(
  doc: PrintableDoc,
  target: PrintTarget,
  printInBrowser: (html: string) => void,
): Promise<PrintOutcome> {
  const print = desktop()?.print;
  if (target === 'browser' || !print) {
    printInBrowser(doc.html);
    return { kind: 'printed' };
  }
  let r: DesktopPrintResult;
  try {
    r = await print({ target, html: doc.html, defaultName: doc.fileName, landscape: doc.landscape });
  } catch (e) {
    // The shell refuses a request it cannot take (a document too large) with its reason, which
    // Electron wraps in 「Error invoking remote method '…': Error: …」.
    const message = String((e as Error)?.message ?? e).replace(
      /^Error invoking remote method '[^']*': (?:\w*Error: )?/,
      '',
    );
    return { kind: 'failed', message };
  }
  if (r.ok) return r.path ? { kind: 'saved', path: r.path } : { kind: 'printed' };
  return r.cancelled ? { kind: 'cancelled' } : { kind: 'failed', message: r.message };
}

/** 「合同跟踪表-<合同名称>.pdf」: characters Windows refuses in a file name become 「_」. */
export function pdfFileName(kind: string, subject: string): string {
  const clean = subject.replace(/[\\/:*?"<>|\r\n\t]/g, '_').trim();
  return `${kind}${clean ? `-${clean}` : ''}.pdf`;
}
