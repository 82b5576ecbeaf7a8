// 重新导出此版本: a recorded monthly report again, byte for byte as the city received it.
import { useState } from 'react';
import { Button } from 'antd';
import { call } from '../../api/call';
import { desktopSavePath, downloadFile } from '../../api/download';
import { toast } from '../../app/feedback';

export function ReexportButton({ exportId, fileName }: { exportId: number; fileName: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const savePath = await desktopSavePath(fileName, '重新导出工作进度月报');
    if (savePath === null) return;
    setBusy(true);
    const r = await call('report.reexport', { exportId, ...(savePath ? { savePath } : {}) });
    setBusy(false);
    if (!r.ok) return toast.error(r.error.message);
    if (r.data.base64) downloadFile(r.data.base64, r.data.fileName);
    toast.success(`已重新导出${r.data.savedPath ? `到 ${r.data.savedPath}` : r.data.fileName}`);
  };
  return (
    <Button
      size="small"
      type="link"
      loading={busy}
      data-testid="report-reexport"
      onClick={(e) => {
        e.stopPropagation();
        void run();
      }}
    >
      重新导出此版本
    </Button>
  );
}
