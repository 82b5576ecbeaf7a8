// An area's handlers for dispatch, from its services: the same functions with dispatch's argument
// order. The map it takes is typed by the area's contract, so a method without a service (or a
// service of the wrong shape) is a compile error (test/backend/handlerTypes.test.ts).
import type { MethodName } from '../../core/api';
import type { HandlerCtx } from '../context';
import type { AreaServices } from '../areas/service';
import type { AreaHandlers } from './types';

export function fromServices<A>(services: AreaServices<A>): AreaHandlers<A>;
export function fromServices(services: object): object {
  const entries = Object.entries(services as Record<MethodName, (ctx: HandlerCtx, input: unknown) => unknown>);
  return Object.fromEntries(
    entries.map(([method, service]) => [method, (input: unknown, ctx: HandlerCtx) => service(ctx, input)]),
  );
}
