// The start-up dialog of a data file that will not open: what it says, what each button does, and
// a failed restore that says why and asks again. Runs against a fake dialog.
import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import {
  backupTime,
  createStartupFailureHandler,
  resolveStartupFailure,
  startupQuestion,
  type StartupDialogDeps,
} from '../../electron/startupDialog';
import type { StartFailure } from '../../electron/backendProtocol';
import type { RestoreOutcome } from '../../electron/backendClient';

const DATA = 'C:\\Users\\clerk\\AppData\\Roaming\\CensusDesk\\data\\censusdesk.db';
const BACKUP = {
  path: 'C:\\Users\\clerk\\AppData\\Roaming\\CensusDesk\\CensusDesk备份\\censusdesk_20180630-090000_每日.db',
  file: 'censusdesk_20180630-090000_每日.db',
  createdAt: new Date(2018, 5, 30, 9, 0).toISOString(),
};
const corrupt: StartFailure = {
  code: 'DB_CORRUPT',
  message: `数据文件已损坏：${DATA}（文件已损坏或不是数据库文件）。`,
  dataPath: DATA,
  latestBackup: BACKUP,
};

/** A dialog that answers with the given button indexes, in turn, and records what it showed. */
function deps(
  answers: number[],
  restore: (path: string) => Promise<RestoreOutcome> = async () => ({ ok: true, keptAs: `${DATA}.损坏-1` }),
) {
  const shown: MessageBoxOptions[] = [];
  const d: StartupDialogDeps & { shown: MessageBoxOptions[] } = {
    shown,
    dialog: {
      showMessageBox: vi.fn(
        async (options: MessageBoxOptions) => (
          shown.push(options),
          { response: answers.shift() ?? 0, checkboxChecked: false }
        ),
      ) as never,
    },
    restore: vi.fn(restore),
    reload: vi.fn(),
    quit: vi.fn(),
    log: { info: vi.fn(), error: vi.fn() },
  };
  return d;
}

describe('the question', () => {
  it('for a damaged file says what happened, that the file is kept, and offers the latest good backup by its time', () => {
    const q = startupQuestion(corrupt);
    expect(q.restoreButton).toBe(0);
    expect(q.options.message).toBe('数据文件已损坏，无法打开');
    expect(q.options.buttons).toEqual(['从最近的备份恢复（2018-06-30 09:00）', '退出']);
    expect(q.options.cancelId).toBe(1);
    expect(q.options.detail).toContain(corrupt.message);
    expect(q.options.detail).toContain(`程序没有修复或覆盖损坏的文件：它仍在 ${DATA}`);
    expect(q.options.detail).toContain(`改名保留为 ${DATA}.损坏-<时间>，不会删除`);
    expect(q.options.detail).toContain(BACKUP.path);
  });

  it('for a damaged file without a good backup offers only 退出', () => {
    const q = startupQuestion({ ...corrupt, latestBackup: null });
    expect(q.restoreButton).toBeNull();
    expect(q.options.buttons).toEqual(['退出']);
    expect(q.options.detail).toContain('没有找到可用的备份');
  });

  it('for a file from a newer version names the version and offers only 退出', () => {
    const q = startupQuestion({
      code: 'DB_TOO_NEW',
      message: '数据文件由更高版本的普查办工作台创建（数据版本 4，本程序支持到 1），请升级程序后再打开。',
      dataPath: DATA,
      latestBackup: null,
    });
    expect(q.restoreButton).toBeNull();
    expect(q.options.message).toBe('数据文件来自更高版本的普查办工作台');
    expect(q.options.detail).toContain('数据版本 4');
    expect(q.options.buttons).toEqual(['退出']);
  });

  it('for anything else shows the message and 退出', () => {
    const q = startupQuestion({
      code: 'DB_LOCKED',
      message: '该数据文件已由另一个普查办工作台打开',
      dataPath: DATA,
      latestBackup: null,
    });
    expect(q.options.message).toBe('无法打开数据文件');
    expect(q.options.buttons).toEqual(['退出']);
  });

  it('shows backup times in local time to the minute', () => {
    expect(backupTime(new Date(2018, 0, 5, 7, 3, 59).toISOString())).toBe('2018-01-05 07:03');
  });
});

describe('the answer', () => {
  it('restore: the backend puts the backup in place, the clerk is told where the damaged file went, the page reloads', async () => {
    const d = deps([0, 0]);
    await expect(resolveStartupFailure(corrupt, d)).resolves.toBe('restored');
    expect(d.restore).toHaveBeenCalledWith(BACKUP.path);
    expect(d.shown[1]).toMatchObject({ type: 'info', message: '已从 2018-06-30 09:00 的备份恢复数据' });
    expect(d.shown[1].detail).toContain(`${DATA}.损坏-1`);
    expect(d.reload).toHaveBeenCalledTimes(1);
    expect(d.quit).not.toHaveBeenCalled();
  });

  it('退出 quits without touching anything', async () => {
    const d = deps([1]);
    await expect(resolveStartupFailure(corrupt, d)).resolves.toBe('quit');
    expect(d.restore).not.toHaveBeenCalled();
    expect(d.quit).toHaveBeenCalledTimes(1);
  });

  it('a failed restore says why and asks again', async () => {
    const outcomes: RestoreOutcome[] = [{ ok: false, message: '备份文件无法使用：文件已损坏' }];
    const d = deps([0, 0, 1], async () => outcomes.shift()!);
    await expect(resolveStartupFailure(corrupt, d)).resolves.toBe('quit');
    expect(d.shown.map((o) => o.message)).toEqual([
      '数据文件已损坏，无法打开',
      '从备份恢复失败',
      '数据文件已损坏，无法打开',
    ]);
    expect(d.shown[1].detail).toBe('备份文件无法使用：文件已损坏');
    expect(d.reload).not.toHaveBeenCalled();
  });

  it('shows one dialog at a time when failures come in quick succession', async () => {
    const d = deps([1, 1]);
    let open = 0;
    let most = 0;
    const show = d.dialog.showMessageBox as unknown as ReturnType<typeof vi.fn>;
    const inner = show.getMockImplementation() as (o: MessageBoxOptions) => Promise<{ response: number }>;
    show.mockImplementation(async (o: MessageBoxOptions) => {
      most = Math.max(most, ++open);
      await new Promise((r) => setImmediate(r));
      open--;
      return inner(o);
    });
    const handle = createStartupFailureHandler(d);
    handle(corrupt);
    handle({ ...corrupt, code: 'DB_TOO_NEW' });
    await vi.waitFor(() => expect(d.quit).toHaveBeenCalledTimes(2));
    expect(most).toBe(1);
    expect(d.shown.map((o) => o.message)).toEqual(['数据文件已损坏，无法打开', '数据文件来自更高版本的普查办工作台']);
  });
});
