// The gate in front of an encrypted data file (docs/encryption.md). Browser mode and the desktop's
// backend process open their data file through it: a plain or new file opens at once as before; an
// encrypted one opens only with its 恢复码. Until then the process runs "locked": a stand-in with
// the backend's dispatch shape answers setup.status (locked) and setup.unlock, and refuses
// everything else, so the page can show its 输入恢复码 screen. A right code swaps the real
// backend in, and every later call goes to it.
import { api, isMethodName, type Result } from '../core/api';
import { recoveryCodeProblem } from '../core/recoveryCode';
import { isEncryptedFile, recoveryCodeWrong, type CipherKey } from '../db/cipher';
import { UserError } from '../db/errors';
import { rollBackInterruptedRekey } from '../db/open';
import { acquireWriterLock, type WriterLock } from '../db/writerLock';
import type { Backend } from './app';
import type { CallCtx } from './context';
import type { Dispatch } from './dispatch';
import { beginUnlock } from './areas/system/unlockGuard';

export const DATA_LOCKED_MESSAGE = '数据已加密，请先输入恢复码';

export interface GateOptions {
  /** The data file. */
  path: string;
  /**
   * Opens the real backend, keyed (null for a plain or new file); the caller passes its own
   * options (backup folder, onRecoveryCode for codes the backend adopts later) to openBackend.
   */
  open: (key: CipherKey | null) => Backend;
  /** backend/recoveryKey.ts deriveKey (scrypt, off the main thread). */
  deriveKey: (code: string) => Promise<CipherKey>;
  /** A code typed into setup.unlock opened the file: the desktop keeps it for the next start. */
  onRecoveryCode?: (code: string) => void;
  /** The real backend is open (at once, or after an unlock): start the backup schedule and the like. */
  onOpened?: (backend: Backend) => void;
  /**
   * The right code, but the file would not open for another reason (damaged, from a newer
   * version…): the unlock answers with that error, and the desktop also offers its start-up
   * dialog (restore the latest good backup).
   */
  onOpenFailed?: (e: unknown) => void;
  /** The back-off's clock, in ms (tests). */
  now?: () => number;
}

export interface Gate {
  readonly path: string;
  /** Encrypted and not opened yet. */
  readonly locked: boolean;
  /** The real backend once open. */
  readonly backend: Backend | null;
  /** The backend's dispatch while open; the locked answers before. */
  dispatch: Dispatch;
  /**
   * Tries a code kept from an earlier start (the desktop's safeStorage): no back-off counted, and
   * onRecoveryCode is not called (it is kept already). Resolves true when the file opened; a wrong
   * or malformed code leaves the gate locked. Other open failures (damaged file…) throw.
   */
  openWithStoredCode: (code: string) => Promise<boolean>;
  close: () => void;
}

const fail = (code: string, message: string, issues: { path: string; message: string }[] = []): Result<never> => ({
  ok: false,
  error: { code, message, issues },
});

const asResult = (e: unknown): Result<never> =>
  e instanceof UserError ? fail(e.code, e.message, e.issues) : fail('INTERNAL', `内部错误：${(e as Error).message}`);

const isWrongCode = (e: unknown) => e instanceof UserError && e.code === 'RECOVERY_CODE_WRONG';

/**
 * Opens `opts.path` through the gate. A plain or new file opens at once (errors thrown as
 * openBackend's); an encrypted file starts locked. Nothing is read from an encrypted file and
 * nothing is written to it until a code opens it (db/cipher.ts refuses a wrong key before any write).
 */
