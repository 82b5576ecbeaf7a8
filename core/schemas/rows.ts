// A list of grid rows (签到表, 进度表) whose messages name the row: `第3行：成绩应在0到100之间`.
// Each row is parsed with its own schema and every issue is prefixed with the row's name.
import { z } from 'zod';

export interface RowsOptions {
  min?: number;
  /** How a row is named in messages; default `第N行`. */
  rowName?: (raw: unknown, index: number) => string;
}

const nthRow = (_raw: unknown, i: number) => `第${i + 1}行`;

function issueText(iss: z.core.$ZodIssue): string {
  return iss.code === 'unrecognized_keys' ? `无法识别的字段：${iss.keys.join('、')}` : iss.message;
}

export function rowsOf<T extends z.ZodType>(label: string, row: T, opts: RowsOptions = {}) {
  const min = opts.min ?? 0;
  const name = opts.rowName ?? nthRow;
  const schema = z
    .array(z.unknown(), { error: (iss) => (iss.input == null ? `${label}不能为空` : `${label}应为列表`) })
    .min(min, { message: `${label}至少填写${min}行` })
    .transform((rows, ctx) => {
      const out: z.output<T>[] = [];
      rows.forEach((raw, i) => {
        const r = row.safeParse(raw);
        if (r.success) out.push(r.data);
        else
          for (const iss of r.error.issues)
            ctx.addIssue({ code: 'custom', path: [i, ...iss.path], message: `${name(raw, i)}：${issueText(iss)}` });
      });
      return out;
    })
    .meta({ title: label, kind: 'rows' });
  // The static type is the row list; the runtime schema is the prefixing pipe above.
  return schema as unknown as z.ZodType<z.output<T>[], z.input<T>[]>;
}
