// The about box: name, version and where the data is, so a clerk can tell support both.
import type { BrowserWindow, Dialog } from 'electron';
import type { AppInfo } from './desktopApi';

export function aboutText(info: AppInfo): { message: string; detail: string } {
  return {
    message: `${info.name}  版本 ${info.version}`,
    detail: [
      `数据文件：${info.dataPath}`,
      `备份文件夹：${info.backupDir}`,
      `日志文件夹：${info.logDir}`,
      `Electron ${info.electronVersion}，Chromium ${info.chromeVersion}`,
    ].join('\n'),
  };
}

export async function showAbout(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: BrowserWindow | null,
  info: AppInfo,
): Promise<void> {
  const options = {
    type: 'info' as const,
    title: `关于${info.name}`,
    buttons: ['确定'],
    noLink: true,
    ...aboutText(info),
  };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
