// Two-phase handlers, for writes that must first do asynchronous work (build a workbook in a
// worker, check an import again): `prepare` runs outside the transaction and writes nothing;
// `commit` is synchronous and runs inside dispatch's IMMEDIATE transaction with its audit entry,
// so the write is all-or-nothing like any other. A plain function is a one-phase handler.
import type { MethodName, OutputOf, ParsedInputOf } from '../core/api';
import type { HandlerCtx } from './context';

export interface TwoPhase<M extends MethodName, P = unknown> {
  /** Asynchronous work before anything is written: outside the transaction, writes nothing. */
  prepare(input: ParsedInputOf<M>, ctx: HandlerCtx): Promise<P>;
  /** Synchronous: inside the method's transaction (if its effect writes), with its audit entry. */
  commit(prepared: P, input: ParsedInputOf<M>, ctx: HandlerCtx): OutputOf<M>;
}

/** Checks the prepared value's type between the two phases, then hides it from the handler map. */
export const twoPhase = <M extends MethodName, P>(handler: TwoPhase<M, P>): TwoPhase<M> => handler as TwoPhase<M>;
