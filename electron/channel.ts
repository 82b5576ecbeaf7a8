// Names shared by the main process and the preload. No 'electron' import here, so both sides and
// the tests can read them.

/** The API channel: every backend call goes through it to dispatch. */
export const CHANNEL = 'censusdesk:call';

/** One fixed channel per shell action (things only the main process can do). */
export const SHELL_CHANNELS = {
  saveFile: 'censusdesk:save-file',
  openFile: 'censusdesk:open-file',
  print: 'censusdesk:print',
  appInfo: 'censusdesk:app-info',
  openExternal: 'censusdesk:open-external',
} as const;

/** Every channel the main process answers on; nothing else is ever registered. */
export const ALL_CHANNELS: readonly string[] = [CHANNEL, ...Object.values(SHELL_CHANNELS)];

/** The global the preload installs in the page (renderer/bridge.ts looks for the same name). */
export const BRIDGE_KEY = 'censusdesk';

/** The privileged scheme and host our bundle is served from (electron/protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'censusdesk';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Pages allowed to call the backend: only our own bundle, served from the app:// protocol. */
export const TRUSTED_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;

export const isTrustedAppUrl = (url: string | undefined | null): boolean =>
  typeof url === 'string' && url.startsWith(TRUSTED_ORIGIN_PREFIX);
