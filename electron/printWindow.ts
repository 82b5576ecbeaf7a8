// The hidden window a print view is printed from: the document the page rendered (renderer/print),
// loaded with scripts off, no preload and the secure preferences, and destroyed after printing.
//
// Loaded from a data: URL, not a temporary file or app://:
// - app:// is our bundle's trusted origin: the IPC channels answer any frame served from it, and
//   protocol.ts serves files of dist/renderer only; a document from the page does not belong there.
// - A temporary file would put names, 公民身份号码 and 银行卡号 on disk in %TEMP%, where a crash
//   leaves them, and give the document a file:// origin that may read its neighbours.
// - A data: URL never touches the disk and has an opaque origin. hardenWebContents stops page-made
//   navigations only; loadURL from the main process is not one, so the rules stay as they are.
//   Its one cost is Chromium's 2 MB limit on URLs, which MAX_PRINT_HTML_BYTES keeps below.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { SECURE_WEB_PREFERENCES } from './security';
import type { PrintableWindow } from './printing';

/** Chromium refuses to load a URL longer than this (content/public/common/url_constants). */
export const CHROMIUM_MAX_URL_CHARS = 2 * 1024 * 1024;

export const PRINT_WINDOW_OPTIONS = {
  show: false,
  // An A4 page at 96 dpi: the layout the print views are drawn at on screen.
  width: 794,
  height: 1123,
  webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false, devTools: false, images: true },
} as const satisfies BrowserWindowConstructorOptions;

/**
 * The document may fetch nothing: a print view is self-contained (inline CSS, system fonts), so a
 * stray URL in it cannot reach the network or the disk. Placed first in <head>, where it applies
 * to everything after it; before <!doctype> it would drop the page into quirks mode.
 */
export const PRINT_CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`;

export function withPrintCsp(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return `${PRINT_CSP}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n${PRINT_CSP}${html.slice(at)}`;
}

export const documentUrl = (html: string) =>
  `data:text/html;charset=utf-8;base64,${Buffer.from(withPrintCsp(html), 'utf8').toString('base64')}`;

type WindowClass = new (
  options: BrowserWindowConstructorOptions,
) => Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed' | 'webContents'>;

/** Creates the hidden window and resolves once the document has loaded (it is destroyed if it fails to). */
export async function openPrintWindow(Window: WindowClass, html: string): Promise<PrintableWindow> {
  const win = new Window(PRINT_WINDOW_OPTIONS);
  const close = () => {
    if (!win.isDestroyed()) win.destroy();
  };
  try {
    // Resolves on did-finish-load (the document and its styles are in), rejects on did-fail-load.
    await win.loadURL(documentUrl(html));
  } catch (e) {
    close();
    throw e;
  }
  return { contents: win.webContents, close };
}
