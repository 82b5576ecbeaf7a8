// The first screen depends on the data file: the setup wizard when it is new, the login page,
// or the workbench.
import { useEffect } from 'react';
import { Button, Result, Spin } from 'antd';
import { useSession } from '../stores/session';
import { SetupWizard } from '../pages/setup/SetupWizard';
import { LoginPage } from '../pages/setup/LoginPage';
import { Shell } from './Shell';

export function App() {
  const phase = useSession((s) => s.phase);
  const problem = useSession((s) => s.problem);
  useEffect(() => {
    void useSession.getState().boot();
  }, []);

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
    case 'setup':
      return <SetupWizard />;
    case 'login':
      return <LoginPage />;
    case 'ready':
      return <Shell />;
  }
}
