// 输入恢复码: the data file is encrypted and the backend has not opened it (browser mode, or a desktop
// whose stored key is gone). Nothing else answers until setup.unlock takes the office's 恢复码; then
// the page boots again into the normal login. The backend's words are shown at the field: a wrong
// code, and the wait after several wrong ones.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, type InputRef } from 'antd';
import { call } from '../../api/call';
import { useSession } from '../../stores/session';
import { RecoveryCodeField } from './RecoveryCodeField';
import { checkRecoveryCode, recoveryCodeMessage } from './recoveryCodeCheck';

export function UnlockPage() {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<InputRef>(null);
  useEffect(() => field.current?.focus(), []);

  const unlock = async () => {
    if (busy) return;
    const checked = checkRecoveryCode(typed);
    if (!checked.ok) return setError(checked.message);
    setBusy(true);
    const r = await call('setup.unlock', { recoveryCode: checked.code });
    setBusy(false);
    if (!r.ok) {
      // A wrong code, the wait after several, or the field's check: all said at the field.
      setError(recoveryCodeMessage(r.error) ?? r.error.message);
      field.current?.focus();
      return;
    }
    setError(null);
    await useSession.getState().boot();
  };

  return (
    <div className="setup-screen">
      <Card className="login-card" style={{ width: 520 }} title="普查办工作台 · 输入恢复码" data-testid="unlock">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="数据文件已加密"
          description="请输入本单位的恢复码（设置加密时打印或抄写的 8 组数字）。打开后再用操作员登录。"
        />
        <RecoveryCodeField
          id="unlock-code"
          ref={field}
          value={typed}
          onChange={(v) => {
            setTyped(v);
            setError(null);
          }}
          error={error}
          onEnter={() => void unlock()}
        />
        <Button type="primary" block loading={busy} onClick={() => void unlock()} data-testid="unlock-submit">
          解锁
        </Button>
        <div className="muted" style={{ marginTop: 12, fontSize: 12 }}>
          找不到恢复码？请联系保管恢复码的管理员。恢复码无法找回，也不能由软件开发者重新生成。
        </div>
      </Card>
    </div>
  );
}
