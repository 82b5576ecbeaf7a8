import { describe, expect, it, vi } from 'vitest';

// ipc.ts takes ipcMain as a parameter; the mock proves it never reaches for the real module.
vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));

import { registerIpc, type DispatchFn } from '../../electron/ipc';
import { CHANNEL, isTrustedAppUrl } from '../../electron/channel';
import type { Operator } from '../../backend/context';
import type { Result } from '../../core/api';

type Handler = (event: unknown, method: unknown, input?: unknown) => Promise<Result<unknown>>;

function setup(operator: Operator | null = { id: 1, name: 'admin', role: '管理员' }) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error('second handler');
      handlers.set(channel, fn);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  const result: Result<unknown> = { ok: true, data: { rows: [], total: 0, page: 1, pageSize: 50 } };
  const dispatch = vi.fn<DispatchFn>(async () => result);
  const setOperator = vi.fn();
  const unregister = registerIpc({
    ipcMain,
    dispatch,
    isTrustedUrl: isTrustedAppUrl,
    getOperator: () => operator,
    setOperator,
  });
  const handler = handlers.get(CHANNEL)!;
  const event = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url } });
  return { ipcMain, dispatch, handler, event, result, setOperator, unregister, handlers };
}

describe('IPC transport', () => {
  it('registers exactly one handler, on the one channel', () => {
    const { ipcMain, handlers, unregister } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0][0]).toBe(CHANNEL);
    expect([...handlers.keys()]).toEqual([CHANNEL]);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('refuses untrusted senders without calling dispatch', async () => {
    const { handler, dispatch, event } = setup();
    for (const url of [
      'https://evil.example/',
      'file:///C:/x.html',
      'app://censusdesk.evil/',
      'app://censusdeskx/',
      '',
      undefined,
    ]) {
      const r = await handler(event(url), 'township.list', {});
      expect(r).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '拒绝访问：该页面无权调用普查办工作台', issues: [] },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('gives a trusted sender exactly what dispatch returns, with its operator', async () => {
    const { handler, dispatch, event, result } = setup();
    const r = await handler(event('app://censusdesk/index.html#/people'), 'township.list', { q: '相如' });
    expect(r).toBe(result);
    expect(dispatch).toHaveBeenCalledWith(
      'township.list',
      { q: '相如' },
      { operator: { id: 1, name: 'admin', role: '管理员' }, session: expect.stringMatching(/^window:/) as string },
    );
  });

  it('lets only login and first run through before login, and records who logged in', async () => {
    const { handler, dispatch, event, setOperator } = setup(null);
    const r = await handler(event('app://censusdesk/index.html'), 'township.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    expect(dispatch).not.toHaveBeenCalled();
    dispatch.mockResolvedValueOnce({ ok: true, data: { id: 2, name: '张三', role: '录入员' } });
    await handler(event('app://censusdesk/index.html'), 'session.login', { name: '张三', password: 'x' });
    expect(setOperator).toHaveBeenCalledWith(expect.anything(), { id: 2, name: '张三', role: '录入员' });
  });

  it('follows the session effects the contract declares: first run, logout, changes to its own operator', async () => {
    const { handler, dispatch, event, setOperator } = setup({ id: 2, name: '张三', role: '录入员' });
    const app = event('app://censusdesk/index.html');
    dispatch.mockResolvedValueOnce({ ok: true, data: { id: 2, name: '张三丰', role: '只读', active: true } });
    await handler(app, 'operator.update', { id: 2, name: '张三丰', role: '只读' });
    expect(setOperator).toHaveBeenLastCalledWith(app, { id: 2, name: '张三丰', role: '只读' });
    dispatch.mockResolvedValueOnce({ ok: true, data: { id: 2, name: '张三', role: '录入员', active: false } });
    await handler(app, 'operator.update', { id: 2, active: false });
    expect(setOperator).toHaveBeenLastCalledWith(app, null);
    setOperator.mockClear();
    // Another operator's change, a password reset, a lock or a failed call leave the window alone.
    dispatch.mockResolvedValueOnce({ ok: true, data: { id: 3, name: '李四', role: '录入员', active: false } });
    await handler(app, 'operator.update', { id: 3, active: false });
    dispatch.mockResolvedValueOnce({ ok: true, data: { id: 2 } });
    await handler(app, 'operator.setPassword', { id: 2, password: 'newpass99' });
    dispatch.mockResolvedValueOnce({ ok: true, data: null });
    await handler(app, 'session.lock', {});
    dispatch.mockResolvedValueOnce({
      ok: false,
      error: { code: 'LOGIN_FAILED', message: '用户名或密码错误', issues: [] },
    });
    await handler(app, 'session.login', { name: '张三', password: 'x' });
    expect(setOperator).not.toHaveBeenCalled();
    dispatch.mockResolvedValueOnce({ ok: true, data: null });
    await handler(app, 'session.logout', {});
    expect(setOperator).toHaveBeenLastCalledWith(app, null);
    dispatch.mockResolvedValueOnce({ ok: true, data: { id: 1, name: 'admin', role: '管理员' } });
    await handler(app, 'setup.init', {});
    expect(setOperator).toHaveBeenLastCalledWith(app, { id: 1, name: 'admin', role: '管理员' });
  });

  it('turns a bad method name or a thrown error into a Result', async () => {
    const { handler, dispatch, event } = setup();
    expect((await handler(event('app://censusdesk/'), 42, {})).ok).toBe(false);
    dispatch.mockRejectedValueOnce(new Error('boom'));
    expect(await handler(event('app://censusdesk/'), 'township.list', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
