// R2's 存在问题 as a draft from the ledger: what is still open at the period's end, and what was
// raised or closed within the period, grouped by kind; the clerk edits it on the progress table
// page and saves it with the table (progress.save), so R2 carries what the clerk saved.
import type { z } from 'zod';
import type { problemDraftInput } from '../../../core/schemas/problems';
import { PROBLEM_KINDS } from '../../../core/schemas/problems';
import { periodRange, periodLabel } from '../../../core/reports/period';
import type { HandlerCtx } from '../../context';

interface Item {
  ref_no: string;
  kind: (typeof PROBLEM_KINDS)[number];
  raised_date: string;
  source: string | null;
  subject: string;
  content: string;
  due_date: string | null;
  status: '未办结' | '已办结';
  resolution: string | null;
  resolved_date: string | null;
}

/** Still open at the period's end (closed after it counts as open then), or raised or closed in it. */
export function draftItems(ctx: HandlerCtx, period: string): Item[] {
  const { from, to } = periodRange(period);
  return ctx.db
    .prepare(
      `SELECT ref_no, kind, raised_date, source, subject, content, due_date, status, resolution, resolved_date FROM problems
       WHERE raised_date <= @to AND (status = '未办结' OR resolved_date > @to OR resolved_date >= @from OR raised_date >= @from)
       ORDER BY raised_date, id`,
    )
    .all({ from, to }) as Item[];
}

const openAt = (i: Item, to: string) => i.status === '未办结' || (i.resolved_date !== null && i.resolved_date > to);

function line(i: Item, to: string): string {
  const who = i.source ? `${i.source}：` : '';
  const open = openAt(i, to);
  const state = open
    ? i.due_date
      ? i.due_date < to
        ? `限${i.due_date}前办结，已逾期，正在督办`
        : `限${i.due_date}前办结，正在办理`
      : '正在办理'
    : `已于${i.resolved_date}办结${i.resolution ? `（${i.resolution}）` : ''}`;
  return `${who}${i.subject}——${i.content}（${state}）`;
}

export function problemDraft(ctx: HandlerCtx, input: z.output<typeof problemDraftInput>) {
  const { to } = periodRange(input.period);
  const items = draftItems(ctx, input.period);
  const lines: string[] = [];
  let n = 0;
  // 审核退回 are many small questions: a count, not a line each.
  const audits = items.filter((i) => i.kind === '审核退回');
  for (const kind of PROBLEM_KINDS) {
    if (kind === '审核退回') continue;
    for (const i of items.filter((x) => x.kind === kind)) lines.push(`${++n}. 【${kind}】${line(i, to)}`);
  }
  if (audits.length) {
    const open = audits.filter((i) => openAt(i, to)).length;
    lines.push(
      `${n + 1}. 【审核退回】数据审核中退回普查员或第三方机构核实的问题${audits.length}条，已办结${audits.length - open}条，尚有${open}条正在核实。`,
    );
  }
  const open = items.filter((i) => openAt(i, to));
  const overdue = open.filter((i) => i.due_date !== null && i.due_date < to);
  const text = lines.length ? lines.join('\n') : `${periodLabel(input.period)}问题台账中无未办结或本期新增的问题。`;
  return { period: input.period, text, items: items.length, open: open.length, overdue: overdue.length };
}
