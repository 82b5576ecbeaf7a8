// The preload: exposes one fixed object to the page through contextBridge. The page gets a
// function that sends (method, input) on our channel, never ipcRenderer or anything that could
// reach another channel.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, CHANNEL } from './channel';

export const EXPOSED_KEYS = ['call'] as const;

const api: Record<(typeof EXPOSED_KEYS)[number], (method: string, input?: unknown) => Promise<unknown>> = {
  // Only the two arguments pass; whatever else the page adds stays in the page.
  call: (method, input) => ipcRenderer.invoke(CHANNEL, String(method), input),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
