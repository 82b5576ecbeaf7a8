// Reading a request body with a size cap. Past the cap the rest is read and thrown away, so the
// client finishes sending and can read our 413 instead of seeing a reset connection; only a
// caller that already showed the token gets this far.
import type { IncomingMessage } from 'node:http';
import { MAX_FILE_BYTES } from '../imports/limits';

/**
 * A JSON request past the body limit is almost always a file sent inside it as base64 (an import
 * or a data package): the clerk is told the file's own limit, 14 MB, not the request's.
 */
export function tooLargeMessage(limit: number): string {
  const fileMb = Math.round(MAX_FILE_BYTES / 1024 / 1024);
  return `文件过大：导入的文件（以及数据包）不能超过 ${fileMb} MB，请删去无关的工作表，或分成几个文件导入（请求内容上限 ${Math.round(limit / 1024 / 1024)} MB）`;
}

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, tooLarge: true } : { ok: true, bytes: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}
