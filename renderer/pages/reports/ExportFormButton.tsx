// 导出Excel beside a print button: the same document as a workbook (report.export), saved where the
// desktop's dialog says or downloaded by the browser — the 培训签到表 of a session, the 合同跟踪表 of
// a contract, the 劳务报酬发放表 of a pay run (in full when asked: FullSensitiveOption).
import { useState } from 'react';
import { Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { reportName } from '../../../core/reports/catalogue';
import { reportFileName } from '../../../core/reports/fileName';
import { call } from '../../api/call';
import { desktopSavePath, downloadFile } from '../../api/download';
import { toast } from '../../app/feedback';
import { useSession } from '../../stores/session';

type Target =
  | { reportId: 'R4-signin'; sessionId: number }
  | { reportId: 'R5-tracking'; contractId: number }
  | { reportId: 'R6'; payRunId: number; fullSensitive?: boolean };

/** `of`: the session's name or the contract's number, so each form suggests its own file name (as the browser's download is named). */
export function ExportFormButton({ target, of, testId }: { target: Target; of: string; testId?: string }) {
  const [busy, setBusy] = useState(false);
  const county = useSession((s) => s.office?.countyName) ?? '普查办';
  const name = reportName(target.reportId);
  const run = async () => {
    const savePath = await desktopSavePath(reportFileName(county, name, of), `导出${name}`);
    if (savePath === null) return;
    setBusy(true);
    try {
      const r = await call('report.export', { ...target, ...(savePath ? { savePath } : {}) });
      if (!r.ok) return toast.error(r.error.message);
      if (r.data.base64) downloadFile(r.data.base64, r.data.fileName);
      toast.success(`已导出${r.data.savedPath ? `到 ${r.data.savedPath}` : r.data.fileName}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} data-testid={testId}>
      导出Excel
    </Button>
  );
}
