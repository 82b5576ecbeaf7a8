// 重新导出此版本: a recorded monthly report again, byte for byte as the city received it.
import { useState } from 'react';
import { Button } from 'antd';
import { call } from '../../api/call';
import { downloadBase64 } from '../../api/download';
import { toast } from '../../app/feedback';

export function ReexportButton({ exportId }: { exportId: number }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await call('report.reexport', { exportId });
    setBusy(false);
    if (!r.ok) return toast.error(r.error.message);
    if (r.data.base64) downloadBase64(r.data.base64, r.data.fileName);
    toast.success(`已重新导出 ${r.data.fileName}`);
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
