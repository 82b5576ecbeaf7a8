import type { Backend } from '../app';
import type { CallCtx } from '../context';
import type { InputOf, MethodName, OutputOf } from '../../core/api';

/** A typed dispatch that throws on a refusal: demo data that does not load is a bug to see at once. */
export function caller(backend: Backend, ctx: CallCtx) {
  let writes = 0;
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const r = await backend.dispatch(method, input, ctx);
    if (!r.ok) throw new Error(`示例数据加载失败：${method}：${r.error.message}`);
    return r.data as OutputOf<M>;
  };
  return {
    call,
    /** For writes: counts them, so a test can compare with the audit log. */
    write: async <M extends MethodName>(method: M, input: InputOf<M>) => {
      const out = await call(method, input);
      writes++;
      return out;
    },
    writes: () => writes,
  };
}
export type Caller = ReturnType<typeof caller>;
