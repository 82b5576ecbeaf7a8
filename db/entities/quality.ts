import type { EntityDef } from '../entity';
import { periodRange } from '../../core/reports/period';

export const qualityCheckDef: EntityDef = {
  name: 'qualityCheck',
  label: '质量核查记录',
  table: 'quality_checks',
  view: 'quality_checks_view',
  bools: ['aboveThreshold'],
  search: { contains: ['checker', 'scope_text', 'category_name', 'note'] },
  filters: {
    period: 'period',
    stage: 'stage',
    rowCode: 'row_code',
    townshipId: 'township_id',
    agencyId: 'agency_id',
    aboveThreshold: 'above_threshold',
    // Errors found and not yet all corrected: what the dashboard's check still asks the clerk to chase.
    uncorrected: (v) => ({ sql: v ? 'uncorrected_count > 0' : 'uncorrected_count = 0', params: [] }),
    // The cumulative columns 13–14 of a period count every record of a period ending by its end.
    upToPeriod: (v) => ({ sql: 'period_end <= ?', params: [periodRange(String(v)).to] }),
  },
  sortable: {
    checkDate: 'check_date',
    period: 'period',
    errorRate: 'CASE WHEN sampled_count > 0 THEN error_count * 1.0 / sampled_count END',
    sampledCount: 'sampled_count',
  },
  defaultSort: 'check_date DESC, id DESC',
};

export const problemDef: EntityDef = {
  name: 'problem',
  label: '问题与督办事项',
  table: 'problems',
  view: 'problems_view',
  bools: ['overdue'],
  search: { contains: ['ref_no', 'subject', 'content', 'source', 'raised_by', 'person_name', 'agency_name'] },
  filters: {
    kind: 'kind',
    status: 'status',
    overdue: 'overdue',
    townshipId: 'township_id',
    agencyId: 'agency_id',
    personId: 'person_id',
    from: (v) => ({ sql: 'raised_date >= ?', params: [v] }),
    to: (v) => ({ sql: 'raised_date <= ?', params: [v] }),
  },
  sortable: {
    raisedDate: 'raised_date',
    dueDate: 'due_date',
    refNo: 'ref_no',
    kind: 'kind',
    status: 'status',
  },
  defaultSort: "status = '已办结', raised_date DESC, id DESC",
};
