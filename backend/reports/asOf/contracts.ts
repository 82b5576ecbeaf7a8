// 第三方合同 (R2) and R5 at the end of @day: contracts signed on or before it (or, unsigned,
// entered by then), their amount and status as they stood (history), their nodes as they stood
// (done when the actual date is on or before @day, overdue when the planned date had passed by then
// undone), the payments dated by then and the latest acceptance dated by then. Names, agency and
// the other descriptive columns are today's.
import type { Database } from 'better-sqlite3';
import { fromRow } from '../../../db/rows';
import { asOfSql, CONTRACTS_HISTORY, NODES_HISTORY } from '../../../db/history';
import { contractDef } from '../../../db/entities/contracts';
import { contractStatusSql } from '../../../db/views/derived';
import type { ContractSummary } from '../../../core/reports/rows/contracts';
import type { AsOfParams } from './people';

/** The latest acceptance dated by @day; a passing one makes a 履行中 contract 已验收 then (contractStatusSql). */
const ACCEPTANCE_AT_DAY = `(SELECT x.conclusion FROM contract_acceptances x WHERE x.contract_id = c.id AND x.accepted_date <= @day
   ORDER BY x.accepted_date DESC, x.id DESC LIMIT 1)`;

const SQL = `WITH n AS (
  SELECT x.contract_id,
    count(*) AS node_count,
    sum(x.actual_date IS NOT NULL AND x.actual_date <= @day) AS nodes_done,
    sum((x.actual_date IS NULL OR x.actual_date > @day) AND x.planned_date IS NOT NULL AND x.planned_date < @day) AS overdue_nodes
  FROM (${asOfSql(NODES_HISTORY)}) x WHERE NOT x.born_later GROUP BY x.contract_id
)
SELECT c.id, c.amount, ${contractStatusSql('c.status', ACCEPTANCE_AT_DAY)} AS status, c.signed_date,
  (SELECT coalesce(sum(e.amount), 0) FROM expenditures e JOIN contract_nodes k ON k.id = e.contract_node_id
   WHERE k.contract_id = c.id AND e.date <= @day) AS paid_amount,
  coalesce(n.node_count, 0) AS node_count,
  coalesce(n.nodes_done, 0) AS nodes_done,
  coalesce(n.overdue_nodes, 0) AS overdue_nodes,
  ${ACCEPTANCE_AT_DAY} AS acceptance,
  (SELECT max(x.accepted_date) FROM contract_acceptances x WHERE x.contract_id = c.id AND x.accepted_date <= @day) AS accepted_date
FROM (${asOfSql(CONTRACTS_HISTORY)}) c
LEFT JOIN n ON n.contract_id = c.id
WHERE (c.signed_date IS NOT NULL AND c.signed_date <= @day) OR (c.signed_date IS NULL AND NOT c.born_later)`;

type Values = Record<string, unknown>;

/** contract.list's rows at @day, by 合同编号 (contracts deleted since are left out: their record is gone). */
export function contractsAsOf(db: Database, at: AsOfParams): ContractSummary[] {
  const current = new Map(
    (db.prepare('SELECT * FROM contracts_view').all() as Values[]).map((r) => [r.id, fromRow(r, contractDef)]),
  );
  const out: ContractSummary[] = [];
  for (const r of db.prepare(SQL).all(at) as Values[]) {
    const own = current.get(r.id);
    if (!own) continue;
    const asOf = fromRow(r);
    const amount = Number(asOf.amount);
    const paid = Number(asOf.paidAmount);
    out.push({
      ...own,
      ...asOf,
      unpaidAmount: amount - paid,
      overpaid: paid > amount,
      endedWithoutAcceptance: asOf.status === '履行中' && own.serviceEnd != null && String(own.serviceEnd) < at.day,
    } as unknown as ContractSummary);
  }
  return out.sort((a, b) => (a.contractNo < b.contractNo ? -1 : a.contractNo > b.contractNo ? 1 : a.id - b.id));
}
