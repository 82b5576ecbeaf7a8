// The first screen depends on the data file: 输入恢复码 when it is encrypted and still closed, the
// setup wizard when it is new, the login page, or the workbench — covered by the lock screen after
// the idle time.
import { useEffect } from 'react';
import { Button, Result, Spin } from 'antd';
import { useSession } from '../stores/session';
import { SetupWizard } from '../pages/setup/SetupWizard';
import { LoginPage } from '../pages/setup/LoginPage';
import { UnlockPage } from '../pages/encryption/UnlockPage';
import { Shell } from './Shell';
import { LockScreen } from './LockScreen';
import { useIdleLock } from './useIdleLock';

export function App() {
  const phase = useSession((s) => s.phase);
  const problem = useSession((s) => s.problem);
  useEffect(() => {
    void useSession.getState().boot();
  }, []);
  const workbench = phase === 'ready' || phase === 'locked';
  // 安全设置 as the page needs it (idle minutes, who may reveal), once per opened workbench.
  useEffect(() => {
    if (workbench) void useSession.getState().loadSafety();
  }, [workbench]);
  useIdleLock(workbench);

  switch (phase) {
    case 'booting':
      return (
        <div className="center-screen">
          <Spin size="large" description="正在连接后台…" />
        </div>
      );
    case 'unreachable':
      return (
        <Result
          status="error"
          title="无法连接普查办工作台后台"
          subTitle={problem}
          extra={<Button onClick={() => void useSession.getState().boot()}>重试</Button>}
        />
      );
    case 'unlock':
      return <UnlockPage />;
    case 'setup':
      return <SetupWizard />;
    case 'login':
      return <LoginPage />;
    case 'ready':
    case 'locked': {
      // One tree for both, so locking never remounts the workbench: nothing typed is lost, and the
      // cover hides it all.
      const locked = phase === 'locked';
      return (
        <>
          <div className="shell-host" aria-hidden={locked || undefined} inert={locked}>
            <Shell />
          </div>
          {locked && <LockScreen />}
        </>
      );
    }
  }
}
