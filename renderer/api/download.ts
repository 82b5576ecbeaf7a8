// Files to and from the backend (core/schemas/files.ts). A file the backend answers with arrives,
// in browser mode, as a one-time download reference: the browser fetches it itself (a plain
// navigation to GET /api/download/<id>), so the bytes go straight to disk and never through the
// page's memory. In the desktop app (IPC) it arrives as base64. A file for the backend goes up, in
// browser mode, as raw bytes (bridge.upload) ahead of the call that names it; in the desktop as base64.
import type { Result } from '../../core/api';
import { DOWNLOAD_PATH, downloadIdOf } from '../../core/schemas/files';
import { getBridge } from '../bridge';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Saves a file field's content (a download reference, or base64) under fileName through the browser. */
export function downloadFile(content: string, fileName: string, type = XLSX_TYPE): void {
  const id = downloadIdOf(content);
  const url = id !== null ? DOWNLOAD_PATH + id : URL.createObjectURL(new Blob([base64ToBytes(content)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (id === null) setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file as base64 (the desktop's IPC). */
function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = String(reader.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

/**
 * What to put in a call's file field for a chosen file (import.upload, package.import, report.read):
 * in browser mode its upload reference (the bytes are sent now), in the desktop its base64.
 */
export async function fileContent(file: File): Promise<Result<string>> {
  const bridge = getBridge();
  if (bridge.upload) return bridge.upload(file);
  try {
    return { ok: true, data: await fileToBase64(file) };
  } catch (e) {
    return {
      ok: false,
      error: { code: 'READ_FAILED', message: e instanceof Error ? e.message : String(e), issues: [] },
    };
  }
}

interface DesktopSave {
  saveFile?: (request: { kind: 'excel'; defaultName: string; title?: string }) => Promise<{ path: string } | null>;
}

/**
 * Desktop app: ask where to save first (the backend then writes the file there, reports.md);
 * undefined in browser mode, null when the clerk cancelled the dialog.
 */
export async function desktopSavePath(defaultName: string, title: string): Promise<string | null | undefined> {
  const desktop = (window as unknown as { censusdesk?: DesktopSave }).censusdesk;
  if (!desktop?.saveFile) return undefined;
  const picked = await desktop.saveFile({ kind: 'excel', defaultName, title });
  return picked ? picked.path : null;
}
