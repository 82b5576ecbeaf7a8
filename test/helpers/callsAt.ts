// ok / err for tests that call as the test admin at a moment of their own (a period's last day, a
// deadline passed): `now` is read at each call, so a test may move its clock between calls, and
// `backend` too, for a file that opens a fresh workspace per test.
import type { CallCtx } from '../../backend/context';
import type { InputOf, MethodName, OutputOf } from '../../core/api';
import { adminCtx, type TestBackend } from './backend';

export function callsAt(backend: () => TestBackend, now: () => Date) {
  const ctx = (): CallCtx => ({ ...adminCtx, now });
  async function ok<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const r = await backend().dispatch(method, input, ctx());
    if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
    return r.data as OutputOf<M>;
  }
  async function err(method: string, input: unknown) {
    const r = await backend().dispatch(method, input, ctx());
    if (r.ok) throw new Error(`${method} should have failed`);
    return r.error;
  }
  return { ctx, ok, err };
}

/** A call as the test admin at 10:00 China time on `day`, returning its data as the test reads it. */
export function callOnDay(backend: () => TestBackend) {
  return async <T>(method: string, input: unknown, day: string): Promise<T> => {
    const r = await backend().dispatch(method, input, { ...adminCtx, now: () => new Date(`${day}T10:00:00+08:00`) });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.data as T;
  };
}
