// The one entry point: every transport calls dispatch(method, input, ctx) and gets a Result.
// In order: the method exists; the caller may call it (backend/access.ts); masked values from a
// form are dropped or refused; the input is valid; the input's rules allow the caller; the handler
// runs as its declared effect says (core/api/define.ts: a write inside one transaction with its
// audit entry, a two-phase handler's async part before it); the answer is checked (tests) and,
// unless it reveals, masked. A sliced write (a big import's commit, backend/phases.ts) holds the
// writer connection alone while it runs in slices: reads meanwhile answer from a read-only
// connection, calls that write wait their turn (backend/writeTurns.ts).
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { api, isMethodName, type ApiError, type MethodName, type Result } from '../core/api';
import { effectFor, isAuditedRead, type MethodSpec, type SessionEffect } from '../core/api/define';
import { UserError } from '../db/errors';
import { fixedWorkspace, handlerCtx, type CallCtx, type HandlerCtx, type Operator, type Workspace } from './context';
import { handlers } from './handlers';
import type { Handlers } from './handlers/types';
import { fieldLabel } from './fieldLabel';
import { authorize, authorizeInput, mayReveal } from './access';
import { IdleLock, idleKey } from './idleLock';
import { beginReplacement } from './backups/restoreIntent';
import { dropMaskedInput, maskSensitive } from './masking';
import { auditSave, savePathOf } from './fileSaves';
import { isWriterBound, runToEnd, type TwoPhase } from './phases';
import { WriteTurns } from './writeTurns';
import { openReadConnection, readableApart, workspaceKey } from './readConnection';
import { checkpointInBackground, holdAutoCheckpoint } from './checkpoint';
import { CHECKPOINT_AFTER_SLICES, runInSlices } from './slicedWrite';

const fail = (code: string, message: string, issues: ApiError['issues'] = []): Result<never> => ({
  ok: false,
  error: { code, message, issues },
});

