// Two-phase handlers, for writes that must first do asynchronous work (build a workbook in a
// worker, check an import again): `prepare` runs outside the transaction and writes nothing;
// `commit` is synchronous and runs inside dispatch's IMMEDIATE transaction with its audit entry,
// so the write is all-or-nothing like any other. A plain function is a one-phase handler.
//
// A write too long to hold the request thread (a 20k re-import) is `sliced`: its commit is a
// generator that yields between slices of work. On a data file, dispatch runs it in one explicit
// transaction on the writer connection, letting other requests in between slices: reads go to a
// read-only connection (the last committed state), other writes wait their turn (backend/
// writeTurns.ts). On ':memory:' it runs to its end in one go, as a plain commit.
import type { MethodName, OutputOf, ParsedInputOf } from '../core/api';
import type { HandlerCtx } from './context';

export interface TwoPhase<M extends MethodName, P = unknown> {
  /** Asynchronous work before anything is written: outside the transaction, writes nothing. */
  prepare(input: ParsedInputOf<M>, ctx: HandlerCtx): Promise<P>;
  /** Synchronous: inside the method's transaction (if its effect writes), with its audit entry. */
  commit(prepared: P, input: ParsedInputOf<M>, ctx: HandlerCtx): OutputOf<M>;
  /**
   * The same commit a slice at a time (each `yield` a point where other requests may be answered),
   * when the handler is `sliced`. dispatch prefers it on a data file; `commit` runs it to its end.
   */
  slices?(prepared: P, input: ParsedInputOf<M>, ctx: HandlerCtx): Generator<void, OutputOf<M>, void>;
}

/** Checks the prepared value's type between the two phases, then hides it from the handler map. */
export const twoPhase = <M extends MethodName, P>(handler: TwoPhase<M, P>): TwoPhase<M> => handler as TwoPhase<M>;

/** Runs a sliced commit's slices one after another without letting go. */
export function runToEnd<T>(slices: Generator<void, T, void>): T {
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/** A two-phase write whose commit works in slices (see above). */
export const sliced = <M extends MethodName, P>(handler: {
  prepare: TwoPhase<M, P>['prepare'];
  slices: NonNullable<TwoPhase<M, P>['slices']>;
}): TwoPhase<M> =>
  twoPhase<M, P>({
    prepare: handler.prepare,
    slices: handler.slices,
    commit: (prepared, input, ctx) => runToEnd(handler.slices(prepared, input, ctx)),
  });

const WRITER_BOUND = Symbol('writerBound');

/**
 * A read that keeps what it read on the writer connection for a later write (an import's check:
 * its statements and dry runs, reused by the commit): it takes a shared turn like a write, so it
 * never runs during a sliced write nor on the read-only connection.
 */
export function writerBound<F extends (...args: never[]) => unknown>(handler: F): F {
  return Object.assign((...args: Parameters<F>) => handler(...args), { [WRITER_BOUND]: true }) as unknown as F;
}

export const isWriterBound = (handler: unknown): boolean =>
  typeof handler === 'function' && (handler as { [WRITER_BOUND]?: boolean })[WRITER_BOUND] === true;
