// The app:// protocol that serves the built renderer (dist/renderer) to the window — never file://.
// The scheme is registered as privileged before the app is ready (a standard, secure origin, so
// 'self' in the CSP means our bundle); files are resolved with the same traversal refusal as
// browser mode and sent with the same security headers, CSP included.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { MIME_TYPES, resolveStatic } from '../backend/transports/static';
import { SECURITY_HEADERS } from '../backend/transports/security';
import { APP_HOST, APP_SCHEME } from './channel';

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** Must run before app 'ready' (Electron refuses it afterwards). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export interface AppRequest {
  url: string;
  method: string;
}

const text = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export function createAppProtocolHandler(root: string, read: (file: string) => Promise<Uint8Array> = readFile) {
  return async function handle(request: AppRequest): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, '不支持的请求方式');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, '请求地址无效');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, '找不到该文件');
    const target = resolveStatic(root, url.pathname);
    if (!target.ok) return text(target.status, target.message);
    let body: Uint8Array;
    try {
      body = await read(target.file);
    } catch {
      return text(404, '找不到该文件');
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': MIME_TYPES[extname(target.file).toLowerCase()] ?? 'application/octet-stream',
        // A rebuilt renderer is picked up on reload.
        'Cache-Control': 'no-cache',
      },
    });
  };
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
