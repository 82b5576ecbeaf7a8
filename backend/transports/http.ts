// Browser mode: the real backend and the built renderer on 127.0.0.1, guarded as security.ts says.
// node:http only; every response carries the same security headers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../dispatch';
import { handleApi, type ApiOptions } from './api';
import { fileStores, handleDownload, handleUpload } from './files';
import { sendError } from './respond';
import { hostAllowed, newToken, originAllowed, setSecurityHeaders } from './security';
import { serveStatic } from './static';
import { SessionStore } from './sessions';
import { DOWNLOAD_PATH, UPLOAD_PATH } from '../../core/schemas/files';

export interface HttpServerOptions {
  /** The backend, or the gate in front of an encrypted data file (backend/lockedStart.ts). */
  backend: { dispatch: Dispatch; readonly locked?: boolean };
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Fixed only by tests; otherwise a fresh 32-byte token per launch. */
  token?: string;
  bodyLimit?: number;
  /** The largest upload (POST /api/upload); default the importer's own limit. */
  uploadLimit?: number;
}

export interface HttpServer {
  /** What to open: the token travels in the fragment, which browsers never send to a server. */
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const token = opts.token ?? newToken();
  const sessions = new SessionStore();
  let port = 0;
  const api: ApiOptions = {
    dispatch: opts.backend.dispatch,
    token,
    sessions,
    bodyLimit: opts.bodyLimit,
    uploadLimit: opts.uploadLimit,
    locked: () => opts.backend.locked === true,
    ...fileStores(),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    if (!hostAllowed(req.headers.host, port)) {
      req.resume();
      return sendError(res, 403, 'BAD_HOST', '拒绝访问：请通过 127.0.0.1 或 localhost 访问');
    }
    if (!originAllowed(req.headers.origin, port)) {
      req.resume();
      return sendError(res, 403, 'BAD_ORIGIN', '拒绝访问：请求来自其他网站');
    }
    const rawPath = (req.url ?? '/').split(/[?#]/)[0];
    if (rawPath.startsWith(DOWNLOAD_PATH)) return handleDownload(req, res, rawPath.slice(DOWNLOAD_PATH.length), api);
    if (rawPath === UPLOAD_PATH) return handleUpload(req, res, api);
    if (rawPath.startsWith('/api/')) return handleApi(req, res, rawPath.slice('/api/'.length), api);
    return serveStatic(req, res, opts.staticDir, rawPath);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) res.destroy();
      else sendError(res, 500, 'INTERNAL', `内部错误：${(e as Error).message ?? String(e)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
