// What the page does when the backend ends a session: an idle lock covers the workbench (it stays
// mounted, so unsaved work survives) and the same operator unlocks it; a session that is gone
// (server restarted, operator disabled, data restored) restarts the page with the reason for the
// login page; a reload of a locked page comes back locked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../core/api';

type Answer = (method: string, input: unknown) => Result<unknown>;
let answer: Answer = () => ({ ok: true, data: null });
const calls: { method: string; input: unknown }[] = [];
vi.mock('../../renderer/bridge', () => ({
  getBridge: () => ({
    call: async (method: string, input: unknown) => {
      calls.push({ method, input });
      return answer(method, input);
    },
  }),
}));

const restarts: (string | undefined)[] = [];
let leftNotice: string | null = null;
vi.mock('../../renderer/app/freshPage', () => ({
  restartPage: (notice?: string) => restarts.push(notice),
  takeRestartNotice: () => leftNotice,
}));

const { call } = await import('../../renderer/api/call');
const { useSession } = await import('../../renderer/stores/session');

const refusal = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message, issues: [] } });
const admin = { id: 1, name: 'admin', role: '管理员' as const };

beforeEach(() => {
  calls.length = 0;
  restarts.length = 0;
  leftNotice = null;
  answer = () => ({ ok: true, data: null });
  useSession.setState({ phase: 'ready', operator: admin, notice: null });
});

describe('a session the backend ended', () => {
  it('IDLE_LOCKED locks the workbench with the backend’s reason, keeping the operator', async () => {
    answer = () => refusal('IDLE_LOCKED', '已超过 30 分钟没有操作，为保护数据已自动锁定，请重新登录');
    await call('person.list', { page: 1, pageSize: 100 });
    expect(useSession.getState()).toMatchObject({
      phase: 'locked',
      operator: admin,
      notice: '已超过 30 分钟没有操作，为保护数据已自动锁定，请重新登录',
    });
  });

  it('unlocks as the same operator; a wrong password keeps it locked', async () => {
    useSession.getState().lock('锁定');
    answer = () => refusal('BAD_LOGIN', '用户名或密码错误');
    expect(await useSession.getState().unlock('nope')).toMatchObject({ code: 'BAD_LOGIN' });
    expect(useSession.getState().phase).toBe('locked');
    answer = () => ({ ok: true, data: admin });
    expect(await useSession.getState().unlock('census2018')).toBeNull();
    expect(calls).toContainEqual({ method: 'session.login', input: { name: 'admin', password: 'census2018' } });
    expect(useSession.getState()).toMatchObject({ phase: 'ready', operator: admin, notice: null });
  });

  it('SESSION_INVALID and UNAUTHENTICATED restart the page for the login, with the reason', async () => {
    answer = () => refusal('SESSION_INVALID', '登录已失效（操作员已停用、已更名或数据已恢复），请重新登录');
    await call('person.list', { page: 1, pageSize: 100 });
    expect(useSession.getState()).toMatchObject({ phase: 'login', operator: null });
    useSession.setState({ phase: 'locked', operator: admin });
    answer = () => refusal('UNAUTHENTICATED', '请先登录');
    await call('person.list', { page: 1, pageSize: 100 });
    expect(useSession.getState()).toMatchObject({ phase: 'login', operator: null });
    expect(restarts).toEqual(['登录已失效（操作员已停用、已更名或数据已恢复），请重新登录', '登录已结束，请重新登录']);
  });

  it('after the restart the login page shows the reason left behind', async () => {
    leftNotice = '登录已结束，请重新登录';
    answer = (method) =>
      method === 'setup.status' ? { ok: true, data: { hasOperators: true } } : { ok: true, data: null };
    await useSession.getState().boot();
    expect(useSession.getState()).toMatchObject({ phase: 'login', notice: '登录已结束，请重新登录' });
  });

  it('a reload of a page the backend holds locked comes back locked, and unlocking loads the office', async () => {
    const office = { countyName: '蓬安县' };
    let locked = true;
    answer = (method) => {
      if (method === 'setup.status') return { ok: true, data: { hasOperators: true } };
      if (method === 'session.current') return { ok: true, data: admin };
      if (method === 'session.login') {
        locked = false;
        return { ok: true, data: admin };
      }
      if (method === 'office.get')
        return locked
          ? refusal('IDLE_LOCKED', '已超过 30 分钟没有操作，为保护数据已自动锁定，请重新登录')
          : { ok: true, data: office };
      return { ok: true, data: null };
    };
    useSession.setState({ phase: 'booting', operator: null, office: null });
    await useSession.getState().boot();
    expect(useSession.getState()).toMatchObject({ phase: 'locked', operator: admin, office: null });
    expect(await useSession.getState().unlock('census2018')).toBeNull();
    expect(useSession.getState()).toMatchObject({ phase: 'ready', office });
  });

  it('other refusals leave the session alone', async () => {
    answer = () => refusal('FORBIDDEN', '当前角色（只读）无权执行');
    await call('person.create', {} as never);
    expect(useSession.getState()).toMatchObject({ phase: 'ready', operator: admin });
  });

  it('locking only applies to an open workbench', () => {
    useSession.setState({ phase: 'login', operator: null });
    useSession.getState().lock('锁定');
    expect(useSession.getState().phase).toBe('login');
  });
});
