// A call that writes a file where its caller said (an input `savePath`: the desktop's save dialog,
// a script) is recorded in the audit log: who saved what, and where. Calls that already write
// their own entry (an official R2, a full-sensitive export) say it there; the rest get this one,
// written by dispatch in the call's transaction.
import type { HandlerCtx } from './context';

/** The path a call's (valid) input asks it to write to, if any. */
export function savePathOf(input: unknown): string | null {
  const v = (input as { savePath?: unknown } | null)?.savePath;
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The entry for a save, unless the call wrote its own. */
export function auditSave(ctx: HandlerCtx, method: string, path: string, output: unknown): void {
  if (ctx.auditCount() > 0) return;
  const out = (output ?? {}) as { fileName?: unknown; savedPath?: unknown; sha256?: unknown };
  ctx.audit('saveFile', method.split('.')[0], null, null, {
    method,
    path: typeof out.savedPath === 'string' ? out.savedPath : path,
    fileName: out.fileName ?? null,
    sha256: out.sha256 ?? null,
  });
}
