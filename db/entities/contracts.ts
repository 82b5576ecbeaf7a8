import type { EntityDef } from '../entity';

/** true → the 0/1 column is set; false → it is not. */
const flag = (column: string) => (v: unknown) => ({ sql: `${column} = ?`, params: [v ? 1 : 0] });

export const agencyDef: EntityDef = {
  name: 'agency',
  label: '第三方机构',
  table: 'agencies',
  view: 'agencies_view',
  search: { contains: ['name', 'contact_name'], prefix: ['credit_code'] },
  sortable: { name: 'name', creditCode: 'credit_code', contractAmount: 'contract_amount' },
  defaultSort: 'name, id',
};

export const contractDef: EntityDef = {
  name: 'contract',
  label: '合同',
  table: 'contracts',
  view: 'contracts_view',
  json: ['serviceKinds', 'staffIds'],
  bools: ['publishOverdue', 'fileOverdue', 'overpaid', 'endedWithoutAcceptance'],
  search: { contains: ['name', 'contract_no', 'agency_name'] },
  filters: {
    agencyId: 'agency_id',
    status: 'status',
    budgetItemId: 'budget_item_id',
    serviceKind: (v) => ({ sql: `EXISTS (SELECT 1 FROM json_each(service_kinds) WHERE value = ?)`, params: [v] }),
    overdue: (v) => ({ sql: v ? 'overdue_nodes > 0' : 'overdue_nodes = 0', params: [] }),
    endedWithoutAcceptance: flag('ended_without_acceptance'),
    overpaid: flag('overpaid'),
    notPublished: flag('publish_overdue'),
    notFiled: flag('file_overdue'),
  },
  sortable: {
    contractNo: 'contract_no',
    name: 'name',
    signedDate: 'signed_date',
    serviceEnd: 'service_end',
    amount: 'amount',
    paidAmount: 'paid_amount',
    status: 'status',
  },
  defaultSort: 'signed_date DESC, id DESC',
};

export const contractNodeDef: EntityDef = {
  name: 'contractNode',
  label: '履约节点',
  table: 'contract_nodes',
  view: 'contract_nodes_view',
  bools: ['done', 'overdue'],
  search: { contains: ['work_content', 'contract_name', 'contract_no'] },
  filters: { contractId: 'contract_id', overdue: flag('overdue'), done: flag('done') },
  sortable: { seq: 'seq', plannedDate: 'planned_date', actualDate: 'actual_date' },
  defaultSort: 'contract_id, seq',
};

export const acceptanceDef: EntityDef = {
  name: 'acceptance',
  label: '验收记录',
  table: 'contract_acceptances',
  view: 'contract_acceptances_view',
  search: { contains: ['contract_name', 'contract_no', 'certificate_no', 'members'] },
  filters: { contractId: 'contract_id', conclusion: 'conclusion' },
  sortable: { acceptedDate: 'accepted_date' },
  defaultSort: 'accepted_date DESC, id DESC',
};
