// 导出 of the 操作日志 (管理员): the entries the current filters show (操作员, 对象, 日期), as an
// .xlsx — downloaded in the browser, saved where the clerk chooses in the desktop app. Sensitive
// numbers stay masked; the export itself is audited.
import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { InputOf } from '../../../core/api';
import { call } from '../../api/call';
import { saveBase64 } from '../../api/desktopFiles';
import { toast } from '../../app/feedback';
import { auditList } from '../../stores/lists';

const FILTER_KEYS = ['operatorName', 'entity', 'entityId', 'from', 'to'];

export function AuditExportButton() {
  const [busy, setBusy] = useState(false);
  const exportLog = async () => {
    const current = auditList.getState().filters;
    const filters = Object.fromEntries(
      Object.entries(current).filter(([k, v]) => FILTER_KEYS.includes(k) && v !== undefined && v !== null && v !== ''),
    );
    setBusy(true);
    const r = await call('audit.export', {
      filters: Object.keys(filters).length ? filters : undefined,
    } as InputOf<'audit.export'>);
    if (!r.ok) {
      setBusy(false);
      return toast.error(r.error.message);
    }
    const saved = await saveBase64(r.data.base64, r.data.fileName, 'excel', '导出操作日志');
    setBusy(false);
    if (saved) toast.success(`已导出操作日志 ${r.data.count} 条`);
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void exportLog()} data-testid="audit-export">
      导出
    </Button>
  );
}
