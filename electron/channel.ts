// Names shared by the main process (ipc.ts) and the preload. No 'electron' import here, so both
// sides and the tests can read them.

/** The one IPC channel: every API call goes through it to dispatch. */
export const CHANNEL = 'censusdesk:call';

/** The global the preload installs in the page (renderer/bridge.ts looks for the same name). */
export const BRIDGE_KEY = 'censusdesk';

/** Pages allowed to call the backend: only our own bundle, served from the app:// protocol. */
export const TRUSTED_ORIGIN_PREFIX = 'app://censusdesk/';

export const isTrustedAppUrl = (url: string | undefined | null): boolean =>
  typeof url === 'string' && url.startsWith(TRUSTED_ORIGIN_PREFIX);
