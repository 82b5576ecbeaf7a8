// After a big file has gone out to the browser, its copies on the request thread — the workbook's
// bytes, the base64 text the handler made of them and the buffer the transport decoded from it, ~47 MB
// for a 100k roster — are garbage that V8 collects only when it next needs to; external memory
// counts slowly towards that, so two or three exports' worth could sit in the server at once (the
// download bench: 304–357 MB at the later exports). `npm run serve` runs with --expose-gc, so they
// are collected once the answer has gone out (a full collection of a ~40 MB heap: 20–40 ms, once per
// such file). Without the flag (tsx, tests) nothing changes.
import type { ServerResponse } from 'node:http';

/** From this size a file sent is worth a collection afterwards. */
const WORTH_BYTES = 4 * 1024 * 1024;

export function collectAfterSending(res: ServerResponse, bytes: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || bytes < WORTH_BYTES) return;
  res.once('finish', () => setImmediate(() => gc()));
}
