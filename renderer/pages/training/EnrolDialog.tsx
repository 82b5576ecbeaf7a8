// Adds roster people to a session's list (attendance.addPeople); people already on it are skipped.
import { useEffect, useState } from 'react';
import { Form, Modal, Select } from 'antd';
import { PERSON_ROLES } from '../../../core/enums';
import { call } from '../../api/call';
import { toast } from '../../app/feedback';
import { RefSelect } from '../../forms/RefSelect';

export function EnrolDialog({
  sessionId,
  open,
  onClose,
  onDone,
}: {
  sessionId: number;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [role, setRole] = useState<string | undefined>(undefined);
  const [ids, setIds] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Each opening starts afresh: a 人员类别 chosen for the last session would hide people silently.
  useEffect(() => {
    if (!open) return;
    setRole(undefined);
    setIds([]);
    setError(null);
  }, [open]);

  const add = async () => {
    if (ids.length === 0) return setError('请至少选择一名人员');
    setBusy(true);
    const r = await call('attendance.addPeople', { sessionId, personIds: ids });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    toast.success(`已添加 ${r.data.added} 人${r.data.skipped ? `，${r.data.skipped} 人已在名单中` : ''}`);
    setIds([]);
    setError(null);
    onDone();
    onClose();
  };

  return (
    <Modal
      open={open}
      title="添加参训人员"
      okText="添加"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void add()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label="人员类别（缩小搜索范围）">
          <Select
            allowClear
            value={role}
            onChange={setRole}
            options={PERSON_ROLES.map((r) => ({ value: r, label: r }))}
            placeholder="全部类别"
          />
        </Form.Item>
        <Form.Item
          label="人员"
          required
          validateStatus={error ? 'error' : undefined}
          help={error}
          extra={
            <span data-testid="enrol-scope">
              {role
                ? `只列出在岗的${role}；找不到某人时，请清除上面的“人员类别”。`
                : '只列出在岗人员；已离岗的人员不能添加。'}
            </span>
          }
        >
          <RefSelect
            id="enrol-people"
            source="person"
            multiple
            filters={{ status: '在岗', ...(role ? { role } : {}) }}
            value={ids}
            onChange={(v) => {
              setIds((v as number[]) ?? []);
              setError(null);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
