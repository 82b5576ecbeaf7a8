// The window's security: exact preferences, navigation and new windows refused, permissions denied.
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { FakeWebContents } from './fakeElectron';
import {
  denyAllPermissions,
  hardenWebContents,
  SECURE_WEB_PREFERENCES,
  windowWebPreferences,
} from '../../electron/security';
import { mainWindowOptions } from '../../electron/window';

describe('web preferences', () => {
  it('are exactly the hardened set, with our preload', () => {
    expect(windowWebPreferences('/app/preload.cjs', false)).toEqual({
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
      preload: '/app/preload.cjs',
      devTools: false,
    });
  });

  it('are what the main window is created with', () => {
    const options = mainWindowOptions({ preload: '/p.cjs', devTools: true });
    expect(options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/p.cjs', devTools: true });
    expect(options.title).toBe('普查办工作台');
  });
});

function hardened() {
  const contents = new FakeWebContents();
  const refused = vi.fn();
  hardenWebContents(contents as unknown as WebContents, refused);
  const fire = (event: string, url: string) => {
    const e = { url, preventDefault: vi.fn() };
    contents.emit(event, e, url);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents, refused, fire };
}

describe('navigation', () => {
  it('refuses navigation, frame navigation and redirects away from our bundle', () => {
    const { fire, refused } = hardened();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of [
        'https://evil.example/',
        'file:///C:/Windows/win.ini',
        'http://127.0.0.1:8080/',
        'app://censusdesk.evil/',
        'javascript:alert(1)',
        'data:text/html,x',
      ]) {
        expect(fire(event, url), `${event} ${url}`).toBe(true);
      }
    }
    expect(refused).toHaveBeenCalledWith('navigation', 'https://evil.example/');
  });

  it('lets the page move within app://censusdesk/', () => {
    const { fire, refused } = hardened();
    expect(fire('will-navigate', 'app://censusdesk/index.html')).toBe(false);
    expect(refused).not.toHaveBeenCalled();
  });

  it('denies every window.open, even to our own bundle', () => {
    const { contents, refused } = hardened();
    expect(contents.windowOpenHandler).not.toBeNull();
    for (const url of ['https://www.stats.gov.cn/', 'app://censusdesk/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(refused).toHaveBeenCalledWith('window.open', 'about:blank');
  });

  it('refuses to attach webviews', () => {
    const { contents, refused } = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith('webview', 'https://evil.example/');
  });
});

describe('permissions', () => {
  it('denies every request and every check', () => {
    const s = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(s as unknown as Session);
    const request = s.setPermissionRequestHandler.mock.calls[0][0] as (
      c: unknown,
      p: string,
      cb: (granted: boolean) => void,
    ) => void;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = s.setPermissionCheckHandler.mock.calls[0][0] as (...a: unknown[]) => boolean;
    expect(check({}, 'media', 'app://censusdesk', {})).toBe(false);
    expect((s.setDevicePermissionHandler.mock.calls[0][0] as () => boolean)()).toBe(false);
  });
});
