// The shape of the one object the preload exposes as window.censusdesk. Types only, no 'electron'
// import: the preload, the main process's handlers and the tests share them (the renderer keeps a
// copy in its bridge, since it may import core/ only).
import type { Result } from '../core/api';

/** Which file-type filter a dialog shows; the main process owns the filters (electron/fileKinds.ts). */
export type FileKind = 'excel' | 'csv' | 'pdf' | 'backup' | 'package';

export interface SaveFileRequest {
  kind: FileKind;
  /** A file name only (any folder part is dropped); the dialog opens in the last folder used. */
  defaultName: string;
  title?: string;
  /** Small content made in the page; without it the caller gets the path and has the backend write it. */
  data?: Uint8Array | string;
}
/**
 * null: the user cancelled. Without `data`, `path` is a one-time handle to pass to the backend as
 * `savePath` / `path` (electron/fileHandles.ts), never the path itself.
 */
export type SaveFileResult = { path: string } | null;

export interface OpenFileRequest {
  kinds: FileKind[];
  title?: string;
}
/** null: the user cancelled. `path` is a one-time handle for the backend; `name` the file name, for display. */
export type OpenFileResult = { path: string; name: string } | null;

export interface PrintRequest {
  /** 'printer' opens the system print dialog; 'pdf' asks where to save, then writes an A4 PDF. */
  target: 'printer' | 'pdf';
  /**
   * A complete document to print (a print view of renderer/print, at most MAX_PRINT_HTML_BYTES):
   * the shell loads it into a hidden window with scripts off. Without it the page itself is printed.
   */
  html?: string;
  /** For 'pdf': the suggested file name. */
  defaultName?: string;
  landscape?: boolean;
}
export type PrintResult = { ok: true; path?: string } | { ok: false; cancelled: boolean; message: string };

export interface AppInfo {
  name: string;
  version: string;
  /** The SQLite file (userData/data/censusdesk.db); shown in 系统设置. */
  dataPath: string;
  /** The backup folder in use: the one chosen in 系统设置, else a sibling of the data folder. */
  backupDir: string;
  /** Where backups go unless another folder is chosen. */
  defaultBackupDir: string;
  logDir: string;
  electronVersion: string;
  chromeVersion: string;
  platform: string;
}

export interface DesktopApi {
  call(method: string, input?: unknown): Promise<Result<unknown>>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  print(request: PrintRequest): Promise<PrintResult>;
  appInfo(): Promise<AppInfo>;
  /** Opens an https link in the system browser if its host is on the allow-list; true if opened. */
  openExternal(url: string): Promise<boolean>;
}

export const DESKTOP_API_KEYS = [
  'call',
  'saveFile',
  'openFile',
  'print',
  'appInfo',
  'openExternal',
] as const satisfies readonly (keyof DesktopApi)[];
