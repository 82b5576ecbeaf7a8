// What the shell does for the page and the menu: dialogs, printing, app info, external links.
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { configuredBackupDir } from '../backend/backups/folder';
import { APP_NAME } from './appIdentity';
import type { AppInfo, PrintRequest, PrintResult } from './desktopApi';
import { openExternalLink } from './externalLinks';
import { createFileDialogs } from './fileDialogs';
import type { FileHandles } from './fileHandles';
import type { ShellPaths } from './paths';
import { printDocument, printPage } from './printing';
import { openPrintWindow } from './printWindow';
import type { ShellActions } from './shellIpc';
import { safeFileName } from './shellRequests';

export interface ShellActionDeps {
  paths: ShellPaths;
  version: string;
  documentsDir: () => string;
  /** Where a dialog's answer for the backend is kept; the page gets a handle (electron/fileHandles.ts). */
  handles: FileHandles;
}

export function createShellActions(
  d: ShellActionDeps,
): ShellActions & { printFrom(contents: WebContents, request: PrintRequest): Promise<PrintResult> } {
  const files = createFileDialogs({
    dialog,
    writeFile: (path, data) => writeFile(path, data),
    defaultDir: d.documentsDir,
  });
  const windowOf = (contents: WebContents) => BrowserWindow.fromWebContents(contents);

  const pdfDeps = (contents: WebContents) => ({
    askPdfPath: async (name: string) =>
      (await files.saveFile(windowOf(contents), { kind: 'pdf', defaultName: name, title: '导出PDF' }))?.path ?? null,
    writeFile: (path: string, data: Uint8Array) => writeFile(path, data),
  });
  const printFrom = (contents: WebContents, request: PrintRequest) => printPage(contents, request, pdfDeps(contents));
  // A print view the page rendered: printed from a hidden window of its own, never the page itself.
  const printHtml = (sender: WebContents, html: string, request: PrintRequest) =>
    printDocument(html, request, { ...pdfDeps(sender), openDocument: (doc) => openPrintWindow(BrowserWindow, doc) });

  const appInfo = (): AppInfo => ({
    name: APP_NAME,
    version: d.version,
    dataPath: d.paths.dataPath,
    // Read each time: the clerk may choose another folder in 系统设置.
    backupDir: configuredBackupDir(d.paths.dataPath),
    defaultBackupDir: d.paths.defaultBackupDir,
    logDir: d.paths.logDir,
    electronVersion: process.versions.electron ?? '',
    chromeVersion: process.versions.chrome ?? '',
    platform: process.platform,
  });

  return {
    // Content the page sent is written here; a path for the backend to write goes back as a handle.
    saveFile: async (sender, request) => {
      const r = await files.saveFile(windowOf(sender), request);
      if (!r || request.data !== undefined) return r;
      return { path: d.handles.issue(sender.id, r.path, 'save') };
    },
    openFile: async (sender, request) => {
      const r = await files.openFile(windowOf(sender), request);
      return r && { path: d.handles.issue(sender.id, r.path, 'open'), name: r.name };
    },
    print: (sender, { html, ...request }) => {
      const named = { ...request, defaultName: request.defaultName ?? safeFileName(`${sender.getTitle()}.pdf`) };
      return html === undefined ? printFrom(sender, named) : printHtml(sender, html, named);
    },
    appInfo,
    openExternal: (url) => openExternalLink(shell, url),
    printFrom,
  };
}