export function openGated(opts: GateOptions): Gate {
  const clock = opts.now ?? Date.now;
  let backend: Backend | null = null;
  let closed = false;
  // Unlock attempts run one at a time: each derives a key (~0.5 s) and opens the file, and a burst
  // sent at once must meet the back-off of the attempts before it.
  let attempts: Promise<unknown> = Promise.resolve();
  // While locked the gate holds the one-writer lock itself, so a second app on the same file is
  // refused at its start as for a plain file; openBackend takes it over when a code opens the file.
  let writerLock: WriterLock | null = null;
  const relock = () => {
    try {
      if (!closed && !backend) writerLock ??= acquireWriterLock(opts.path);
    } catch {
      // Taken in the moment it was free: the next unlock is refused as DB_LOCKED, which says so.
    }
  };

  const adopt = (opened: Backend) => {
    if (closed) {
      opened.close();
      throw new UserError('CLOSED', '后台已关闭');
    }
    backend = opened;
    opts.onOpened?.(opened);
  };

  /** Derives the key and opens: null when open, else the refusal of a wrong code (the gate stays locked). */
  const tryCode = async (code: string): Promise<UserError | null> => {
    if (recoveryCodeProblem(code)) return recoveryCodeWrong();
    const key = await opts.deriveKey(code);
    if (backend) return null;
    if (closed) throw new UserError('CLOSED', '后台已关闭');
    writerLock?.release();
    writerLock = null;
    try {
      adopt(opts.open(key));
      return null;
    } catch (e) {
      relock();
      if (isWrongCode(e)) return e as UserError;
      throw e;
    }
  };

  const unlock = async (input: unknown, call: CallCtx): Promise<Result<unknown>> => {
    const parsed = api['setup.unlock'].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return fail('INVALID_INPUT', issues.map((i) => i.message).join('；'), issues);
    }
    const code = parsed.data.recoveryCode;
    let attempt: { end: (succeeded: boolean) => void };
    let wrong: UserError | null;
    try {
      // The same back-off as setup.unlock on an open file: per session and for the file as a whole.
      attempt = beginUnlock(gate, call.session, clock);
    } catch (e) {
      return asResult(e);
    }
    try {
      wrong = await tryCode(code);
    } catch (e) {
      attempt.end(false);
      if (!closed) opts.onOpenFailed?.(e);
      return asResult(e);
    }
    attempt.end(wrong === null);
    if (wrong) return asResult(wrong);
    opts.onRecoveryCode?.(code);
    return { ok: true, data: { unlocked: true } };
  };

  const locked = async (method: string, input: unknown, call: CallCtx): Promise<Result<unknown>> => {
    if (method === 'setup.status')
      return { ok: true, data: { hasOffice: true, hasOperators: true, encrypted: true, locked: true } };
    if (method === 'setup.unlock') {
      const attempt = attempts.then(() => (backend ? backend.dispatch(method, input, call) : unlock(input, call)));
      attempts = attempt.catch(() => undefined);
      return attempt;
    }
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的接口：${method}`);
    return fail('DATA_LOCKED', DATA_LOCKED_MESSAGE);
  };

  const gate: Gate = {
    path: opts.path,
    get locked() {
      return !backend;
    },
    get backend() {
      return backend;
    },
    dispatch: (method, input, call) => {
      if (backend) return backend.dispatch(method, input, call);
      if (closed) return Promise.resolve(fail('CLOSED', '后台已关闭'));
      return locked(method, input, call);
    },
    openWithStoredCode: (code) => {
      const attempt = attempts.then(async () => (await tryCode(code)) === null);
      attempts = attempt.catch(() => undefined);
      return attempt;
    },
    close: () => {
      if (closed) return;
      closed = true;
      writerLock?.release();
      writerLock = null;
      backend?.close();
      backend = null;
    },
  };

  if (isEncryptedFile(opts.path)) {
    writerLock = acquireWriterLock(opts.path);
    // A crash in the middle of encrypting a plain file leaves a header that looks encrypted; rolled
    // back (under the lock) it is the plain file again, which opens at once like any plain file.
    rollBackInterruptedRekey(opts.path);
    if (!isEncryptedFile(opts.path)) {
      writerLock.release();
      writerLock = null;
    }
  }
  if (!writerLock) adopt(opts.open(null));
  return gate;
}