/** zod issues → Chinese messages that name the field (the schemas' own messages already do). */
function validationError(schema: z.ZodType, err: z.ZodError): Result<never> {
  const issues = err.issues.map((i) => {
    const path = i.path.join('.');
    const label = fieldLabel(schema, i.path);
    // A check across fields may name the field its own way (市级区划代码 for a city office's countyCode).
    const namesItself = i.code === 'custom' && (i.params as { named?: boolean } | undefined)?.named === true;
    const named = label && !namesItself && !i.message.includes(label) ? `${label}：${i.message}` : i.message;
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

interface Phases {
  prepare: ((input: unknown, ctx: HandlerCtx) => Promise<unknown>) | null;
  commit: (prepared: unknown, input: unknown, ctx: HandlerCtx) => unknown;
  slices: ((prepared: unknown, input: unknown, ctx: HandlerCtx) => Generator<void, unknown, void>) | null;
}

/**
 * A handler as its two phases (a plain function: nothing to prepare, the whole call as its commit).
 * The one untyped step: the map pairs each method with its handler, but a name known only at run
 * time cannot carry that pairing, so the input (already parsed by the same method's schema) is
 * passed as `never`.
 */
function phasesOf(handler: Handlers[MethodName]): Phases {
  if (typeof handler === 'function')
    return { prepare: null, commit: (_p, input, ctx) => handler(input as never, ctx), slices: null };
  const sliced = (handler as TwoPhase<MethodName>).slices;
  return {
    prepare: (input, ctx) => handler.prepare(input as never, ctx),
    commit: (prepared, input, ctx) => handler.commit(prepared, input as never, ctx),
    slices: sliced ? (prepared, input, ctx) => sliced.call(handler, prepared, input as never, ctx) : null,
  };
}

export function createDispatch(source: Workspace | Database, opts: DispatchOptions = {}) {
  const ws = 'reopen' in source ? source : fixedWorkspace(source);
  const idle = new IdleLock(opts.clock);
  // Calls that replace the data file run one at a time, each from its own check of the caller on:
  // they stage into the same files beside the data file, and a second swap (a double click, two
  // tabs) must start from the data the first one left, never from a half-swapped file.
  let replacing: Promise<unknown> = Promise.resolve();
  const turns = new WriteTurns();
  // The read-only connection, open while a sliced write holds the writer connection.
  let reader: Database | null = null;
  // The workspace as calls see it: its connection is the read-only one while a sliced write runs
  // (only plain reads run then: everything else waits for its turn). Read at each use, like ws.db.
  const view: Workspace = new Proxy(ws, {
    get: (target, key) => (key === 'db' && reader ? reader : Reflect.get(target, key, target)),
  });
  return async function dispatch(method: string, input: unknown, call: CallCtx): Promise<Result<unknown>> {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的接口：${method}`);
    if (api[method].effect !== 'replacesData') return run(method, input, call);
    const next = replacing.then(() => run(method, input, call));
    replacing = next.catch(() => undefined);
    return next;
  };

  async function run(method: MethodName, input: unknown, call: CallCtx): Promise<Result<unknown>> {
    const spec: MethodSpec = api[method];
    const auth = authorize(method, call, view.db, idle);
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
    const refused = authorizeInput(method, parsed.data, auth.operator, view.db);
    if (refused) return { ok: false, error: refused };
    const effect = effectFor(spec, parsed.data);
    // A lookup some inputs make an audited one (a complete 公民身份号码): its entry is written with it.
    // So is a call that writes a file where the caller said (backend/fileSaves.ts).
    const savePath = savePathOf(parsed.data);
    const recorded = isAuditedRead(spec, parsed.data) || (effect === 'none' && savePath !== null);
    const ctx = handlerCtx(view, caller);
    const { prepare, commit, slices } = phasesOf(handlers[method]);
    // Tests hold every call to its declared effect: one audit entry per write, none otherwise.
    const audited = (expected: number, what: string, counted: HandlerCtx = ctx) => {
      if (call.checkOutput && counted.auditCount() !== expected)
        throw new Error(`${what} ${method} 应写入${expected}条操作日志，实际写入 ${counted.auditCount()} 条`);
    };
    const writes = effect === 'write' || effect === 'reveals' || recorded;
    // Whatever writes, swaps the data or keeps what it read for a write uses the writer connection
    // across awaits: it takes a turn, so it never runs inside a sliced write (writeTurns.ts).
    const takesTurn = writes || effect !== 'none' || isWriterBound(handlers[method]);
    let release: (() => void) | null = takesTurn ? await turns.share() : null;
    try {
      const prepared = prepare ? await prepare(parsed.data, ctx) : undefined;
      audited(0, '准备阶段');
      let data: unknown;
      if (slices && effect === 'write' && savePath === null && readableApart(ws)) {
        release?.();
        release = await turns.take();
        // Its own context on the writer connection: the view's is the read-only one meanwhile.
        const writerCtx = handlerCtx(ws, caller);
        data = await sliceWrite(slices(prepared, parsed.data, writerCtx), (r) =>
          audited(1 + (spec.recordEntries?.(r) ?? 0), '写操作', writerCtx),
        );
      } else if (writes) {
        // Writes run in one transaction with their audit entry: all of it lands or none of it.
        // IMMEDIATE takes the write lock up front, so a write never fails half-way for having read
        // a snapshot that another connection (a tool, a backup restore) has since moved on from.
        data = ws.db
          .transaction(() => {
            const r = commit(prepared, parsed.data, ctx);
            if (r instanceof Promise) throw new Error(`写操作 ${method} 不能是异步的`);
            if (savePath !== null) auditSave(ctx, method, savePath, r);
            // One entry per write; a method declaring per-record entries (import.commit) adds those.
            audited(1 + (spec.recordEntries?.(r) ?? 0), '写操作');
            return r;
          })
          .immediate();
      } else {
        // Nothing audited happens here, or (replacesData) the data file is swapped: no transaction
        // can span closing the connection, and the one audit entry goes into the new data.
        // A swap is announced first (backend/backups/restoreIntent.ts) with who asked; the
        // announcement goes once the entry is written, so a kill in between is settled at start.
        const replacing = effect === 'replacesData' ? beginReplacement(ws.path, auth.operator) : null;
        try {
          data = await commit(prepared, parsed.data, ctx);
          replacing?.succeeded();
        } finally {
          replacing?.end();
        }
        audited(effect === 'replacesData' ? 1 : 0, effect === 'replacesData' ? '替换数据的操作' : '只读操作');
      }
      if (call.checkOutput) {
        const out = spec.output.safeParse(data);
        if (!out.success) throw new Error(`接口 ${method} 的返回值不符合约定：${out.error.message}`);
      }
      followSession(spec.session, data, auth.operator, call.session);
      if (call.unmasked || effect === 'reveals') return { ok: true, data };
      // Callers who may not reveal get no birth date beside a masked number (backend/masking.ts).
      return { ok: true, data: maskSensitive(data, { birthDates: !mayReveal(view.db, auth.operator) }) };
    } catch (e) {
      if (e instanceof UserError) return fail(e.code, e.message, e.issues);
      return storageFailure(e) ?? fail('INTERNAL', `内部错误：${(e as Error).message ?? String(e)}`);
    } finally {
      release?.();
    }
  }

  /** A sliced write, alone on the writer connection; reads meanwhile go to a read-only one. */
  async function sliceWrite(slices: Generator<void, unknown, void>, last: (r: unknown) => void): Promise<unknown> {
    try {
      reader = openReadConnection(ws);
    } catch {
      // No second connection (a file SQLite will not open twice just now): the commit runs in one
      // go, as a plain write would, rather than let reads see its half.
      return ws.db
        .transaction(() => {
          const r = runToEnd(slices);
          last(r);
          return r;
        })
        .immediate();
    }
    const resume = holdAutoCheckpoint(ws.db);
    try {
      const { value, yielded } = await runInSlices(ws.db, slices, last);
      // A write that took many slices left a log worth copying off the thread; a small one leaves
      // it to the automatic checkpoint, as any write does.
      if (yielded >= CHECKPOINT_AFTER_SLICES) void checkpointInBackground(ws.path, workspaceKey(ws));
      return value;
    } finally {
      resume();
      const r = reader;
      reader = null;
      r.close();
    }
  }

  /**
   * The idle clock follows logins, locks and logouts of the caller's own session (per session, so a
   * login elsewhere never unlocks it); the transports follow the rest (their sessions).
   */
  function followSession(
    session: SessionEffect | undefined,
    data: unknown,
    operator: Operator | null,
    callSession: string | undefined,
  ) {
    if (session === 'opens') {
      const id = (data as Operator).id;
      if (typeof id === 'number') idle.loggedIn(idleKey(callSession, id));
    } else if (session === 'locks' && typeof operator?.id === 'number') idle.lock(idleKey(callSession, operator.id));
    else if (session === 'closes' && typeof operator?.id === 'number') idle.forget(idleKey(callSession, operator.id));
  }
}

export type Dispatch = ReturnType<typeof createDispatch>;
