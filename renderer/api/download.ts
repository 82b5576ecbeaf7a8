// Files the backend hands back as base64 (report.export, report.reexport, import.errors) are
// downloaded in the browser through a Blob and an <a download>.
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function downloadBase64(base64: string, fileName: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file as base64 (import.upload). */
export function fileToBase64(file: File): Promise<string> {
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
