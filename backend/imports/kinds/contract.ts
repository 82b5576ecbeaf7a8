// Contracts with their performance nodes: one row per node; a contract's own columns are on its
// first row (repeated, merged, or left empty on the rows after it). Contracts are matched by
// 合同编号, nodes by 序号 or 工作内容; everything goes through the contracts area's handlers.
import type { z } from 'zod';
import { contractCreate, contractNodeCreate } from '../../../core/schemas/contracts';
import { contractFields } from '../../../core/imports/fields/contracts';
import { normalizeText } from '../../../core/text';
import { requireRecord } from '../../../db/entity';
import { contractDef, contractNodeDef } from '../../../db/entities/contracts';
import { UserError } from '../../../db/errors';
import { contractNodes, contracts } from '../../areas/contracts/contracts';
import { diff, errorRow, labelIn, parseWith, patchOf } from './common';
import { AgencyIndex } from './refs';
import type { Change, CheckedRow, ImportEnv, KindImporter, MappedRow, RowAction, RowIssue, Step } from './types';

type Values = Record<string, unknown>;
type ContractInput = z.output<typeof contractCreate>;
type ContractPatch = Partial<ContractInput>;
type NodeInput = z.output<typeof contractNodeCreate>;
type NodePatch = Partial<NodeInput>;
/** One side of a row (contract or node): the whole record when new, else the fields that change. */
interface Part {
  id: number | null;
  data: Values;
  action: RowAction;
  changes?: Change[];
}
interface ContractPlan {
  contractNo: string;
  head: boolean;
  contract: Part | null;
  node: Part | null;
}

const NODE = 'node.';
const isNodeKey = (k: string) => k.startsWith(NODE);
const label = labelIn(contractFields, { agencyId: '第三方机构', budgetItemId: '支付预算科目' });
const contractFieldOf = (path: string) =>
  path === 'agencyId'
    ? 'agency'
    : path === 'budgetItemId'
      ? 'budgetItem'
      : contractFields.some((f) => f.key === path)
        ? path
        : null;
const nodeFieldOf = (path: string) => (contractFields.some((f) => f.key === NODE + path) ? NODE + path : null);

