// The one application window: our bundle from app://, the secure preferences, shown when painted.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_START_URL } from './channel';
import { windowWebPreferences } from './security';

export interface WindowOptions {
  preload: string;
  devTools: boolean;
  icon?: string;
}

export function mainWindowOptions(o: WindowOptions): BrowserWindowConstructorOptions {
  return {
    title: '普查办工作台',
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    ...(o.icon ? { icon: o.icon } : {}),
    webPreferences: windowWebPreferences(o.preload, o.devTools),
  };
}

export function createMainWindow(
  Window: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  o: WindowOptions,
): BrowserWindow {
  const win = new Window(mainWindowOptions(o));
  win.once('ready-to-show', () => {
    win.maximize();
    win.show();
  });
  void win.loadURL(APP_START_URL);
  return win;
}
