// The one entry point: every transport calls dispatch(method, input, ctx) and gets a Result.
// In order: the method exists; the caller may call it (backend/access.ts); masked values from a
// form are dropped or refused; the input is valid; the handler runs (a write inside one
// transaction with its audit entry); the answer is checked (tests) and masked.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { api, isMethodName, type ApiError, type MethodName, type Result } from '../core/api';
import { UserError } from '../db/errors';
import { fixedWorkspace, handlerCtx, type CallCtx, type HandlerCtx, type Workspace } from './context';
import { handlers } from './handlers';
import { fieldLabel } from './fieldLabel';
import { authorize } from './access';
import { IdleLock } from './idleLock';
import { dropMaskedInput, maskSensitive } from './masking';

const fail = (code: string, message: string, issues: ApiError['issues'] = []): Result<never> => ({
  ok: false,
  error: { code, message, issues },
});

/** Methods that replace the database file: they cannot run inside a transaction on it, and audit into the new data. */
const REPLACES_DATA = new Set<MethodName>(['backup.restore', 'package.import']);
/** The full value is the point of these answers (and each one is audited). */
const UNMASKED_OUTPUT = new Set<MethodName>(['sensitive.reveal']);
/** A success of these starts (or restarts) an operator's idle clock. */
const LOGINS = new Set<MethodName>(['session.login', 'setup.init']);

/** zod issues → Chinese messages that name the field (the schemas' own messages already do). */
function validationError(schema: z.ZodType, err: z.ZodError): Result<never> {
  const issues = err.issues.map((i) => {
    const path = i.path.join('.');
    const label = fieldLabel(schema, i.path);
    const named = label && !i.message.includes(label) ? `${label}：${i.message}` : i.message;
    return { path, message: i.code === 'unrecognized_keys' ? `无法识别的字段：${i.keys.join('、')}` : named };
  });
  return fail('INVALID_INPUT', issues.map((i) => i.message).join('；'), issues);
}

const UNSAVED = '本次操作未保存，数据保持原样';

/** What the disk or SQLite refused, in the clerk's words; null for a plain bug. */
function storageFailure(e: unknown): Result<never> | null {
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (code === 'SQLITE_FULL' || /SQLITE_FULL|database or disk is full/i.test(message))
    return fail('DISK_FULL', `磁盘空间不足，${UNSAVED}`);
  if (code.startsWith('SQLITE_READONLY') || /SQLITE_READONLY|readonly database/i.test(message))
    return fail('READ_ONLY', `数据文件只读，${UNSAVED}`);
  if (code.startsWith('SQLITE_IOERR'))
    return fail('IO_ERROR', `读写数据文件时发生磁盘错误，${UNSAVED}。请检查磁盘或移动硬盘是否仍然连接`);
  if (code.startsWith('SQLITE_CANTOPEN'))
    return fail('DB_UNAVAILABLE', `无法访问数据文件（所在磁盘可能已断开或变为只读），${UNSAVED}`);
  if (code.startsWith('SQLITE_BUSY')) return fail('DB_BUSY', `数据文件正被其他程序占用，${UNSAVED}，请稍后重试`);
  if (code.startsWith('SQLITE_CORRUPT'))
    return fail('DB_CORRUPT', '数据文件已损坏，本次操作未保存。请立即停止录入，由管理员从备份恢复');
  return null;
}

export interface DispatchOptions {
  /** The idle lock's clock (tests). */
  clock?: () => number;
}

export function createDispatch(source: Workspace | Database, opts: DispatchOptions = {}) {
  const ws = 'reopen' in source ? source : fixedWorkspace(source);
  const idle = new IdleLock(opts.clock);
  return async function dispatch(method: string, input: unknown, call: CallCtx): Promise<Result<unknown>> {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的接口：${method}`);
    const spec = api[method];
    const auth = authorize(method, call, ws.db, idle);
    if (!auth.ok) return { ok: false, error: auth.error };
    const caller: CallCtx = { ...call, operator: auth.operator };
    let parsed: ReturnType<typeof spec.input.safeParse>;
    try {
      parsed = spec.input.safeParse(dropMaskedInput(spec.input, input ?? {}));
    } catch (e) {
      if (e instanceof UserError) return fail(e.code, e.message, e.issues);
      throw e;
    }
    if (!parsed.success) return validationError(spec.input, parsed.error);
    const ctx = handlerCtx(ws, caller);
    const handler = handlers[method] as unknown as (input: unknown, ctx: HandlerCtx) => unknown;
    const auditedOnce = () => {
      if (call.checkOutput && ctx.auditCount() !== 1)
        throw new Error(`写操作 ${method} 应写入1条操作日志，实际写入 ${ctx.auditCount()} 条`);
    };
    try {
      let data: unknown;
      if (REPLACES_DATA.has(method)) {
        data = await handler(parsed.data, ctx);
        auditedOnce();
      } else if (spec.access === 'read' || (spec as { readOnly?: boolean }).readOnly) {
        data = await handler(parsed.data, ctx);
      } else {
        // Writes run in one transaction with their audit entry: all of it lands or none of it.
        // IMMEDIATE takes the write lock up front, so a write never fails half-way for having read
        // a snapshot that another connection (a tool, a backup restore) has since moved on from.
        data = ws.db
          .transaction(() => {
            const r = handler(parsed.data, ctx);
            if (r instanceof Promise) throw new Error(`写操作 ${method} 不能是异步的`);
            auditedOnce();
            return r;
          })
          .immediate();
      }
      if (call.checkOutput) {
        const out = spec.output.safeParse(data);
        if (!out.success) throw new Error(`接口 ${method} 的返回值不符合约定：${out.error.message}`);
      }
      const loggedIn = LOGINS.has(method) ? (data as { id?: number | null } | null)?.id : null;
      if (typeof loggedIn === 'number') idle.loggedIn(loggedIn);
      if (method === 'session.lock' && typeof auth.operator?.id === 'number') idle.lock(auth.operator.id);
      return { ok: true, data: call.unmasked || UNMASKED_OUTPUT.has(method) ? data : maskSensitive(data) };
    } catch (e) {
      if (e instanceof UserError) return fail(e.code, e.message, e.issues);
      return storageFailure(e) ?? fail('INTERNAL', `内部错误：${(e as Error).message ?? String(e)}`);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatch>;
