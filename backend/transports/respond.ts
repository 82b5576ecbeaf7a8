// Answers and refusals as JSON Results, shared by the API and the file endpoints.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../core/api';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message, issues: [] } } satisfies Result<never>);
}

export const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Refused before the body is read; the unread rest is drained so the connection can be reused. */
export function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string) {
  req.resume();
  sendError(res, status, code, message);
}
