// The preload: exposes one fixed object to the page through contextBridge. The page gets functions
// that each invoke one fixed channel, never ipcRenderer or anything that could reach another channel.
// Bundled as CommonJS for the sandboxed window: it may require nothing but 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, CHANNEL, SHELL_CHANNELS } from './channel';
import { DESKTOP_API_KEYS, type DesktopApi } from './desktopApi';

export const EXPOSED_KEYS = DESKTOP_API_KEYS;

// Only the declared arguments pass; whatever else the page adds stays in the page. Requests are
// validated in the main process (shellRequests.ts), not here.
const api: DesktopApi = {
  call: (method, input) => ipcRenderer.invoke(CHANNEL, String(method), input),
  saveFile: (request) => ipcRenderer.invoke(SHELL_CHANNELS.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(SHELL_CHANNELS.openFile, request),
  print: (request) => ipcRenderer.invoke(SHELL_CHANNELS.print, request),
  appInfo: () => ipcRenderer.invoke(SHELL_CHANNELS.appInfo),
  openExternal: (url) => ipcRenderer.invoke(SHELL_CHANNELS.openExternal, String(url)),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
