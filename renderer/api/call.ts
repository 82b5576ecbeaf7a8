// Every store reaches the backend through here: the bridge chosen at run time (preload in
// Electron, HTTP in browser mode). A session the backend ended (not logged in, operator changed,
// idle lock) is reported to whoever listens (the session store), so any screen can drop back to
// the login page or the lock screen. A successful write is announced (api/changes.ts), so the
// lists that show what it wrote ask again.
import { getBridge } from '../bridge';
import { announceCall } from './changes';
import type { ApiError, InputOf, MethodName, OutputOf, Result } from '../../core/api';

/**
 * The refusals (backend/access.ts) that mean "log in again", not "this call was wrong"; DATA_LOCKED:
 * the data file is closed until its 恢复码 is typed (backend/lockedStart.ts).
 */
export const SESSION_ENDED_CODES: readonly string[] = [
  'UNAUTHENTICATED',
  'SESSION_INVALID',
  'IDLE_LOCKED',
  'DATA_LOCKED',
];

let onSessionEnded: ((error: ApiError) => void) | null = null;
export function setSessionEndedHandler(fn: (error: ApiError) => void): void {
  onSessionEnded = fn;
}

export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  const r = await getBridge().call(method, input);
  if (!r.ok && SESSION_ENDED_CODES.includes(r.error.code)) onSessionEnded?.(r.error);
  if (r.ok) announceCall(method, input, r.data);
  return r;
}

/** A failed call as an exception, for loaders that only show the message. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export async function fetchData<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const r = await call(method, input);
  if (!r.ok) throw new ApiFailure(r.error);
  return r.data;
}

/**
 * For generic screens (forms, lists) that pick the method by name at run time: the input was
 * built for that method's schema, which the compiler cannot see through a string.
 */
export function callByName(method: string, input: unknown): Promise<Result<unknown>> {
  return call(method as MethodName, input as never) as Promise<Result<unknown>>;
}
