// Files chosen or saved through the desktop app's native dialogs (window.censusdesk.saveFile /
// openFile, electron/desktopApi.ts — the renderer keeps its own copy of the types, as it imports
// core/ only), and their browser-mode counterparts: a download, or a file the clerk picks.
import { base64ToBytes, downloadFile } from './download';

type FileKind = 'excel' | 'package';

interface DesktopFiles {
  saveFile?: (request: {
    kind: FileKind;
    defaultName: string;
    title?: string;
    data?: Uint8Array;
  }) => Promise<{ path: string } | null>;
  openFile?: (request: { kinds: FileKind[]; title?: string }) => Promise<{ path: string; name: string } | null>;
}

const desktop = () => (window as unknown as { censusdesk?: DesktopFiles }).censusdesk;

/** True in the desktop app, where files are chosen in native dialogs and paths go to the backend. */
export const isDesktop = () => typeof desktop()?.saveFile === 'function';

/** Desktop: where to save (null: cancelled). Browser mode has no paths: undefined. */
export async function askSavePath(
  kind: FileKind,
  defaultName: string,
  title: string,
): Promise<string | null | undefined> {
  const d = desktop();
  if (!d?.saveFile) return undefined;
  return (await d.saveFile({ kind, defaultName, title }))?.path ?? null;
}

/** Desktop: which file to open (null: cancelled); undefined in browser mode. */
export async function askOpenPath(
  kind: FileKind,
  title: string,
): Promise<{ path: string; name: string } | null | undefined> {
  const d = desktop();
  if (!d?.openFile) return undefined;
  return d.openFile({ kinds: [kind], title });
}

/**
 * A file the backend made (a file field's content: base64 in the desktop app, a download reference
 * in the browser): in the desktop app the clerk picks where it goes and the shell writes it; in the
 * browser it is downloaded. False when the clerk cancelled.
 */
export async function saveBase64(
  base64: string,
  fileName: string,
  kind: FileKind,
  title: string,
  type?: string,
): Promise<boolean> {
  const d = desktop();
  if (d?.saveFile) {
    return (await d.saveFile({ kind, defaultName: fileName, title, data: base64ToBytes(base64) })) !== null;
  }
  downloadFile(base64, fileName, type);
  return true;
}

/** Sizes as the clerk reads them: 812 KB, 3.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
