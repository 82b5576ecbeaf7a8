// The demo county is loaded by the server at start (`--demo`, into its own data file), never into
// an office's real data, so the page explains how to open it instead of offering a button.
import { Alert } from 'antd';

export function DemoHint() {
  return (
    <Alert
      style={{ marginTop: 24 }}
      type="success"
      title="想先看看示例县？"
      data-testid="demo-hint"
      description={
        <span>
          示例县的数据单独存放，不会混入本单位数据。请关闭当前后台（在启动它的窗口按 Ctrl+C），改用
          <code className="mono"> npm run serve -- --demo </code>
          启动，打开新显示的地址，用 <b>admin / demo1234</b> 登录。
        </span>
      }
    />
  );
}
