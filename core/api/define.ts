// The API contract's building blocks. A method is a name with an input schema, an output schema,
// who may call it (`access`) and what a call does (`effect`, `session`); dispatch, every transport,
// the UI's forms and the docs read the same object, so a new method is declared in one place.
import { z } from 'zod';
import type { OperatorRole } from '../enums';
import { idInput, recordMeta, metaOf } from '../schemas/fields';

/**
 * Who may call a method (backend/access.ts). public: anyone, before logging in; read: anyone logged
 * in; write: 录入员 and 管理员; admin: 管理员 only; reveal: the roles the safety settings allow to
 * see sensitive values in full (管理员 always).
 */
export type Access = 'public' | 'read' | 'write' | 'admin' | 'reveal';

/**
 * What a call does to the data, and so how dispatch runs it (backend/dispatch.ts):
 * - none: no audited change; no transaction, no audit entry; the answer is masked.
 * - write: one IMMEDIATE transaction with exactly one audit entry; all of it lands or none of it.
 * - reveals: a write whose answer carries sensitive values in full (not masked).
 * - replacesData: swaps the data file, so it runs outside any transaction (it closes the
 *   connection) and writes exactly one audit entry, into the data it brought in.
 */
export type Effect = 'none' | 'write' | 'reveals' | 'replacesData';
export const EFFECTS = ['none', 'write', 'reveals', 'replacesData'] as const satisfies readonly Effect[];

/**
 * What a success does to sessions: dispatch keeps the idle clock, each transport its sessions.
 * - opens: a session opens for the operator in the answer (the caller's old one ends).
 * - closes: the caller's session ends.
 * - locks: the caller stays locked until they log in again.
 * - followsOperator: sessions of the operator in the answer take its new name and role, and end
 *   if it was switched off.
 * - endsOtherSessions: every other session of the operator whose id is the input's `id` ends.
 */
export type SessionEffect = 'opens' | 'closes' | 'locks' | 'followsOperator' | 'endsOtherSessions';

/** Stricter terms for some inputs, checked once the input is valid. */
export interface InputRule<T> {
  /** The inputs concerned, in Chinese, for the docs. */
  when: string;
  applies(input: T): boolean;
  /**
   * The access these inputs need besides the method's own, and what a refusal says the caller
   * cannot do: 当前角色（只读）不能<action>：需要…权限[；<hint>].
   */
  access?: { level: Access; action: string; hint?: string };
  /** A stronger effect for these inputs (the strongest that applies wins). */
  effect?: 'write' | 'reveals';
  /**
   * These inputs are recorded in the audit log (one entry) though nothing changes: a lookup by a
   * complete 公民身份号码. The call runs in a transaction with its entry but is not a write (the
   * UI does not reload lists after it).
   */
  audited?: boolean;
}

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  effect: Effect;
  session?: SessionEffect;
  rules?: readonly InputRule<z.output<I>>[];
  /**
   * A write that records, besides its own entry, one entry per record it creates or changes
   * (import.commit): how many, read from its answer. dispatch then holds it to 1 + that many
   * entries instead of exactly one.
   */
  recordEntries?(output: z.output<O>): number;
  /** One line in Chinese for the docs and the audit log. */
  summary: string;
}

/** The operator a session holds. */
interface SessionOperator {
  id: number | null;
  name: string;
  role: OperatorRole;
}

/** Session effects whose data the transports read from the answer or the input must find it there. */
type SessionEffectFor<I extends z.ZodType, O extends z.ZodType> =
  | 'closes'
  | 'locks'
  | (z.output<O> extends SessionOperator ? 'opens' : never)
  | (z.output<O> extends SessionOperator & { id: number; active: boolean } ? 'followsOperator' : never)
  | (z.output<I> extends { id: number } ? 'endsOtherSessions' : never);

export const method = <I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O> & { session?: SessionEffectFor<I, O> },
): MethodSpec<I, O> => spec;

const STRENGTH: Record<Effect, number> = { none: 0, write: 1, reveals: 2, replacesData: 3 };

/** The rules of `spec` that apply to a valid input. */
export const rulesFor = <I extends z.ZodType>(
  spec: MethodSpec<I>,
  input: z.output<I>,
): readonly InputRule<z.output<I>>[] => (spec.rules ?? []).filter((r) => r.applies(input));

/** Whether a call with this (valid) input is recorded in the audit log though its effect is none. */
export const isAuditedRead = <I extends z.ZodType>(spec: MethodSpec<I>, input: z.output<I>): boolean =>
  effectFor(spec, input) === 'none' && rulesFor(spec, input).some((r) => r.audited);

