// Third-party agencies (第三方机构), their contracts with the staff on them, the performance nodes
// (履约节点) and acceptances (验收); payments are payments.ts.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { acceptanceCreate, agencyCreate, contractCreate, contractNodeCreate } from '../../../core/schemas/contracts';
import { todayIso } from '../../../core/dates';
import { deleteRecord, listRecords, requireRecord } from '../../../db/entity';
import { acceptanceDef, agencyDef, contractDef, contractNodeDef } from '../../../db/entities/contracts';
import { expenditureDef } from '../../../db/entities/budget';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';
import { requireBookable } from '../budget/rules';
import { paymentCount } from './payments';

const invalid = (path: string, message: string) => new UserError('INVALID_INPUT', message, [{ path, message }]);

const STAFF_ROLE = '第三方机构人员';

/** Agency staff on the job must hold the role and, when the roster names their agency, belong to this one. */
function checkStaff(ctx: HandlerCtx, staffIds: number[], agencyId: number) {
  const findPerson = ctx.db.prepare('SELECT id, name, agency_id FROM people WHERE id = ?');
  const holds = ctx.db.prepare('SELECT 1 FROM person_roles WHERE person_id = ? AND role = ?');
  for (const personId of staffIds) {
    const person = findPerson.get(personId) as { name: string; agency_id: number | null } | undefined;
    if (!person) {
      const message = `派驻人员不存在（编号 ${personId}）`;
      throw new UserError('BAD_REFERENCE', message, [{ path: 'staffIds', message }]);
    }
    if (!holds.get(personId, STAFF_ROLE)) throw invalid('staffIds', `${person.name}不是${STAFF_ROLE}，不能派驻到合同`);
    if (person.agency_id != null && person.agency_id !== agencyId) {
      throw invalid('staffIds', `${person.name}属于其他第三方机构，不能派驻到本合同`);
    }
  }
}

function prepareContract(values: Values, ctx: HandlerCtx, existing?: Values): Values {
  const merged = { ...existing, ...values };
  if (
    merged.serviceStart != null &&
    merged.serviceEnd != null &&
    String(merged.serviceEnd) < String(merged.serviceStart)
  ) {
    throw invalid('serviceEnd', '服务结束日期不能早于服务开始日期');
  }
  if (
    'budgetItemId' in values &&
    existing &&
    values.budgetItemId !== existing.budgetItemId &&
    paymentCount(ctx, Number(existing.id)) > 0
  ) {
    throw invalid(
      'budgetItemId',
      `合同已有付款记录（已计入“${String(existing.budgetItemName)}”），不能更改支付预算科目`,
    );
  }
  if (values.budgetItemId != null) requireBookable(ctx.db, Number(values.budgetItemId), 'budgetItemId', '支付预算科目');
  if (merged.agencyId != null && !ctx.db.prepare('SELECT 1 FROM agencies WHERE id = ?').get(merged.agencyId)) {
    const message = `第三方机构不存在（编号 ${String(merged.agencyId)}）`;
    throw new UserError('BAD_REFERENCE', message, [{ path: 'agencyId', message }]);
  }
  const staffIds = (values.staffIds ?? (values.agencyId !== undefined ? existing?.staffIds : undefined)) as
    number[] | undefined;
  if (staffIds) checkStaff(ctx, staffIds, Number(merged.agencyId));
  return values;
}

function writeStaff(id: number, values: Values, ctx: HandlerCtx) {
  const ids = values.staffIds as number[] | undefined;
  if (!ids) return;
  ctx.db.prepare('DELETE FROM contract_staff WHERE contract_id = ?').run(id);
  const insert = ctx.db.prepare('INSERT INTO contract_staff (contract_id, person_id) VALUES (?, ?)');
  for (const personId of new Set(ids)) insert.run(id, personId);
}

const nodesOf = (ctx: HandlerCtx, contractId: number) =>
  listRecords(ctx.db, contractNodeDef, { filters: { contractId }, page: 1, pageSize: 10_000 }).rows;
const acceptancesOf = (ctx: HandlerCtx, contractId: number) =>
  listRecords(ctx.db, acceptanceDef, { filters: { contractId }, page: 1, pageSize: 10_000 }).rows;

