// Files over HTTP as bytes, never as base64 inside JSON (core/schemas/files.ts says how a file field
// travels). The contract marks the fields: an answer's file is kept here and the answer carries a
// download reference; the browser then fetches it once with GET /api/download/<id>. A file for an
// input is sent first with POST /api/upload as the raw body; the call names it by its upload
// reference, and the file goes into dispatch as the base64 text the method takes (so dispatch and
// the handlers stay the same for every transport).
//
// A download is a capability: its id is 32 random bytes, given only inside the answer to the
// session that made the file, good for one fetch within five minutes and only while that session
// lives. A plain navigation (how the page saves it, so the bytes go to disk and never through the
// page's memory) cannot send headers, so the id alone admits it; a request that does send our
// headers must carry the launch token and the session that made the file.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { api, isMethodName } from '../../core/api';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../core/schemas/backups';
import { downloadIdOf, downloadRef, isFileField, uploadIdOf, uploadRef } from '../../core/schemas/files';
import { MAX_FILE_BYTES } from '../imports/limits';
import { DATA_LOCKED_MESSAGE } from '../lockedStart';
import { readBody } from './body';
import { FileStore } from './fileStore';
import { collectAfterSending } from '../releaseMemory';
import { header, refuse, sendError, sendJson } from './respond';
import { SESSION_HEADER, TOKEN_HEADER, sameSecret } from './security';
import type { SessionStore } from './sessions';

/** The largest upload: the importer's own limit (and a data package's, the same 14 MB). */
export const UPLOAD_LIMIT = Math.max(MAX_FILE_BYTES, MAX_PACKAGE_UPLOAD_BYTES);
/** Bytes held for downloads not yet fetched, and for uploads not yet used; the oldest go first. */
export const DOWNLOADS_CAP = 128 * 1024 * 1024;
export const UPLOADS_CAP = 4 * UPLOAD_LIMIT;

export interface FileOptions {
  token: string;
  sessions: SessionStore;
  downloads: FileStore;
  uploads: FileStore;
  uploadLimit?: number;
  /** The data file is encrypted and not opened yet (backend/lockedStart.ts): no file goes in or out. */
  locked?: () => boolean;
}

export const fileStores = () => ({ downloads: new FileStore(DOWNLOADS_CAP), uploads: new FileStore(UPLOADS_CAP) });

const fileKeys = new Map<string, { download: string | null; upload: string | null }>();
const fileKeyOf = (schema: z.ZodType) =>
  schema instanceof z.ZodObject
    ? (Object.entries(schema.shape as Record<string, z.ZodType>).find(([, f]) => isFileField(f))?.[0] ?? null)
    : null;

