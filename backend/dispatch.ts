// The one entry point: every transport calls dispatch(method, input, ctx) and gets a Result.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { api, isMethodName, type ApiError, type Result } from '../core/api';
import { UserError } from '../db/errors';
import { handlerCtx, type CallCtx, type HandlerCtx } from './context';
import { handlers } from './handlers';
import { fieldLabel } from './fieldLabel';

const fail = (code: string, message: string, issues: ApiError['issues'] = []): Result<never> => ({
  ok: false,
  error: { code, message, issues },
});

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

export function createDispatch(db: Database) {
  return async function dispatch(method: string, input: unknown, call: CallCtx): Promise<Result<unknown>> {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的接口：${method}`);
    const spec = api[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return validationError(spec.input, parsed.error);
    const ctx = handlerCtx(db, call);
    const handler = handlers[method] as unknown as (input: unknown, ctx: HandlerCtx) => unknown;
    try {
      // Writes run in one transaction with their audit entry: all of it lands or none of it.
      const data =
        spec.access === 'read' || (spec as { readOnly?: boolean }).readOnly
          ? await handler(parsed.data, ctx)
          : db.transaction(() => {
              const r = handler(parsed.data, ctx);
              if (r instanceof Promise) throw new Error(`写操作 ${method} 不能是异步的`);
              if (call.checkOutput && ctx.auditCount() !== 1) {
                throw new Error(`写操作 ${method} 应写入1条操作日志，实际写入 ${ctx.auditCount()} 条`);
              }
              return r;
            })();
      if (call.checkOutput) {
        const out = spec.output.safeParse(data);
        if (!out.success) throw new Error(`接口 ${method} 的返回值不符合约定：${out.error.message}`);
      }
      return { ok: true, data };
    } catch (e) {
      if (e instanceof UserError) return fail(e.code, e.message, e.issues);
      const message = (e as Error).message ?? String(e);
      if (/SQLITE_FULL|database or disk is full/i.test(message)) return fail('DISK_FULL', '磁盘空间不足，本次操作未保存，数据保持原样');
      if (/SQLITE_READONLY|readonly database/i.test(message)) return fail('READ_ONLY', '数据文件只读，本次操作未保存，数据保持原样');
      return fail('INTERNAL', `内部错误：${message}`);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatch>;