/** Nodes and acceptances go with the contract (audited with it); payments never do. */
export function deleteContract(ctx: HandlerCtx, input: ParsedInputOf<'contract.delete'>): OutputOf<'contract.delete'> {
  const contract = requireRecord(ctx.db, contractDef, input.id);
  const n = paymentCount(ctx, input.id);
  if (n > 0) {
    throw new UserError(
      'IN_USE',
      `无法删除合同“${String(contract.contractNo)}”：其履约节点已登记 ${n} 笔付款（支出），请先删除这些付款记录`,
    );
  }
  const before = { ...contract, nodes: nodesOf(ctx, input.id), acceptances: acceptancesOf(ctx, input.id) };
  deleteRecord(ctx.db, contractDef, input.id);
  ctx.audit('delete', 'contract', input.id, before, null);
  return { id: input.id };
}

/** Payable amount from the ratio of the contract amount (rounded to the 分) when only the ratio is given. */
export function payableFromRatio(contractAmount: number, ratio: number): number {
  return Math.round(Number(((contractAmount * ratio) / 100).toPrecision(15)));
}

function prepareNode(values: Values, ctx: HandlerCtx, existing?: Values): Values {
  const out = { ...values };
  const contractId = Number(values.contractId ?? existing?.contractId);
  const contract = ctx.db.prepare('SELECT contract_no, name, amount FROM contracts WHERE id = ?').get(contractId) as
    { contract_no: string; name: string; amount: number } | undefined;
  if (!contract) {
    const message = `所属合同不存在（编号 ${contractId}）`;
    throw new UserError('BAD_REFERENCE', message, [{ path: 'contractId', message }]);
  }
  if (existing && contractId !== existing.contractId && Number(existing.paymentCount) > 0) {
    throw invalid('contractId', '履约节点已登记付款，不能移到其他合同');
  }
  if (values.actualDate != null && String(values.actualDate) > todayIso(ctx.now())) {
    throw invalid('actualDate', '实际完成日期不能晚于今天');
  }
  if (out.seq == null) {
    if (existing && contractId === existing.contractId) delete out.seq;
    else {
      const last = ctx.db.prepare('SELECT max(seq) AS m FROM contract_nodes WHERE contract_id = ?').get(contractId) as {
        m: number | null;
      };
      out.seq = (last.m ?? 0) + 1;
    }
  } else {
    const clash = ctx.db
      .prepare('SELECT 1 FROM contract_nodes WHERE contract_id = ? AND seq = ? AND id IS NOT ?')
      .get(contractId, out.seq, existing?.id ?? null);
    if (clash) throw invalid('seq', `合同“${contract.contract_no}”中已有序号为 ${String(out.seq)} 的履约节点`);
  }
  const ratio = values.payableRatio ?? (values.payableAmount === undefined ? undefined : existing?.payableRatio);
  if (
    values.payableAmount == null &&
    ratio != null &&
    (!existing || values.payableRatio !== undefined || values.payableAmount === null)
  ) {
    out.payableAmount = payableFromRatio(contract.amount, Number(ratio));
  }
  return out;
}

function prepareAcceptance(values: Values, ctx: HandlerCtx) {
  if (values.acceptedDate != null && String(values.acceptedDate) > todayIso(ctx.now())) {
    throw invalid('acceptedDate', '验收日期不能晚于今天');
  }
  return values;
}

/** Everything on one contract: the contract page and the 合同跟踪表. */
export function contractDetail(ctx: HandlerCtx, input: ParsedInputOf<'contract.detail'>): OutputOf<'contract.detail'> {
  const contract = requireRecord(ctx.db, contractDef, input.id);
  const detail = {
    contract,
    agency: requireRecord(ctx.db, agencyDef, Number(contract.agencyId)),
    nodes: nodesOf(ctx, input.id),
    acceptances: acceptancesOf(ctx, input.id),
    payments: listRecords(ctx.db, expenditureDef, {
      filters: { contractId: input.id },
      sort: { field: 'date', dir: 'asc' },
      page: 1,
      pageSize: 10_000,
    }).rows,
  };
  return detail as OutputOf<'contract.detail'>;
}

export const agencies = crudServices<'agency'>(agencyDef, agencyCreate);
/** Its delete is deleteContract: nodes and acceptances go with it, payments never do. */
export const contracts = crudServices<'contract'>(contractDef, contractCreate, {
  virtual: ['staffIds'],
  prepare: prepareContract,
  afterWrite: writeStaff,
});
export const contractNodes = crudServices<'contractNode'>(contractNodeDef, contractNodeCreate, {
  prepare: prepareNode,
});
export const acceptances = crudServices<'acceptance'>(acceptanceDef, acceptanceCreate, { prepare: prepareAcceptance });
