// A block pasted into a pay run's lines, cell by cell as if typed: 姓名 found on the roster (by name,
// 人员编号 or a complete 公民身份号码; a name two people share is marked, not guessed), 天数/件数 as
// a number the schema judges, 标准 as 元 the way the money box reads it (1,200 / 3.5万). Rows past
// the last line add lines.
import { parseYuan } from '../../../core/money';
import { pastedNumber } from '../../../core/pasteCells';
import { payLineAmount, payRunLineInput } from '../../../core/schemas/budgetPayRuns';
import { call } from '../../api/call';
import { cachedLabel, rememberLabel } from '../../forms/refSources';
import { yuan } from '../../format/display';
import type { GridPasteCell } from '../../grid/useGridClipboard';
import type { PayLine } from './PayRunLines';

/** The columns as shown; 序号 and 金额 are copied but never written. */
export const PAY_LINE_COLUMNS = ['seq', 'personId', 'quantity', 'rate', 'amount'] as const;

/** The form's own message while a pasted cell is still marked (the save waits for it). */
export const PASTE_PENDING = '有粘贴的内容无法识别（红框），请改正后再保存';

export function copiedLineCell(line: PayLine | undefined, index: number, col: string): string {
  if (!line) return '';
  if (col === 'seq') return String(index + 1);
  if (col === 'personId') return line.personId === null ? '' : (cachedLabel('person', line.personId) ?? '');
  if (col === 'quantity') return line.quantity === null ? '' : String(line.quantity);
  if (col === 'rate') return yuan(line.rate);
  if (col === 'amount')
    return line.quantity !== null && line.rate !== null ? yuan(payLineAmount(line.quantity, line.rate)) : '';
  return '';
}

type Found = { ok: true; id: number } | { ok: false; message: string };

/** One person by what a sheet names them with. */
async function findPerson(text: string): Promise<Found> {
  const r = await call('person.list', { q: text, pageSize: 20 });
  if (!r.ok) return { ok: false, message: r.error.message };
  const rows = r.data.rows as { id: number; name: string; personCode?: string | null }[];
  const exact = rows.filter((p) => p.name === text || p.personCode === text);
  const hits = exact.length > 0 ? exact : /^\d{17}[\dX]$/i.test(text) ? rows : [];
  if (hits.length === 1) {
    rememberLabel('person', hits[0].id, hits[0].name);
    return { ok: true, id: hits[0].id };
  }
  if (hits.length > 1) return { ok: false, message: `花名册中有 ${hits.length} 人名为「${text}」，请在此格中选择` };
  return { ok: false, message: `花名册中没有「${text}」` };
}

const firstMessage = (e: { issues: { message: string }[] }) => e.issues[0]?.message ?? '无法识别';

/** The lines with the pasted cells applied, the cells that could not be read, and those now read. */
export async function pasteLines(
  lines: PayLine[],
  cells: GridPasteCell[],
): Promise<{ lines: PayLine[]; errors: Map<string, string>; cleared: string[] }> {
  const next = [...lines];
  const errors = new Map<string, string>();
  const cleared: string[] = [];
  const names = [...new Set(cells.filter((c) => c.col === 'personId' && c.text.trim()).map((c) => c.text.trim()))];
  const found = new Map(await Promise.all(names.map(async (n) => [n, await findPerson(n)] as const)));
  for (const c of cells) {
    while (next.length <= c.row) next.push({ personId: null, quantity: null, rate: null });
    const key = `${c.row}:${c.col}`;
    const text = c.text.trim();
    let change: Partial<PayLine> | string;
    if (c.col === 'personId') {
      const f = text ? found.get(text) : null;
      change = !f ? { personId: null } : f.ok ? { personId: f.id } : f.message;
    } else if (c.col === 'quantity') {
      const n = pastedNumber(text, '天数/件数');
      const judged = n.ok && n.value !== null ? payRunLineInput.shape.quantity.safeParse(n.value) : null;
      change = !n.ok
        ? n.message
        : !judged
          ? { quantity: null }
          : judged.success
            ? { quantity: judged.data }
            : firstMessage(judged.error);
    } else if (c.col === 'rate') {
      const m = text ? parseYuan(text, '标准') : null;
      change = !m ? { rate: null } : m.ok ? { rate: m.value } : m.message;
    } else continue;
    if (typeof change === 'string') errors.set(key, change);
    else {
      cleared.push(key);
      next[c.row] = { ...next[c.row], ...change };
    }
  }
  return { lines: next, errors, cleared };
}
