// Pay runs (劳务报酬发放): lines of people × days/pieces × rate; posting writes the total as ONE
// expenditure, after which the run is frozen until the posting is undone.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { formatPeriodCn } from '../../../core/dates';
import { payLineAmount } from '../../../core/schemas/budgetPayRuns';
import { insertRecord, listRecords, requireRecord, updateRecord, type ListQuery } from '../../../db/entity';
import { fromRow } from '../../../db/rows';
import { expenditureDef, payRunDef } from '../../../db/entities/budget';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { requireBookable } from './rules';

type Values = Record<string, unknown>;
type PayRun = OutputOf<'payRun.get'>;
interface LineInput {
  personId: number;
  quantity: number;
  rate: number | null;
  note: string | null;
}

const linesSql = `
SELECT l.id, l.seq, l.person_id, p.name AS person_name, p.person_code, p.id_number, p.bank_name, p.bank_account,
  (SELECT json_group_array(role) FROM (SELECT role FROM person_roles r WHERE r.person_id = p.id ORDER BY role)) AS roles,
  l.quantity, l.rate, l.amount, l.note
FROM pay_run_lines l JOIN people p ON p.id = l.person_id
WHERE l.pay_run_id = ? ORDER BY l.seq`;

/** The run with its lines, people's names, roles, ID numbers and bank data (raw; masking is decided elsewhere). */
function runWithLines(ctx: HandlerCtx, id: number): PayRun {
  const run = requireRecord(ctx.db, payRunDef, id);
  const lines = (ctx.db.prepare(linesSql).all(id) as Values[]).map((r) => fromRow(r, { json: ['roles'] }));
  return { ...run, lines } as PayRun;
}

function lineError(i: number, path: string, message: string, code = 'INVALID_INPUT'): UserError {
  const full = `发放明细第 ${i + 1} 行：${message}`;
  return new UserError(code, full, [{ path: `lines.${i}.${path}`, message: full }]);
}