/** The fields of `method`'s answer and input that carry a file, as the contract marks them. */
export function fileFieldsOf(method: string): { download: string | null; upload: string | null } {
  let keys = fileKeys.get(method);
  if (!keys) {
    keys = isMethodName(method)
      ? { download: fileKeyOf(api[method].output), upload: fileKeyOf(api[method].input) }
      : { download: null, upload: null };
    fileKeys.set(method, keys);
  }
  return keys;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What dispatch's handlers call (CallCtx.keepFile) to hand this transport a file as bytes: kept for
 * one download by `session`, its reference returned for the answer's file field. The bytes are
 * viewed, not copied.
 */
export const fileKeeper =
  (session: string, o: FileOptions) =>
  (bytes: Uint8Array, fileName: string): string =>
    downloadRef(o.downloads.put(session, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName));

/**
 * An answer as it goes over HTTP: its file (if any) kept for one download, the reference in its
 * place. A handler that used fileKeeper already put the reference there.
 */
export function answerWithDownload(method: string, data: unknown, session: string, o: FileOptions): unknown {
  const key = fileFieldsOf(method).download;
  if (!key || !isRecord(data) || typeof data[key] !== 'string' || data[key] === '') return data;
  if (downloadIdOf(data[key]) !== null) return data;
  const bytes = Buffer.from(data[key], 'base64');
  const fileName = typeof data.fileName === 'string' ? data.fileName : 'download';
  return { ...data, [key]: downloadRef(o.downloads.put(session, bytes, fileName)) };
}

/**
 * An input as dispatch takes it: an upload reference in its file field replaced by that upload's
 * bytes as base64 (used up). Not ok when the reference names no upload this session may use.
 */
export function inputWithUpload(
  method: string,
  input: unknown,
  session: string,
  o: FileOptions,
): { ok: true; input: unknown } | { ok: false } {
  const key = fileFieldsOf(method).upload;
  const id = key && isRecord(input) ? uploadIdOf(input[key]) : null;
  if (id === null) return { ok: true, input };
  const held = o.uploads.peek(id);
  if (!held || held.session !== session) return { ok: false };
  o.uploads.take(id);
  return { ok: true, input: { ...(input as object), [key!]: held.bytes.toString('base64') } };
}

/** RFC 6266: an ASCII fallback, and the real (Chinese) name percent-encoded as RFC 5987 asks. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // A lone surrogate (a name typed or pasted half-broken) cannot be percent-encoded: it becomes U+FFFD.
  const whole = fileName.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const encoded = encodeURIComponent(whole).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const contentType = (fileName: string) =>
  TYPES[/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1].toLowerCase() ?? ''] ?? 'application/octet-stream';

const GONE = '下载已失效：每个文件只能下载一次，且须在导出后5分钟内下载。请重新导出';

/** `GET /api/download/<id>`: the file's bytes, once. */
export function handleDownload(req: IncomingMessage, res: ServerResponse, rawId: string, o: FileOptions): void {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return refuse(req, res, 405, 'METHOD_NOT_ALLOWED', '下载只接受 GET 请求');
  }
  const token = header(req, TOKEN_HEADER);
  if (token !== undefined && !sameSecret(token, o.token)) return refuse(req, res, 401, 'BAD_TOKEN', '访问令牌无效');
  if (o.locked?.()) return refuse(req, res, 423, 'DATA_LOCKED', DATA_LOCKED_MESSAGE);
  const held = /^[0-9a-f]{64}$/.test(rawId) ? o.downloads.peek(rawId) : null;
  const asking = header(req, SESSION_HEADER);
  // Another session's id, or one whose session has ended, is refused like an unknown one (and left alone).
  if (!held || (asking !== undefined && asking !== held.session) || !o.sessions.get(held.session))
    return refuse(req, res, 404, 'DOWNLOAD_GONE', GONE);
  const headers = {
    'Content-Type': contentType(held.fileName),
    'Content-Length': held.bytes.length,
    'Content-Disposition': contentDisposition(held.fileName),
    'Cache-Control': 'no-store',
  };
  // Used up only once the answer is sure to go out.
  o.downloads.take(rawId);
  collectAfterSending(res, held.bytes.length);
  res.writeHead(200, headers);
  res.end(held.bytes);
}

/** `POST /api/upload`: the raw bytes of one file → its upload reference, for the next call. */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, o: FileOptions): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return refuse(req, res, 405, 'METHOD_NOT_ALLOWED', '上传只接受 POST 请求');
  }
  if (!sameSecret(header(req, TOKEN_HEADER), o.token))
    return refuse(req, res, 401, 'BAD_TOKEN', '访问令牌无效：请用启动时显示的完整地址（含 #token=）打开普查办工作台');
  if (!/^application\/octet-stream\b/i.test(header(req, 'content-type') ?? ''))
    return refuse(req, res, 415, 'BAD_CONTENT_TYPE', '上传内容类型应为 application/octet-stream');
  if (o.locked?.()) return refuse(req, res, 423, 'DATA_LOCKED', DATA_LOCKED_MESSAGE);
  // First-run setup uploads its package before anyone has logged in; a session named must be live.
  const session = header(req, SESSION_HEADER) ?? '';
  if (session !== '' && !o.sessions.get(session)) return refuse(req, res, 401, 'UNAUTHENTICATED', '请先登录');
  const limit = o.uploadLimit ?? UPLOAD_LIMIT;
  const body = await readBody(req, limit);
  if (!body.ok) {
    const mb = (limit / 1024 / 1024).toFixed(1);
    return sendError(res, 413, 'TOO_LARGE', `文件过大：上传的文件（导入文件、数据包）不能超过 ${mb} MB`);
  }
  const id = o.uploads.put(session, body.bytes, 'upload');
  sendJson(res, 200, { ok: true, data: { upload: uploadRef(id), size: body.bytes.length } });
}

export const UPLOAD_GONE = '上传的文件已失效（须在上传后5分钟内使用，且只能使用一次），请重新选择文件';
