// `POST /api/<method>`: the token, the session, the body, then dispatch. Every answer is a Result
// as JSON; domain errors travel with HTTP 200 and ok:false, transport refusals with 4xx. Files go
// around the JSON, as bytes (./files.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from '../dispatch';
import type { Operator } from '../context';
import { isPublicMethod, sessionEffectOf } from '../../core/api';
import { readBody, tooLargeMessage } from './body';
import { UPLOAD_GONE, answerWithDownload, fileKeeper, inputWithUpload, type FileOptions } from './files';
import { header, refuse, sendError, sendJson } from './respond';
import { SESSION_HEADER, TOKEN_HEADER, sameSecret } from './security';
import type { SessionStore } from './sessions';

/** JSON requests; files are not in them (POST /api/upload takes those), though base64 in JSON is still accepted. */
export const BODY_LIMIT = 20 * 1024 * 1024;

export interface ApiOptions extends FileOptions {
  dispatch: Dispatch;
  token: string;
  sessions: SessionStore;
  bodyLimit?: number;
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  rawName: string,
  o: ApiOptions,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return refuse(req, res, 405, 'METHOD_NOT_ALLOWED', '接口只接受 POST 请求');
  }
  if (!sameSecret(header(req, TOKEN_HEADER), o.token)) {
    return refuse(req, res, 401, 'BAD_TOKEN', '访问令牌无效：请用启动时显示的完整地址（含 #token=）打开普查办工作台');
  }
  if (!/^application\/json\b/i.test(header(req, 'content-type') ?? '')) {
    return refuse(req, res, 415, 'BAD_CONTENT_TYPE', '请求内容类型应为 application/json');
  }
  let method: string;
  try {
    method = decodeURIComponent(rawName);
  } catch {
    return refuse(req, res, 400, 'BAD_REQUEST', '请求地址无效');
  }
  const sessionId = header(req, SESSION_HEADER);
  const operator: Operator | null = o.sessions.get(sessionId);
  // While the data file is locked nobody can log in: every method goes on to the gate, which refuses it.
  if (!operator && !isPublicMethod(method) && !o.locked?.())
    return refuse(req, res, 401, 'UNAUTHENTICATED', '请先登录');

  const body = await readBody(req, o.bodyLimit ?? BODY_LIMIT);
  if (!body.ok) return sendError(res, 413, 'TOO_LARGE', tooLargeMessage(o.bodyLimit ?? BODY_LIMIT));
  let input: unknown;
  try {
    const text = body.bytes.toString('utf8');
    input = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return sendError(res, 400, 'BAD_JSON', '请求内容不是有效的 JSON');
  }
  const named = pathFieldIn(input);
  if (named) {
    // The browser downloads what it exports and uploads what it opens: no caller names a file here.
    const message = `浏览器模式下不能指定文件路径（${named}）：导出的文件由浏览器下载，打开的文件由浏览器上传`;
    return sendJson(res, 200, {
      ok: false,
      error: { code: 'PATH_NOT_ALLOWED', message, issues: [{ path: named, message }] },
    });
  }
  const session = operator ? sessionId! : '';
  const withUpload = inputWithUpload(method, input, session, o);
  if (!withUpload.ok) return sendError(res, 410, 'UPLOAD_GONE', UPLOAD_GONE);
  input = withUpload.input;

  // Per-session limits count by the session, or for callers not logged in by the transport.
  // A handler hands this transport its file as bytes (fileKeeper), so no file becomes base64 here.
  const result = await o.dispatch(method, input, {
    operator,
    session: operator ? `http:${session}` : 'http',
    keepFile: fileKeeper(session, o),
  });
  if (!result.ok) return sendJson(res, 200, result);
  followSession(res, method, input, result.data, sessionId, o.sessions);
  sendJson(res, 200, { ok: true, data: answerWithDownload(method, result.data, session, o) });
}

/** Input fields that name a file on this computer (report.export's savePath, a package's path). */
const PATH_FIELDS = ['savePath', 'path'] as const;

/** The first file-naming field the input carries, if any. */
function pathFieldIn(input: unknown): string | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const record = input as Record<string, unknown>;
  return PATH_FIELDS.find((k) => record[k] !== undefined && record[k] !== null) ?? null;
}

/**
 * A success does to this transport's sessions what the method's contract declares (`session`):
 * opening one hands its id back in a header; an admin's changes reach the operator's live sessions.
 */
function followSession(
  res: ServerResponse,
  method: string,
  input: unknown,
  data: unknown,
  sessionId: string | undefined,
  sessions: SessionStore,
) {
  const effect = sessionEffectOf(method);
  switch (effect) {
    case 'opens':
      sessions.drop(sessionId);
      res.setHeader('X-CensusDesk-Session', sessions.create(data as Operator));
      return;
    case 'closes':
      sessions.drop(sessionId);
      return;
    case 'followsOperator':
      sessions.operatorChanged(data as Parameters<SessionStore['operatorChanged']>[0]);
      return;
    case 'endsOtherSessions':
      sessions.dropOperator((input as { id: number }).id, sessionId);
      return;
    case 'locks': // dispatch holds the lock; the session stays, refused until the next login
    case null:
      return;
    default:
      return effect satisfies never;
  }
}