/** Replaces the run's lines; the rate defaults to the person's 劳务报酬标准. */
function writeLines(ctx: HandlerCtx, runId: number, lines: LineInput[]) {
  const findPerson = ctx.db.prepare('SELECT id, name, pay_rate FROM people WHERE id = ?');
  const seen = new Map<number, number>();
  const rows = lines.map((line, i) => {
    const person = findPerson.get(line.personId) as { id: number; name: string; pay_rate: number | null } | undefined;
    if (!person) throw lineError(i, 'personId', `人员不存在（编号 ${line.personId}）`, 'BAD_REFERENCE');
    const first = seen.get(line.personId);
    if (first !== undefined)
      throw lineError(i, 'personId', `${person.name}已在第 ${first + 1} 行，同一人员在一张发放表中只能出现一次`);
    seen.set(line.personId, i);
    const rate = line.rate ?? person.pay_rate;
    if (rate == null) throw lineError(i, 'rate', `${person.name}未设置劳务报酬标准，请填写标准`);
    return {
      seq: i + 1,
      personId: line.personId,
      quantity: line.quantity,
      rate,
      amount: payLineAmount(line.quantity, rate),
      note: line.note,
    };
  });
  ctx.db.prepare('DELETE FROM pay_run_lines WHERE pay_run_id = ?').run(runId);
  const insert = ctx.db.prepare(
    'INSERT INTO pay_run_lines (pay_run_id, seq, person_id, quantity, rate, amount, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(runId, r.seq, r.personId, r.quantity, r.rate, r.amount, r.note);
}

function refusePosted(run: Values, what: string) {
  if (run.status === '已发放') {
    throw new UserError(
      'POSTED',
      `发放表“${String(run.title)}”已于 ${String(run.paidDate)} 发放入账，不能${what}；如需更正，请先撤销发放`,
    );
  }
}

export const getPayRun = (ctx: HandlerCtx, input: ParsedInputOf<'payRun.get'>) => runWithLines(ctx, input.id);

export function createPayRun(ctx: HandlerCtx, input: ParsedInputOf<'payRun.create'>): PayRun {
  const { lines, ...columns } = input;
  requireBookable(ctx.db, Number(columns.budgetItemId), 'budgetItemId', '预算科目');
  const id = insertRecord(ctx.db, payRunDef, { ...columns, status: '草稿' });
  writeLines(ctx, id, lines);
  const after = runWithLines(ctx, id);
  ctx.audit('create', 'payRun', id, null, after);
  return after;
}

export function updatePayRun(ctx: HandlerCtx, input: ParsedInputOf<'payRun.update'>): PayRun {
  const { id, lines, ...columns } = input;
  const before = runWithLines(ctx, id);
  refusePosted(before, '修改');
  if (columns.budgetItemId != null) requireBookable(ctx.db, Number(columns.budgetItemId), 'budgetItemId', '预算科目');
  updateRecord(ctx.db, payRunDef, id, columns);
  if (lines) writeLines(ctx, id, lines);
  const after = runWithLines(ctx, id);
  ctx.audit('update', 'payRun', id, before, after);
  return after;
}

export function deletePayRun(ctx: HandlerCtx, input: ParsedInputOf<'payRun.delete'>): OutputOf<'payRun.delete'> {
  const before = runWithLines(ctx, input.id);
  refusePosted(before, '删除');
  ctx.db.prepare('DELETE FROM pay_runs WHERE id = ?').run(input.id);
  ctx.audit('delete', 'payRun', input.id, before, null);
  return { id: input.id };
}

/** The bank pays to cards: a line without a 银行卡号 cannot be paid, so the run is not posted (names them). */
function refuseMissingBankAccounts(run: PayRun) {
  const missing = run.lines.filter((l) => l.bankAccount == null || l.bankAccount === '');
  if (missing.length === 0) return;
  const shown = missing.slice(0, 10).map((l) => `第 ${l.seq} 行 ${l.personName}`);
  const more = missing.length > shown.length ? `等 ${missing.length} 人` : '';
  const message = `发放表“${String(run.title)}”中${shown.join('、')}${more}未登记银行卡号，不能发放入账；请先在人员信息中填写银行卡号`;
  throw new UserError(
    'MISSING_BANK_ACCOUNT',
    message,
    missing.map((l) => ({ path: `lines.${l.seq - 1}.personId`, message: `${l.personName}未登记银行卡号` })),
  );
}

/** The run's total becomes one expenditure on its budget item. */
export function postPayRun(ctx: HandlerCtx, input: ParsedInputOf<'payRun.post'>): PayRun {
  const before = runWithLines(ctx, input.id);
  refusePosted(before, '重复入账');
  const total = Number(before.totalAmount);
  if (total <= 0) throw new UserError('INVALID_INPUT', `发放表“${String(before.title)}”合计金额为 0，不能入账`);
  refuseMissingBankAccounts(before);
  requireBookable(ctx.db, Number(before.budgetItemId), 'budgetItemId', '预算科目');
  const expenditureId = insertRecord(ctx.db, expenditureDef, {
    budgetItemId: before.budgetItemId,
    date: input.paidDate,
    amount: total,
    summary: input.summary ?? `${String(before.title)}（${formatPeriodCn(String(before.period))}）`,
    payee: `${String(before.lineCount)}人（见发放表）`,
    voucherNo: input.voucherNo,
    payRunId: input.id,
  });
  updateRecord(ctx.db, payRunDef, input.id, { status: '已发放', paidDate: input.paidDate });
  // One call, one audit entry: the posted run with the expenditure it created.
  const after = runWithLines(ctx, input.id);
  ctx.audit('post', 'payRun', input.id, before, {
    ...after,
    expenditure: requireRecord(ctx.db, expenditureDef, expenditureId),
  });
  return after;
}

export function unpostPayRun(ctx: HandlerCtx, input: ParsedInputOf<'payRun.unpost'>): PayRun {
  const before = runWithLines(ctx, input.id);
  if (before.status !== '已发放')
    throw new UserError('NOT_POSTED', `发放表“${String(before.title)}”尚未发放入账，无需撤销`);
  const expenditure = requireRecord(ctx.db, expenditureDef, Number(before.expenditureId));
  ctx.db.prepare('DELETE FROM expenditures WHERE id = ?').run(expenditure.id);
  updateRecord(ctx.db, payRunDef, input.id, { status: '草稿', paidDate: null });
  const after = runWithLines(ctx, input.id);
  ctx.audit('unpost', 'payRun', input.id, { ...before, expenditure }, after);
  return after;
}

export const listPayRuns = (ctx: HandlerCtx, input: ListQuery) =>
  listRecords(ctx.db, payRunDef, input) as OutputOf<'payRun.list'>;
