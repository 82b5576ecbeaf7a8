// A file taken in, downloaded as received (intake.download): in the desktop app the save dialog
// picks the path first, in the browser the bytes come as a one-time download.
import { call } from '../../api/call';
import { desktopSavePath, downloadFile } from '../../api/download';
import { toast } from '../../app/feedback';

const TYPES: Record<string, string> = {
  xls: 'application/vnd.ms-excel',
  zip: 'application/zip',
};

export async function downloadReceived(fileId: number, fileName: string): Promise<void> {
  const base = fileName.split('/').pop() ?? fileName;
  const savePath = await desktopSavePath(base, '保存收取的原文件');
  if (savePath === null) return;
  const r = await call('intake.download', { fileId, ...(savePath ? { savePath } : {}) });
  if (!r.ok) return toast.error(r.error.message);
  if (r.data.base64) downloadFile(r.data.base64, r.data.fileName, TYPES[base.split('.').pop() ?? ''] ?? undefined);
  if (r.data.savedPath) toast.success(`已保存到 ${r.data.savedPath}`);
}
