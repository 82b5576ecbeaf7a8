// The problem and 督办 ledger: each item's number, and the rules of closing one (a reply and the day
// it was closed; an open item has neither a closing day nor can it be "closed" without a reply).
import { problemCreate } from '../../../core/schemas/problems';
import { problemDef } from '../../../db/entities/quality';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';

type Issue = { path: string; message: string };

/** The next number of the raising year: 2018-001, 2018-002… (numbers typed by hand are left alone). */
function nextRefNo(ctx: HandlerCtx, raisedDate: string): string {
  const year = raisedDate.slice(0, 4);
  const rows = ctx.db.prepare(`SELECT ref_no FROM problems WHERE ref_no LIKE ?`).pluck().all(`${year}-%`) as string[];
  const max = rows.reduce((m, r) => {
    const n = /^\d{4}-(\d{1,6})$/.exec(r);
    return n ? Math.max(m, Number(n[1])) : m;
  }, 0);
  return `${year}-${String(max + 1).padStart(3, '0')}`;
}

function prepare(values: Values, ctx: HandlerCtx, existing?: Values): Values {
  const out = { ...values };
  const all = { ...(existing ?? {}), ...values };
  const issues: Issue[] = [];
  if (!existing && (out.refNo === null || out.refNo === undefined)) out.refNo = nextRefNo(ctx, String(all.raisedDate));
  if (existing && values.refNo === null) {
    issues.push({ path: 'refNo', message: '编号不能为空' });
  }
  const raised = String(all.raisedDate);
  if (all.dueDate != null && String(all.dueDate) < raised)
    issues.push({ path: 'dueDate', message: `办结时限（${String(all.dueDate)}）不能早于提出日期（${raised}）` });
  if (all.status === '已办结') {
    if (all.resolution == null) issues.push({ path: 'resolution', message: '办结时须填写办理情况及回复' });
    if (all.resolvedDate == null) issues.push({ path: 'resolvedDate', message: '办结时须填写办结日期' });
    else if (String(all.resolvedDate) < raised)
      issues.push({
        path: 'resolvedDate',
        message: `办结日期（${String(all.resolvedDate)}）不能早于提出日期（${raised}）`,
      });
  } else if (all.resolvedDate != null) {
    issues.push({ path: 'resolvedDate', message: '未办结的事项不能有办结日期；办结时请将办理状态改为“已办结”' });
  }
  if (issues.length) throw new UserError('INVALID_INPUT', issues.map((i) => i.message).join('；'), issues);
  return out;
}

export const problems = crudServices<'problem'>(problemDef, problemCreate, { prepare });
