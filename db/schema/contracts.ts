// Third-party agencies, their contracts, the staff they put on the job, performance nodes and
// acceptances. Payments are rows of `expenditures` (budget area) pointing at a node.
import type { SchemaPart } from './types';

export const contracts: SchemaPart = {
  labels: {
    agencies: '第三方机构',
    contracts: '合同',
    contract_staff: '合同派驻人员',
    contract_nodes: '履约节点',
    contract_acceptances: '验收记录',
  },
};
