import type { MethodName, OutputOf, ParsedInputOf } from '../../core/api';
import type { HandlerCtx } from '../context';

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: HandlerCtx,
) => OutputOf<M> | Promise<OutputOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
/** One area's handlers: exactly the methods of that area's contract. */
export type AreaHandlers<A> = { [M in keyof A & MethodName]: Handler<M> };
