// Native save/open dialogs. The page names a kind of file and a suggested name; the user picks the
// path in a dialog of the main process, and only that path goes back to the page.
import { basename, dirname, join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult } from './desktopApi';
import { ALL_FILES_FILTER, OPEN_FILTERS, SAVE_FILTERS } from './fileKinds';

export interface FileDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  writeFile: (path: string, data: Uint8Array | string) => Promise<void>;
  /** Where the first dialog opens (the user's Documents folder). */
  defaultDir: () => string;
}

export function createFileDialogs(deps: FileDialogDeps) {
  // The next dialog opens where the user last saved or opened something.
  let lastDir: string | null = null;
  const dir = () => lastDir ?? deps.defaultDir();

  async function saveFile(window: BrowserWindow | null, request: SaveFileRequest): Promise<SaveFileResult> {
    const options = {
      title: request.title ?? '保存文件',
      defaultPath: join(dir(), request.defaultName),
      buttonLabel: '保存',
      filters: [SAVE_FILTERS[request.kind]],
      properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    };
    const r = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return null;
    lastDir = dirname(r.filePath);
    if (request.data !== undefined) await deps.writeFile(r.filePath, request.data);
    return { path: r.filePath };
  }

  async function openFile(window: BrowserWindow | null, request: OpenFileRequest): Promise<OpenFileResult> {
    const kinds = [...new Set(request.kinds)];
    const options = {
      title: request.title ?? '打开文件',
      defaultPath: dir(),
      buttonLabel: '打开',
      filters: [...kinds.map((k) => OPEN_FILTERS[k]), ALL_FILES_FILTER],
      properties: ['openFile' as const],
    };
    const r = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
    const path = r.filePaths[0];
    if (r.canceled || !path) return null;
    lastDir = dirname(path);
    return { path, name: basename(path) };
  }

  return { saveFile, openFile };
}

export type FileDialogs = ReturnType<typeof createFileDialogs>;
