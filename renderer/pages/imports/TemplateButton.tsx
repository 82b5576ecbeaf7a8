// 下载导入模板: the kind's workbook (import.template) — the exact headers, an example row, text
// columns for IDs and phones, dropdowns and a 填表说明 sheet — saved the way every download is
// (browser mode fetches the bytes by reference, the desktop gets them in the answer).
import { useState } from 'react';
import { Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ImportKind } from '../../../core/imports/kinds';
import { call } from '../../api/call';
import { downloadFile } from '../../api/download';
import { toast } from '../../app/feedback';

export function TemplateButton({ kind }: { kind: ImportKind }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const r = await call('import.template', { kind });
      if (!r.ok) return toast.error(r.error.message);
      downloadFile(r.data.contentBase64, r.data.fileName);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void download()} data-testid="import-template">
      下载导入模板
    </Button>
  );
}
