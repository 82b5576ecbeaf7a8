// The main process's side of the backend process: calls matched by id, a dead process answered for
// and restarted, closing waits for the process (and kills it if it hangs).
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { createBackendClient, type BackendChild, type BackendClient } from '../../electron/backendClient';
import type { FromBackend, StartFailure, ToBackend } from '../../electron/backendProtocol';
import { createStartupFailureHandler } from '../../electron/startupDialog';

const DATA = 'C:\\Users\\clerk\\AppData\\Roaming\\CensusDesk\\data\\censusdesk.db';
const corrupt: StartFailure = {
  code: 'DB_CORRUPT',
  message: '数据文件已损坏',
  dataPath: DATA,
  latestBackup: {
    path: 'D:\\备份\\censusdesk_20180630-090000_每日.db',
    file: 'censusdesk_20180630-090000_每日.db',
    createdAt: new Date(2018, 5, 30, 9, 0).toISOString(),
  },
};

class FakeChild extends EventEmitter {
  posted: ToBackend[] = [];
  postMessage = (m: ToBackend) => void this.posted.push(m);
  kill = vi.fn(() => true);
  reply(m: FromBackend) {
    this.emit('message', m);
  }
}

function setup(closeTimeoutMs = 1000) {
  const children: FakeChild[] = [];
  const log = { info: vi.fn(), error: vi.fn() };
  const onFailed = vi.fn();
  const client = createBackendClient({
    log,
    closeTimeoutMs,
    onFailed,
    spawn: () => {
      const c = new FakeChild();
      children.push(c);
      return c as unknown as BackendChild;
    },
  });
  return { client, children, log, onFailed };
}

const lastCall = (c: FakeChild) => c.posted.at(-1) as Extract<ToBackend, { type: 'call' }>;

