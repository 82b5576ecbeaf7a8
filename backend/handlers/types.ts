import type { MethodName, OutputOf, ParsedInputOf } from '../../core/api';
import type { HandlerCtx } from '../context';
import type { TwoPhase } from '../phases';

/** A function, or a two-phase handler for a write that must do asynchronous work first (backend/phases.ts). */
export type Handler<M extends MethodName> =
  ((input: ParsedInputOf<M>, ctx: HandlerCtx) => OutputOf<M> | Promise<OutputOf<M>>) | TwoPhase<M>;
export type Handlers = { [M in MethodName]: Handler<M> };
/** One area's handlers: exactly the methods of that area's contract. */
export type AreaHandlers<A> = { [M in keyof A & MethodName]: Handler<M> };
