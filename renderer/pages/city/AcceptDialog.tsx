// 附说明接收: a workbook refused because its figures no longer match its digest (edited after
// export) may still be filed, with a note saying why (audited; the ledger shows the note).
import { useEffect, useState } from 'react';
import { Input, Modal } from 'antd';
import { Warning } from '../../format/Warning';
import { call } from '../../api/call';
import { toast } from '../../app/feedback';
import type { IntakeResult } from '../../../core/schemas/intake';
import type { IntakeRow } from './IntakeTable';

interface Props {
  row: IntakeRow | null;
  onClose: () => void;
  onAccepted: (result: IntakeResult) => void;
}

export function AcceptDialog({ row, onClose, onAccepted }: Props) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setNote('');
    setError(null);
  }, [row]);

  const accept = async () => {
    if (!row?.fileId) return;
    if (note.trim() === '') return setError('请写明接收说明（如：已电话核实，县里改正了×× 后未重新导出）');
    setSaving(true);
    const r = await call('intake.accept', { fileId: row.fileId, note });
    setSaving(false);
    if (!r.ok) return setError(r.error.message);
    toast.success('已附说明接收');
    onAccepted(r.data);
  };

  return (
    <Modal
      open={row !== null}
      title="附说明接收"
      okText="接收"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void accept()}
      onCancel={onClose}
      destroyOnHidden
    >
      {row && (
        <>
          <Warning
            title={`${row.unitName ?? row.fileName} ${row.periodText ?? ''}：${row.reason ?? ''}`}
            description={
              (row.findings?.length ?? 0) > 0 ? (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {row.findings!.slice(0, 10).map((f, i) => (
                    <li key={i}>
                      {f.sheet} {f.cell}：{f.message}
                    </li>
                  ))}
                  {row.findings!.length > 10 && <li>……共 {row.findings!.length} 处</li>}
                </ul>
              ) : undefined
            }
          />
          <p>接收后，此文件按收到的数据归档并参与汇总；说明记入操作日志和报送台账。</p>
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={note}
            status={error ? 'error' : undefined}
            placeholder="接收说明（必填）"
            data-testid="accept-note"
            onChange={(e) => {
              setNote(e.target.value);
              setError(null);
            }}
          />
          {error && <div style={{ color: '#ff4d4f', marginTop: 4 }}>{error}</div>}
        </>
      )}
    </Modal>
  );
}