/** The effect of a call with this (valid) input: the method's, or the strongest of the rules that apply. */
export function effectFor<I extends z.ZodType>(spec: MethodSpec<I>, input: z.output<I>): Effect {
  let effect = spec.effect;
  for (const r of rulesFor(spec, input)) if (r.effect && STRENGTH[r.effect] > STRENGTH[effect]) effect = r.effect;
  return effect;
}

export const sortDir = z.enum(['asc', 'desc']);

/** List input shared by every entity: search text, filters, sort, paging. */
export function listInput<F extends z.ZodRawShape, S extends readonly [string, ...string[]]>(filters: F, sortable: S) {
  return z
    .object({
      q: z.string().max(100, { message: '搜索内容不能超过100个字' }).optional(),
      filters: z.object(filters).strict().optional(),
      sort: z
        .object({
          field: z.enum(sortable, { error: () => `排序字段应为以下之一：${sortable.join('、')}` }),
          dir: sortDir.default('asc'),
        })
        .optional(),
      page: z.number().int().min(1, { message: '页码从1开始' }).default(1),
      pageSize: z.number().int().min(1).max(1000, { message: '每页最多1000条' }).default(50),
    })
    .strict();
}

export const listOutput = <R extends z.ZodType>(record: R) =>
  z.object({ rows: z.array(record), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/**
 * A record as the API returns it: what was stored (the create schema's output) plus id, timestamps
 * and the derived values named in `derived`. Unknown keys pass so the check cannot drop data.
 */
export function recordOf<C extends z.ZodObject, D extends z.ZodRawShape>(create: C, derived: D) {
  // Stored fields keep their labels and kinds (for docs), not their input-side parsing.
  const stored = Object.fromEntries(
    Object.entries(create.shape as Record<string, z.ZodType>).map(([k, f]) => [k, z.unknown().meta(metaOf(f) ?? {})]),
  ) as unknown as {
    [K in keyof C['shape']]: z.ZodUnknown;
  };
  const schema = z.object({ ...recordMeta, ...stored, ...derived }).loose();
  // The static type is the precise one; the runtime check guards presence and the derived values.
  return schema as unknown as z.ZodType<
    z.output<C> & z.output<z.ZodObject<D>> & { id: number; createdAt: string; updatedAt: string }
  >;
}

export interface CrudSchemas<C extends z.ZodObject, R extends z.ZodType, L extends z.ZodType> {
  create: C;
  record: R;
  list: L;
}

type CrudContract<N extends string, C extends z.ZodObject, R extends z.ZodType, L extends z.ZodType> = {
  [K in `${N}.create`]: MethodSpec<C, R>;
} & { [K in `${N}.get`]: MethodSpec<typeof idInput, R> } & {
  [K in `${N}.update`]: MethodSpec<z.ZodType<{ id: number } & Partial<z.output<C>>, unknown>, R>;
} & {
  [K in `${N}.list`]: MethodSpec<L, z.ZodType<{ rows: z.output<R>[]; total: number; page: number; pageSize: number }>>;
} & {
  [K in `${N}.delete`]: MethodSpec<typeof idInput, z.ZodType<{ id: number }>>;
};

/** create / get / update / list / delete for one entity, all from its schemas. */
export function crud<N extends string, C extends z.ZodObject, R extends z.ZodType, L extends z.ZodType>(
  name: N,
  label: string,
  s: CrudSchemas<C, R, L>,
): CrudContract<N, C, R, L> {
  // Defaults belong to creation: an update that omits a field leaves it as it is.
  const shape = Object.fromEntries(
    Object.entries(s.create.shape).map(([k, f]) => [k, f instanceof z.ZodDefault ? (f.unwrap() as z.ZodType) : f]),
  );
  const update = z.object(shape).partial().extend({ id: idInput.shape.id }).strict();
  return {
    [`${name}.create`]: method({
      input: s.create,
      output: s.record,
      access: 'write',
      effect: 'write',
      summary: `新增${label}`,
    }),
    [`${name}.get`]: method({
      input: idInput,
      output: s.record,
      access: 'read',
      effect: 'none',
      summary: `查看${label}`,
    }),
    [`${name}.update`]: method({
      input: update,
      output: s.record,
      access: 'write',
      effect: 'write',
      summary: `修改${label}`,
    }),
    [`${name}.list`]: method({
      input: s.list,
      output: listOutput(s.record),
      access: 'read',
      effect: 'none',
      summary: `${label}列表`,
    }),
    [`${name}.delete`]: method({
      input: idInput,
      output: z.object({ id: z.number().int() }),
      access: 'write',
      effect: 'write',
      summary: `删除${label}`,
    }),
  } as unknown as CrudContract<N, C, R, L>;
}
