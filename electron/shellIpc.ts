// The shell's own channels, one per action (channel.ts SHELL_CHANNELS). Each checks the sender
// frame like the API channel does and validates the request before any dialog opens.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { SHELL_CHANNELS } from './channel';
import type {
  AppInfo,
  OpenFileRequest,
  OpenFileResult,
  PrintRequest,
  PrintResult,
  SaveFileRequest,
  SaveFileResult,
} from './desktopApi';
import { parseOpenFileRequest, parsePrintRequest, parseSaveFileRequest } from './shellRequests';

export interface ShellActions {
  saveFile(sender: WebContents, request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(sender: WebContents, request: OpenFileRequest): Promise<OpenFileResult>;
  print(sender: WebContents, request: PrintRequest): Promise<PrintResult>;
  appInfo(): AppInfo;
  openExternal(url: unknown): Promise<boolean>;
}

export interface ShellIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  isTrustedUrl: (url: string) => boolean;
  actions: ShellActions;
}

export const UNTRUSTED_SENDER = '拒绝访问：该页面无权使用普查办工作台的桌面功能';

export function registerShellIpc(o: ShellIpcOptions): () => void {
  const handlers: Record<keyof typeof SHELL_CHANNELS, (sender: WebContents, arg: unknown) => unknown> = {
    saveFile: (sender, arg) => o.actions.saveFile(sender, parseSaveFileRequest(arg)),
    openFile: (sender, arg) => o.actions.openFile(sender, parseOpenFileRequest(arg)),
    print: (sender, arg) => o.actions.print(sender, parsePrintRequest(arg)),
    appInfo: () => o.actions.appInfo(),
    openExternal: (_sender, arg) => o.actions.openExternal(arg),
  };
  const channels = Object.entries(SHELL_CHANNELS) as [keyof typeof SHELL_CHANNELS, string][];
  for (const [action, channel] of channels) {
    o.ipcMain.removeHandler(channel);
    o.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, arg: unknown) => {
      const url = event.senderFrame?.url;
      if (!url || !o.isTrustedUrl(url)) throw new Error(UNTRUSTED_SENDER);
      return handlers[action](event.sender, arg);
    });
  }
  return () => channels.forEach(([, channel]) => o.ipcMain.removeHandler(channel));
}
