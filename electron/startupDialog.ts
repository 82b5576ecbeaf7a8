// What the clerk sees when the data file cannot be opened at start: what happened, that the
// damaged file is kept (never repaired or overwritten), and the way out — the latest backup that
// passes a full check, put in place by the backend process (restoreAtStartup), or 退出. A file
// from a newer version names its version and offers only 退出. Dialogs have no parent window: the
// window may still be hidden while it loads, and a dialog attached to it would be hidden too.
import type { Dialog, MessageBoxOptions } from 'electron';
import { APP_NAME } from './appIdentity';
import type { RestoreOutcome } from './backendClient';
import type { StartFailure } from './backendProtocol';
import type { Log } from './log';

export interface StartupDialogDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  /** Has the backend process put the backup in place and open the data again. */
  restore: (backupPath: string) => Promise<RestoreOutcome>;
  /** Loads the page again, on the restored data. */
  reload: () => void;
  quit: () => void;
  log: Pick<Log, 'info' | 'error'>;
}

/** Errors after which the data itself needs replacing (backend/backups/startup.ts NEEDS_BACKUP). */
const DAMAGED = new Set(['DB_CORRUPT', 'DB_UNREADABLE']);

const pad = (n: number) => String(n).padStart(2, '0');
/** `2018-06-30 09:00` in this computer's time zone. */
export function backupTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface StartupQuestion {
  options: MessageBoxOptions;
  /** Index of the restore button; null when there is nothing to restore from. */
  restoreButton: number | null;
}

/** The dialog for one failed start. */
export function startupQuestion(f: StartFailure): StartupQuestion {
  const base = { title: APP_NAME, noLink: true, cancelId: 0, defaultId: 0 };
  if (DAMAGED.has(f.code)) {
    const kept = `程序没有修复或覆盖损坏的文件：它仍在 ${f.dataPath}`;
    if (!f.latestBackup) {
      return {
        restoreButton: null,
        options: {
          ...base,
          type: 'error',
          message: '数据文件已损坏，无法打开',
          detail: `${f.message}\n\n${kept}。\n在备份文件夹中没有找到可用的备份，请联系技术人员，并保留损坏的文件。`,
          buttons: ['退出'],
        },
      };
    }
    const time = backupTime(f.latestBackup.createdAt);
    return {
      restoreButton: 0,
      options: {
        ...base,
        type: 'error',
        message: '数据文件已损坏，无法打开',
        detail: [
          f.message,
          '',
          `${kept}；从备份恢复时，它会改名保留为 ${f.dataPath}.损坏-<时间>，不会删除。`,
          '',
          `最近一份完好的备份（${time}）：`,
          f.latestBackup.path,
          '恢复后，该备份之后录入的数据需要重新录入。',
        ].join('\n'),
        buttons: [`从最近的备份恢复（${time}）`, '退出'],
        cancelId: 1,
      },
    };
  }
  if (f.code === 'DB_TOO_NEW') {
    return {
      restoreButton: null,
      options: {
        ...base,
        type: 'warning',
        message: '数据文件来自更高版本的普查办工作台',
        detail: `${f.message}\n\n数据文件：${f.dataPath}\n请安装新版本的普查办工作台后再打开。`,
        buttons: ['退出'],
      },
    };
  }
  return {
    restoreButton: null,
    options: {
      ...base,
      type: 'error',
      message: '无法打开数据文件',
      detail: `${f.message}\n\n数据文件：${f.dataPath}`,
      buttons: ['退出'],
    },
  };
}

/** Asks until the clerk quits or a restore succeeds (a failed restore says why and asks again). */
export async function resolveStartupFailure(f: StartFailure, d: StartupDialogDeps): Promise<'restored' | 'quit'> {
  const question = startupQuestion(f);
  for (;;) {
    const { response } = await d.dialog.showMessageBox(question.options);
    if (question.restoreButton === null || response !== question.restoreButton || !f.latestBackup) {
      d.quit();
      return 'quit';
    }
    const outcome = await d.restore(f.latestBackup.path);
    if (outcome.ok) {
      d.log.info(`已从备份 ${f.latestBackup.path} 恢复`);
      const where = outcome.keptAs ? `损坏的文件已改名保留为：\n${outcome.keptAs}` : '';
      await d.dialog.showMessageBox({
        title: APP_NAME,
        type: 'info',
        message: `已从 ${backupTime(f.latestBackup.createdAt)} 的备份恢复数据`,
        detail: `${where}\n\n请核对该备份之后录入的数据，必要时重新录入。`.trim(),
        buttons: ['确定'],
        noLink: true,
      });
      d.reload();
      return 'restored';
    }
    await d.dialog.showMessageBox({
      title: APP_NAME,
      type: 'error',
      message: '从备份恢复失败',
      detail: outcome.message,
      buttons: ['确定'],
      noLink: true,
    });
  }
}

/**
 * The client's onFailed: one dialog at a time (a start that fails again after a restore asks
 * again once the first dialog is answered). A failure whose turn comes after a later start said
 * 'ready' is dropped: e.g. a restarted process's own failed open, queued behind the dialog whose
 * restore then succeeded — offering a restore again would only be refused.
 */
export function createStartupFailureHandler(
  d: StartupDialogDeps,
): (f: StartFailure, superseded?: () => boolean) => void {
  let queue: Promise<unknown> = Promise.resolve();
  return (f, superseded) => {
    queue = queue
      .then(async () => {
        if (!superseded?.()) return resolveStartupFailure(f, d);
        d.log.info(`数据文件已正常打开，已忽略此前的启动失败（${f.code}）`);
      })
      .catch((e: unknown) => {
        d.log.error('启动失败的提示无法显示', e);
        d.quit();
      });
  };
}
