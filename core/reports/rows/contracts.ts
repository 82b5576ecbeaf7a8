// R5 rows (第三方合同履约情况汇总表), also the 第三方合同 sheet of the monthly report.
import type { z } from 'zod';
import type { contractRecord } from '../../schemas/contracts';
import { CONTRACTS } from '../layouts/money';
import { labelled, sumOf, type FigureRow } from '../figures';

export type ContractSummary = z.output<typeof contractRecord>;

const span = (from: string | null, to: string | null) => (from || to ? `${from ?? ''}至${to ?? ''}` : null);

/** 验收情况: the latest acceptance and its day, or where the contract stands without one. */
function acceptanceText(c: ContractSummary): string {
  if (c.acceptance) return `${c.acceptance}（${c.acceptedDate}）`;
  if (c.status === '已终止') return '已终止';
  return c.endedWithoutAcceptance ? '到期未验收' : '未验收';
}

export function contractRow(c: ContractSummary, seq: number): FigureRow {
  return {
    kind: 'item',
    values: {
      seq,
      contractNo: c.contractNo,
      name: c.name,
      agency: c.agencyName,
      services: c.serviceKinds.join('、'),
      procurement: c.procurementMethod,
      signedDate: c.signedDate ?? null,
      servicePeriod: span(c.serviceStart ?? null, c.serviceEnd ?? null),
      amount: c.amount,
      paid: c.paidAmount,
      unpaid: c.unpaidAmount,
      nodes: `${c.nodesDone}/${c.nodeCount}`,
      overdue: c.overdueNodes,
      acceptance: acceptanceText(c),
      note: c.note ?? null,
    },
  };
}

export function contractTotal(contracts: readonly ContractSummary[]): FigureRow {
  const rows = contracts.map((c, i) => contractRow(c, i + 1));
  const done = contracts.reduce((n, c) => n + c.nodesDone, 0);
  const all = contracts.reduce((n, c) => n + c.nodeCount, 0);
  return labelled(CONTRACTS, 'total', '合计', {
    amount: sumOf(rows, 'amount') ?? 0,
    paid: sumOf(rows, 'paid') ?? 0,
    unpaid: sumOf(rows, 'unpaid') ?? 0,
    nodes: `${done}/${all}`,
    overdue: sumOf(rows, 'overdue') ?? 0,
  });
}