function begin(env: ImportEnv) {
  const { db } = env;
  const agencies = new AgencyIndex(db);
  const findContract = db.prepare('SELECT id FROM contracts WHERE contract_no = ?').pluck();
  const leafItem = db
    .prepare(
      `SELECT i.id FROM budget_items i WHERE i.name = ? AND NOT EXISTS (SELECT 1 FROM budget_items c WHERE c.parent_id = i.id)`,
    )
    .pluck();
  const nodeBySeq = db.prepare('SELECT id FROM contract_nodes WHERE contract_id = ? AND seq = ?').pluck();
  const nodeByWork = db
    .prepare('SELECT id FROM contract_nodes WHERE contract_id = ? AND work_content = ? ORDER BY seq LIMIT 1')
    .pluck();
  const groups = new Map<
    string,
    { head: number; input: Values; contractId: number | null; ok: boolean; seqs: Map<number, number> }
  >();
  let last: string | null = null;

  function contractPart(row: MappedRow, input: Values, issues: RowIssue[]): Part | null {
    const { agency, budgetItem, ...rest } = input as Values & { agency?: string; budgetItem?: string };
    if (agency !== undefined) {
      const r = agencies.resolve(agency);
      if (r.ok) rest.agencyId = r.id;
      else issues.push({ field: 'agency', message: r.message });
    }
    if (budgetItem !== undefined) {
      const ids = leafItem.all(normalizeText(budgetItem)) as number[];
      if (ids.length === 1) rest.budgetItemId = ids[0];
      else
        issues.push({
          field: 'budgetItem',
          message: ids.length ? `预算科目“${budgetItem}”有重名` : `预算科目“${budgetItem}”不存在或不是明细科目`,
        });
    }
    const { data, issues: schemaIssues } = parseWith(contractCreate, rest, row, contractFieldOf, issues);
    issues.push(...schemaIssues);
    if (!data || issues.length) return null;
    const id = (findContract.get(data.contractNo) as number | undefined) ?? null;
    if (id === null) return { id, data: data as Values, action: 'new' };
    const patch = patchOf(data as Values, Object.keys(rest));
    delete patch.contractNo;
    const changes = diff(requireRecord(db, contractDef, id), patch, label);
    return { id, data: patch, action: changes.length ? 'update' : 'unchanged', changes };
  }

  function nodePart(
    row: MappedRow,
    nodeInput: Values,
    contractId: number | null,
    seqs: Map<number, number>,
    issues: RowIssue[],
  ): Part | null {
    const { data, issues: schemaIssues } = parseWith(
      contractNodeCreate,
      { ...nodeInput, contractId: contractId ?? 1 },
      row,
      nodeFieldOf,
    );
    issues.push(...schemaIssues);
    if (!data) return null;
    if (data.seq !== null) {
      const prev = seqs.get(data.seq);
      if (prev !== undefined)
        issues.push({ field: 'node.seq', message: `与第${prev}行重复：同一合同的节点序号 ${data.seq} 相同` });
      else seqs.set(data.seq, row.row);
    }
    if (issues.length) return null;
    const id =
      contractId === null
        ? null
        : (((data.seq !== null ? nodeBySeq.get(contractId, data.seq) : nodeByWork.get(contractId, data.workContent)) as
            number | undefined) ?? null);
    if (id === null) return { id, data: data as Values, action: 'new' };
    const patch = patchOf(data as Values, Object.keys(nodeInput));
    const changes = diff(requireRecord(db, contractNodeDef, id), patch, (k) => label(NODE + k));
    return { id, data: patch, action: changes.length ? 'update' : 'unchanged', changes };
  }

  function check(row: MappedRow): CheckedRow {
    const issues: RowIssue[] = [];
    const contractInput: Values = {};
    const nodeInput: Values = {};
    for (const [k, v] of Object.entries(row.input)) {
      if (isNodeKey(k)) nodeInput[k.slice(NODE.length)] = v;
      else contractInput[k] = v;
    }
    const hasContract = Object.keys(contractInput).length > 0;
    // A row with node columns only continues the contract above it.
    const contractNo =
      contractInput.contractNo !== undefined
        ? normalizeText(String(contractInput.contractNo))
        : !hasContract
          ? last
          : null;
    if (contractNo === null) return errorRow(row.row, [{ field: 'contractNo', message: '合同编号不能为空' }]);
    last = contractNo;
    let group = groups.get(contractNo);
    let contract: Part | null = null;
    if (!group) {
      contract = contractPart(row, contractInput, issues);
      group = {
        head: row.row,
        input: contractInput,
        contractId: contract?.id ?? null,
        ok: contract !== null,
        seqs: new Map(),
      };
      groups.set(contractNo, group);
    } else {
      for (const [k, v] of Object.entries(contractInput)) {
        if (group.input[k] !== undefined && JSON.stringify(group.input[k]) !== JSON.stringify(v)) {
          issues.push({ field: k, message: `与第${group.head}行同一合同的“${label(k)}”不一致` });
        }
      }
      if (!group.ok)
        issues.push({ field: null, message: `合同“${contractNo}”有误（见第${group.head}行），本行未导入` });
    }
    const node = Object.keys(nodeInput).length ? nodePart(row, nodeInput, group.contractId, group.seqs, issues) : null;
    if (issues.length) return errorRow(row.row, issues);
    const parts = [contract, node].filter((p): p is Part => p !== null);
    const action: RowAction = parts.some((p) => p.action === 'new')
      ? 'new'
      : parts.some((p) => p.action === 'update')
        ? 'update'
        : 'unchanged';
    const changes = parts.flatMap((p) => p.changes ?? []);
    const plan: ContractPlan = { contractNo, head: group.head === row.row, contract, node };
    return {
      row: row.row,
      action,
      errors: [],
      values: { ...(contract?.data ?? { contractNo }), ...(node ? { node: node.data } : {}) },
      changes,
      plan,
    };
  }

  function steps(rows: CheckedRow[], onExisting: 'update' | 'skip'): Step[] {
    const ids = new Map<string, number>();
    for (const [no, g] of groups) if (g.contractId !== null) ids.set(no, g.contractId);
    const wanted = (p: Part | null) =>
      p !== null && (p.action === 'new' || (p.action === 'update' && onExisting === 'update'));
    const out: Step[] = [];
    for (const r of rows) {
      const plan = r.plan as ContractPlan | undefined;
      if (!plan || r.action === 'error') continue;
      const { contract, node } = plan;
      if (contract && wanted(contract)) {
        out.push({
          rows: [r.row],
          via: 'handler',
          fieldOf: contractFieldOf,
          run: (ctx) => {
            if (contract.id !== null) contracts.update(ctx, { id: contract.id, ...(contract.data as ContractPatch) });
            else ids.set(plan.contractNo, contracts.create(ctx, contract.data as ContractInput).id);
            return { created: contract.id === null ? 1 : 0, updated: contract.id === null ? 0 : 1 };
          },
        });
      }
      if (node && wanted(node)) {
        out.push({
          rows: [r.row],
          via: 'handler',
          fieldOf: nodeFieldOf,
          run: (ctx) => {
            const contractId = ids.get(plan.contractNo);
            if (contractId === undefined)
              throw new UserError('BAD_REFERENCE', `合同“${plan.contractNo}”未能导入，其履约节点无法导入`);
            if (node.id !== null) contractNodes.update(ctx, { id: node.id, ...(node.data as NodePatch) });
            else contractNodes.create(ctx, { ...(node.data as NodeInput), contractId });
            return { created: node.id === null ? 1 : 0, updated: node.id === null ? 0 : 1 };
          },
        });
      }
    }
    return out;
  }

  /** Rows of a contract whose head row failed later (dry run) are refused with it. */
  function finish(rows: CheckedRow[]) {
    const failed = new Set(rows.filter((r) => r.action === 'error').map((r) => r.row));
    for (const r of rows) {
      const plan = r.plan as ContractPlan | undefined;
      const head = plan ? groups.get(plan.contractNo)?.head : undefined;
      if (plan && !plan.head && head !== undefined && failed.has(head) && r.action !== 'error') {
        Object.assign(
          r,
          errorRow(r.row, [{ field: null, message: `合同“${plan.contractNo}”有误（见第${head}行），本行未导入` }]),
        );
      }
    }
  }
  return { check, steps, finish };
}

export const contractImporter: KindImporter = { kind: 'contract', fields: contractFields, begin };
