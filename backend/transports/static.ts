// The built renderer, served from one folder. The path is decoded once and refused outright if any
// segment climbs (`..`, also when written `%2e%2e` or with an encoded slash), and the resolved
// file must still lie inside the folder.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export type StaticTarget = { ok: true; file: string } | { ok: false; status: 400 | 403; message: string };

/** Maps the raw request path to a file inside `root`, or says why not. Pure: no file access. */
export function resolveStatic(root: string, rawPath: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, message: '请求地址无效' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403, message: '禁止访问' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, message: '禁止访问' };
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const base = resolve(root);
  const file = resolve(base, `.${wanted}`);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || !file.startsWith(base + sep)) {
    return { ok: false, status: 403, message: '禁止访问' };
  }
  return { ok: true, file };
}

function sendText(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  rawPath: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, '不支持的请求方式');
  }
  const target = resolveStatic(root, rawPath);
  if (!target.ok) return sendText(res, target.status, target.message);
  const info = await stat(target.file).catch(() => null);
  if (!info?.isFile()) {
    const isIndex = target.file === resolve(root, 'index.html');
    return sendText(
      res,
      404,
      isIndex ? '界面文件尚未构建：请先运行 vite build（输出到 dist/renderer）' : '找不到该文件',
    );
  }
  res.writeHead(200, {
    'Content-Type': MIME_TYPES[extname(target.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // Local files, revalidated every time: a rebuilt renderer is picked up on reload.
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((done) => {
    const stream = createReadStream(target.file);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', done);
    stream.pipe(res);
  });
}
