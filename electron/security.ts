// What keeps the window a window onto our bundle only: the renderer gets no Node, runs sandboxed
// and isolated from the preload; it cannot navigate away, open windows, embed webviews or obtain
// any permission (camera, notifications, geolocation…).
import type { Session, WebContents, WebPreferences } from 'electron';
import { isTrustedAppUrl } from './channel';

/** Every security-relevant preference, spelled out even where it is Electron's default. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

export function windowWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, preload, devTools };
}

export type Refusal = (what: string, url: string) => void;

/** Navigation stays inside our bundle; anything else is stopped and reported. */
export function hardenWebContents(contents: WebContents, refused: Refusal): void {
  const guard = (what: string) => (event: { preventDefault(): void; url?: string }, url?: string) => {
    const target = event.url ?? url ?? '';
    if (isTrustedAppUrl(target)) return;
    event.preventDefault();
    refused(what, target);
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event, _prefs, params) => {
    event.preventDefault();
    refused('webview', params.src ?? '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    refused('window.open', url);
    return { action: 'deny' };
  });
}

/** No permission is ever granted or reported as granted. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
