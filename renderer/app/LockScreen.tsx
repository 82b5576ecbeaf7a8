// The lock screen: an opaque cover over the workbench (nothing of it shows through), the operator's
// name, a password box. Unlocking brings the workbench back as it was, unsaved forms included;
// 切换操作员 logs out, which starts a fresh page. It is an antd Modal, not a plain cover: an open
// form drawer traps the keyboard focus, and only a dialog opened after it takes the focus over —
// otherwise the password would be typed into the form underneath.
import { useState } from 'react';
import { Alert, Button, Input, Modal, Space } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useSession } from '../stores/session';

/** Opaque: an idle screen must not show names or ID numbers through the cover. */
const LOCK_COVER = 'linear-gradient(180deg, #e6f4ff 0%, #f0f2f5 240px)';

export function LockScreen() {
  const operator = useSession((s) => s.operator);
  const notice = useSession((s) => s.notice);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async () => {
    if (!password) return setError('请输入密码');
    setBusy(true);
    const e = await useSession.getState().unlock(password);
    setBusy(false);
    if (e) {
      setError(e.message);
      setPassword('');
    }
  };

  return (
    <Modal
      open
      title={
        <Space>
          <LockOutlined />
          普查办工作台已锁定
        </Space>
      }
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      footer={null}
      width={400}
      // Above antd's toasts (2010) too: nothing but the lock shows while locked.
      zIndex={2100}
      rootClassName="lock-screen-root"
      styles={{ mask: { background: LOCK_COVER, opacity: 1 } }}
      modalRender={(node) => <div data-testid="lock-screen">{node}</div>}
    >
      {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
      <p>
        操作员：<b>{operator?.name}</b>
      </p>
      <Input.Password
        id="unlock-password"
        autoFocus
        placeholder="密码"
        value={password}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setPassword(e.target.value);
          setError(null);
        }}
        onPressEnter={() => void unlock()}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="unlock-error" />}
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
        <Button onClick={() => void useSession.getState().logout()}>切换操作员</Button>
        <Button type="primary" loading={busy} onClick={() => void unlock()} data-testid="unlock-submit">
          解锁
        </Button>
      </Space>
    </Modal>
  );
}
