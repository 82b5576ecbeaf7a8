// What the shell does for the page and the menu: dialogs, printing, app info, external links.
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { configuredBackupDir } from '../backend/backups/folder';
import { APP_NAME } from './appIdentity';
import type { AppInfo, PrintRequest, PrintResult } from './desktopApi';
import { openExternalLink } from './externalLinks';
import { createFileDialogs } from './fileDialogs';
import type { ShellPaths } from './paths';
import { printDocument, printPage } from './printing';
import { openPrintWindow } from './printWindow';
import type { ShellActions } from './shellIpc';
import { safeFileName } from './shellRequests';

export interface ShellActionDeps {
  paths: ShellPaths;
  version: string;
  documentsDir: () => string;
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
    saveFile: (sender, request) => files.saveFile(windowOf(sender), request),
    openFile: (sender, request) => files.openFile(windowOf(sender), request),
    print: (sender, { html, ...request }) => {
      const named = { ...request, defaultName: request.defaultName ?? safeFileName(`${sender.getTitle()}.pdf`) };
      return html === undefined ? printFrom(sender, named) : printHtml(sender, html, named);
    },
    appInfo,
    openExternal: (url) => openExternalLink(shell, url),
    printFrom,
  };
}
