// What an area exports: one function per method of its contract, taking the caller's context and
// the input as the contract parsed it, returning the contract's output. Other areas, importers,
// the dashboard and reports call these functions directly; backend/handlers maps method names to
// them for dispatch.
import type { MethodName, OutputOf, ParsedInputOf } from '../../core/api';
import type { HandlerCtx } from '../context';

export type Service<M extends MethodName> = (
  ctx: HandlerCtx,
  input: ParsedInputOf<M>,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** A write's service: synchronous, because dispatch runs it inside one SQLite transaction. */
export type WriteService<M extends MethodName> = (ctx: HandlerCtx, input: ParsedInputOf<M>) => OutputOf<M>;

/** Every method of one area's contract (`typeof personnelApi`…) with its service. */
export type AreaServices<A> = { [M in keyof A & MethodName]: Service<M> };

/** Names with the five generated CRUD methods (core/api/define.ts `crud`). */
export type CrudEntity = {
  [M in MethodName]: M extends `${infer N}.create`
    ? `${N}.get` | `${N}.update` | `${N}.list` | `${N}.delete` extends MethodName
      ? N
      : never
    : never;
}[MethodName];

type Of<K extends string> = K extends MethodName ? WriteService<K> : never;

/** The typed services of one entity's generated CRUD methods. */
export interface Crud<N extends CrudEntity> {
  create: Of<`${N}.create`>;
  get: Of<`${N}.get`>;
  update: Of<`${N}.update`>;
  list: Of<`${N}.list`>;
  delete: Of<`${N}.delete`>;
}
