// The API contract's building blocks. A method is a name with an input schema, an output schema
// and the access it needs; every transport, the UI's forms and the docs read the same object.
import { z } from 'zod';
import { idInput, recordMeta, metaOf } from '../schemas/fields';

/** read: anyone logged in; write: 录入员 and 管理员; admin: 管理员 only (a write unless `readOnly`). */
export type Access = 'read' | 'write' | 'admin';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** One line in Chinese for the docs and the audit log. */
  summary: string;
  /** An admin-only method that changes nothing (e.g. listing operators): no transaction, no audit. */
  readOnly?: boolean;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

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
    [`${name}.create`]: method({ input: s.create, output: s.record, access: 'write', summary: `新增${label}` }),
    [`${name}.get`]: method({ input: idInput, output: s.record, access: 'read', summary: `查看${label}` }),
    [`${name}.update`]: method({ input: update, output: s.record, access: 'write', summary: `修改${label}` }),
    [`${name}.list`]: method({ input: s.list, output: listOutput(s.record), access: 'read', summary: `${label}列表` }),
    [`${name}.delete`]: method({
      input: idInput,
      output: z.object({ id: z.number().int() }),
      access: 'write',
      summary: `删除${label}`,
    }),
  } as unknown as CrudContract<N, C, R, L>;
}
