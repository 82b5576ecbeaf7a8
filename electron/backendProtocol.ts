// The messages between the main process and the backend's utility process. The backend side
// (serveBackend) is plain Node, so it is tested with a fake port; the main side is backendClient.ts.
import type { Result } from '../core/api';
import type { Operator } from '../backend/context';
import type { Backend } from '../backend/app';

export type ToBackend =
  | { type: 'call'; id: number; method: string; input: unknown; operator: Operator | null }
  | { type: 'close' };

export type FromBackend =
  | { type: 'ready'; dataPath: string }
  | { type: 'failed'; code: string; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'closed' };

/** Electron's process.parentPort, reduced to what we use (messages arrive as { data }). */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: FromBackend): void;
}

const failure = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message, issues: [] } });

function isCall(m: unknown): m is Extract<ToBackend, { type: 'call' }> {
  const c = m as Record<string, unknown> | null;
  return !!c && c.type === 'call' && typeof c.id === 'number' && typeof c.method === 'string';
}

/**
 * Opens the backend and answers calls until told to close. A store that cannot be opened (a file
 * from a newer version, unreadable, locked) is reported once, and every call then gets that
 * message as its error, so the page can show it instead of a blank window.
 */
export function serveBackend(port: ParentPortLike, open: () => Backend, exit: (code: number) => void): void {
  let backend: Backend | null = null;
  let openError: { code: string; message: string } | null = null;
  try {
    backend = open();
    port.postMessage({ type: 'ready', dataPath: backend.path });
  } catch (e) {
    const err = e as { code?: unknown; message?: string };
    openError = { code: typeof err.code === 'string' ? err.code : 'DB_OPEN_FAILED', message: err.message ?? String(e) };
    port.postMessage({ type: 'failed', ...openError });
  }

  port.on('message', ({ data }) => {
    if (isCall(data)) {
      const answer = (result: Result<unknown>) => port.postMessage({ type: 'result', id: data.id, result });
      if (!backend) return answer(failure(openError!.code, openError!.message));
      backend.dispatch(data.method, data.input, { operator: data.operator ?? null }).then(answer, (e: Error) => answer(failure('INTERNAL', `内部错误：${e.message ?? String(e)}`)));
      return;
    }
    if ((data as { type?: unknown } | null)?.type === 'close') {
      // Closing checkpoints the WAL, so the .db file alone holds everything afterwards.
      try {
        backend?.close();
      } finally {
        backend = null;
        openError = { code: 'CLOSED', message: '后台已关闭' };
        port.postMessage({ type: 'closed' });
        // One turn of the loop lets the message leave before the process does.
        setImmediate(() => exit(0));
      }
    }
  });
}
