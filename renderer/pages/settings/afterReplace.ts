// After the data was replaced (restore, data package): every screen's lists and records are stale,
// so the page loads again. The backend keeps a session whose operator (same id and name) is in the
// new data; otherwise it answers SESSION_INVALID and the clerk logs in again.
import type { App } from 'antd';
import { call } from '../../api/call';
import { useSession } from '../../stores/session';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

export async function afterDataReplaced(modal: ModalApi, what: string): Promise<void> {
  const check = await call('office.get', {});
  const loggedOut = !check.ok && ['SESSION_INVALID', 'UNAUTHENTICATED', 'IDLE_LOCKED'].includes(check.error.code);
  modal.success({
    title: what,
    content: loggedOut
      ? '恢复后的数据中没有当前登录的操作员，请用其中的操作员重新登录。'
      : '页面将重新载入，显示恢复后的数据。',
    okText: loggedOut ? '重新登录' : '重新载入',
    onOk: () => (loggedOut ? void useSession.getState().logout() : location.reload()),
  });
}
