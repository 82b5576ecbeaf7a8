// The desktop transport: one ipcMain.handle on one channel. The sender frame's URL is checked on
// every call (a navigated or embedded page must never reach the backend), then dispatch runs with
// the operator the main process holds for that window.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { isPublicMethod, sessionEffectOf, type Result } from '../core/api';
import type { SessionEffect } from '../core/api/define';
import type { Operator, CallCtx } from '../backend/context';
import { CHANNEL } from './channel';
import { FileHandles } from './fileHandles';

export type DispatchFn = (method: string, input: unknown, ctx: CallCtx) => Promise<Result<unknown>>;

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: DispatchFn;
  isTrustedUrl: (url: string) => boolean;
  /** Who is logged in for the calling window (null before login). */
  getOperator: (event: IpcMainInvokeEvent) => Operator | null;
  /** Told after a successful login / first run (the operator) or logout (null). */
  setOperator?: (event: IpcMainInvokeEvent, operator: Operator | null) => void;
  /**
   * Files named in the input (`savePath`, `path`) as the window's dialogs answered them: a handle
   * becomes its path, anything else is refused (electron/fileHandles.ts). Without it, no call may
   * name a file.
   */
  files?: Pick<FileHandles, 'resolve'>;
}

const refusal = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message, issues: [] } });

/**
 * The window's operator follows what the method's contract declares (`session`). A window holds one
 * operator, so only its own changes matter here.
 */
function followSession(
  o: IpcOptions,
  event: IpcMainInvokeEvent,
  current: Operator | null,
  effect: SessionEffect | null,
  data: unknown,
) {
  switch (effect) {
    case 'opens':
      return o.setOperator?.(event, data as Operator);
    case 'closes':
      return o.setOperator?.(event, null);
    case 'followsOperator': {
      const record = data as Operator & { id: number; active: boolean };
      if (current?.id !== record.id) return;
      return o.setOperator?.(event, record.active ? { id: record.id, name: record.name, role: record.role } : null);
    }
    case 'locks': // dispatch holds the lock until the next login
    case 'endsOtherSessions': // this window's own session is the one kept
    case null:
      return;
    default:
      return effect satisfies never;
  }
}

export function registerIpc(o: IpcOptions): () => void {
  // A reload of the main module must not leave a second handler behind (Electron throws on that).
  o.ipcMain.removeHandler(CHANNEL);
  o.ipcMain.handle(
    CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
      const url = event.senderFrame?.url;
      if (!url || !o.isTrustedUrl(url)) return refusal('FORBIDDEN', '拒绝访问：该页面无权调用普查办工作台');
      if (typeof method !== 'string') return refusal('BAD_REQUEST', '接口名称无效');
      const operator = o.getOperator(event);
      if (!operator && !isPublicMethod(method)) return refusal('UNAUTHENTICATED', '请先登录');
      const files = (o.files ?? new FileHandles()).resolve(event.sender?.id ?? 0, input);
      if (!files.ok) return refusal('PATH_NOT_ALLOWED', files.message);
      input = files.input;
      try {
        // Per-session limits (logins, ID lookups) count by the window.
        const result = await o.dispatch(method, input, { operator, session: `window:${event.sender?.id ?? 0}` });
        if (result.ok) followSession(o, event, operator, sessionEffectOf(method), result.data);
        return result;
      } catch (e) {
        // Errors do not cross IPC intact; the renderer always gets a Result.
        return refusal('INTERNAL', `内部错误：${(e as Error).message ?? String(e)}`);
      }
    },
  );
  return () => o.ipcMain.removeHandler(CHANNEL);
}
