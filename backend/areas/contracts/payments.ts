// A payment on a contract node IS an expenditure of the contract's budget item: one record, written
// here and seen from both sides (node/contract figures and the budget's 支出).
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { formatYuan } from '../../../core/money';
import { insertRecord, requireRecord, updateRecord } from '../../../db/entity';
import { contractDef, contractNodeDef } from '../../../db/entities/contracts';
import { expenditureDef } from '../../../db/entities/budget';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { requireBookable } from '../budget/rules';

type Values = Record<string, unknown>;

export function paymentCount(ctx: HandlerCtx, contractId: number): number {
  const row = ctx.db
    .prepare(
      'SELECT count(*) AS n FROM expenditures e JOIN contract_nodes n ON n.id = e.contract_node_id WHERE n.contract_id = ?',
    )
    .get(contractId) as { n: number };
  return row.n;
}

/** Paying more than the contract amount needs the clerk's explicit say-so (the dashboard lists such contracts). */
function checkOverpay(contract: Values, newPaidTotal: number, allowOverpay: boolean) {
  const amount = Number(contract.amount);
  if (newPaidTotal > amount && !allowOverpay) {
    const message = `本次付款后合同“${String(contract.contractNo)}”已付金额将为 ${formatYuan(newPaidTotal)} 元，超过合同金额 ${formatYuan(amount)} 元；如确需超额支付，请选择“允许超额支付”`;
    throw new UserError('OVERPAY', message, [{ path: 'amount', message }]);
  }
}

function requirePayment(ctx: HandlerCtx, id: number): Values {
  const e = requireRecord(ctx.db, expenditureDef, id);
  if (e.contractNodeId == null)
    throw new UserError('NOT_A_PAYMENT', `支出（编号 ${id}）不是合同付款，请在支出登记中修改`);
  return e;
}

type Payment = OutputOf<'contract.recordPayment'>;

const result = (ctx: HandlerCtx, expenditureId: number, nodeId: number) =>
  ({
    expenditure: requireRecord(ctx.db, expenditureDef, expenditureId),
    node: requireRecord(ctx.db, contractNodeDef, nodeId),
  }) as Payment;

export function recordPayment(ctx: HandlerCtx, input: ParsedInputOf<'contract.recordPayment'>): Payment {
  const node = requireRecord(ctx.db, contractNodeDef, input.nodeId);
  const contract = requireRecord(ctx.db, contractDef, Number(node.contractId));
  if (contract.budgetItemId == null) {
    const message = `合同“${String(contract.contractNo)} ${String(contract.name)}”未设置支付预算科目，无法登记付款；请先在合同中选择支付预算科目`;
    throw new UserError('NO_BUDGET_ITEM', message, [{ path: 'nodeId', message }]);
  }
  requireBookable(ctx.db, Number(contract.budgetItemId), 'nodeId', '合同的支付预算科目');
  checkOverpay(contract, Number(contract.paidAmount) + input.amount, input.allowOverpay);
  const id = insertRecord(ctx.db, expenditureDef, {
    budgetItemId: contract.budgetItemId,
    date: input.date,
    amount: input.amount,
    summary: input.summary ?? `支付合同款：${String(contract.name)}（${String(node.workContent)}）`,
    payee: input.payee ?? contract.agencyName,
    voucherNo: input.voucherNo,
    contractNodeId: input.nodeId,
    note: input.note,
  });
  const handlerChanged = input.handlerName != null && input.handlerName !== node.handlerName;
  if (handlerChanged) updateRecord(ctx.db, contractNodeDef, input.nodeId, { handlerName: input.handlerName });
  const out = result(ctx, id, input.nodeId);
  // One call, one audit entry; a changed 经办人 on the node travels with it.
  ctx.audit(
    'recordPayment',
    'expenditure',
    id,
    handlerChanged ? { node } : null,
    handlerChanged ? { ...out.expenditure, node: out.node } : out.expenditure,
  );
  return out;
}

export function updatePayment(ctx: HandlerCtx, input: ParsedInputOf<'contract.updatePayment'>): Payment {
  const { id, allowOverpay, ...patch } = input;
  const before = requirePayment(ctx, id);
  if (patch.amount !== undefined) {
    const contract = requireRecord(ctx.db, contractDef, Number(before.contractId));
    checkOverpay(contract, Number(contract.paidAmount) - Number(before.amount) + Number(patch.amount), allowOverpay);
  }
  updateRecord(ctx.db, expenditureDef, id, patch);
  const out = result(ctx, id, Number(before.contractNodeId));
  ctx.audit('updatePayment', 'expenditure', id, before, out.expenditure);
  return out;
}

export function deletePayment(
  ctx: HandlerCtx,
  input: ParsedInputOf<'contract.deletePayment'>,
): OutputOf<'contract.deletePayment'> {
  const before = requirePayment(ctx, input.id);
  ctx.db.prepare('DELETE FROM expenditures WHERE id = ?').run(input.id);
  ctx.audit('deletePayment', 'expenditure', input.id, before, null);
  return { id: input.id };
}