describe('backend client', () => {
  it('forwards calls with the operator and matches answers by id, in any order', async () => {
    const { client, children } = setup();
    const a = client.dispatch('township.list', { q: '相如' }, { operator: { id: 1, name: 'admin', role: '管理员' } });
    const first = lastCall(children[0]);
    const b = client.dispatch('setup.status', {}, { operator: null });
    const second = lastCall(children[0]);
    expect(children).toHaveLength(1);
    expect(first).toEqual({
      type: 'call',
      id: first.id,
      method: 'township.list',
      input: { q: '相如' },
      operator: { id: 1, name: 'admin', role: '管理员' },
    });
    children[0].reply({ type: 'result', id: second.id, result: { ok: true, data: 'B' } });
    children[0].reply({ type: 'result', id: first.id, result: { ok: true, data: 'A' } });
    await expect(a).resolves.toEqual({ ok: true, data: 'A' });
    await expect(b).resolves.toEqual({ ok: true, data: 'B' });
  });

  it('answers waiting calls when the process dies, logs it, and starts a new one for the next call', async () => {
    const { client, children, log } = setup();
    const pending = client.dispatch('contract.create', {}, { operator: null });
    children[0].emit('exit', 3);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'BACKEND_EXITED' } });
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('退出码 3'));
    const next = client.dispatch('setup.status', {}, { operator: null });
    expect(children).toHaveLength(2);
    children[1].reply({ type: 'result', id: lastCall(children[1]).id, result: { ok: true, data: 1 } });
    await expect(next).resolves.toEqual({ ok: true, data: 1 });
  });

  it('logs a store that could not be opened and hands the failure to the start-up dialog', () => {
    const { client, children, log, onFailed } = setup();
    client.start();
    const failure = {
      code: 'DB_TOO_NEW',
      message: '数据文件由更高版本的普查办工作台创建',
      dataPath: 'C:\\data\\censusdesk.db',
      latestBackup: null,
    };
    children[0].reply({ type: 'failed', ...failure });
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('DB_TOO_NEW'));
    expect(onFailed).toHaveBeenCalledWith(failure, expect.any(Function));
  });

  it('asks the backend to put a backup in place and answers with where the damaged file went', async () => {
    const { client, children, log } = setup();
    client.start();
    const restoring = client.restoreAtStartup('D:\\备份\\censusdesk_20180630-090000_每日.db');
    expect(children[0].posted.at(-1)).toEqual({
      type: 'restoreAtStartup',
      backupPath: 'D:\\备份\\censusdesk_20180630-090000_每日.db',
    });
    // A second request while the first is on its way is refused, not sent.
    await expect(client.restoreAtStartup('x')).resolves.toEqual({ ok: false, message: '正在从备份恢复，请稍候' });
    expect(children[0].posted).toHaveLength(1);
    children[0].reply({ type: 'restored', keptAs: 'C:\\data\\censusdesk.db.损坏-1530320400000' });
    await expect(restoring).resolves.toEqual({ ok: true, keptAs: 'C:\\data\\censusdesk.db.损坏-1530320400000' });
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('损坏的文件已改名保留为'));

    const refused = client.restoreAtStartup('D:\\坏.db');
    children[0].reply({ type: 'restoreFailed', message: '备份文件无法使用：文件已损坏或不是数据库文件' });
    await expect(refused).resolves.toEqual({ ok: false, message: '备份文件无法使用：文件已损坏或不是数据库文件' });

    const lost = client.restoreAtStartup('D:\\备份\\a.db');
    children[0].emit('exit', 1);
    await expect(lost).resolves.toEqual({ ok: false, message: '后台进程意外退出，未能从备份恢复' });
  });

  it('a failure of a restarted process that a later ready supersedes is not offered again after the restore', async () => {
    // The damaged file's dialog is open when the backend dies; 恢复 starts a new process, whose own
    // open fails first ('failed', queued behind the open dialog), then restores and is ready.
    const children: FakeChild[] = [];
    const log = { info: vi.fn(), error: vi.fn() };
    const shown: MessageBoxOptions[] = [];
    const answers = [0, 0];
    const reload = vi.fn();
    const quit = vi.fn();
    const dialog = {
      showMessageBox: async (options: MessageBoxOptions) => {
        shown.push(options);
        if (shown.length === 1) children[0].emit('exit', 1);
        await new Promise((r) => setImmediate(r));
        return { response: answers.shift() ?? 0, checkboxChecked: false };
      },
    };
    const client: BackendClient = createBackendClient({
      log,
      onFailed: createStartupFailureHandler({
        dialog: dialog as never,
        log,
        restore: (p) => client.restoreAtStartup(p),
        reload,
        quit,
      }),
      spawn: () => {
        const c = new FakeChild();
        children.push(c);
        c.postMessage = (m: ToBackend) => {
          c.posted.push(m);
          if (m.type !== 'restoreAtStartup') return;
          setImmediate(() => {
            c.reply({ type: 'failed', ...corrupt });
            c.reply({ type: 'restored', keptAs: `${DATA}.损坏-1` });
            c.reply({ type: 'ready', dataPath: DATA });
          });
        };
        return c as unknown as BackendChild;
      },
    });
    client.start();
    children[0].reply({ type: 'failed', ...corrupt });
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(shown.map((o) => o.message)).toEqual(['数据文件已损坏，无法打开', '已从 2018-06-30 09:00 的备份恢复数据']);
    expect(children[1].posted.filter((m) => m.type === 'restoreAtStartup')).toHaveLength(1);
    expect(quit).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('已忽略'));
  });

  it('a failure is superseded only by a ready that comes after it', async () => {
    const { client, children, onFailed } = setup();
    client.start();
    children[0].reply({ type: 'ready', dataPath: DATA });
    children[0].reply({ type: 'failed', ...corrupt });
    const superseded = onFailed.mock.calls[0][1] as () => boolean;
    expect(superseded()).toBe(false);
    children[0].reply({ type: 'ready', dataPath: DATA });
    expect(superseded()).toBe(true);
  });

  it('close() asks the process to close and waits for it to exit', async () => {
    const { client, children } = setup();
    client.start();
    let done = false;
    const closing = client.close().then(() => (done = true));
    expect(children[0].posted).toEqual([{ type: 'close' }]);
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    children[0].emit('exit', 0);
    await closing;
    expect(children[0].kill).not.toHaveBeenCalled();
  });

  it('close() kills a process that does not exit in time', async () => {
    const { client, children, log } = setup(20);
    client.start();
    await client.close();
    expect(children[0].kill).toHaveBeenCalled();
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('强制结束'));
  });

  it('close() without a running process does nothing', async () => {
    const { client, children } = setup();
    await client.close();
    expect(children).toHaveLength(0);
  });
});
