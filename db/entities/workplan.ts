import type { EntityDef, FilterSql } from '../entity';

export const milestoneDef: EntityDef = {
  name: 'milestone',
  label: '工作要点',
  table: 'milestones',
  search: { contains: ['title', 'point_title', 'progress_note', 'evidence'] },
  filters: { pointNo: 'point_no' },
  sortable: { seq: 'seq', deadline: 'deadline', pointNo: 'point_no', status: 'status' },
  defaultSort: 'seq, id',
};

const overdueSql = (today: string) => ({
  sql: `status <> '已完成' AND deadline IS NOT NULL AND deadline < ?`,
  params: [today],
});

/**
 * The list definition for one call: 已逾期 and 即将到期 depend on today, which comes from the
 * caller's clock (ctx.now), so they are built per call rather than stored or put in a view.
 */
export function milestoneListDef(today: string, soonLimit: string): EntityDef {
  const overdue = overdueSql(today);
  const dueSoon = {
    sql: `status <> '已完成' AND deadline IS NOT NULL AND deadline >= ? AND deadline <= ?`,
    params: [today, soonLimit],
  };
  const negate = (c: { sql: string; params: unknown[] }) => ({ sql: `NOT (${c.sql})`, params: c.params });
  const status: FilterSql = (v) => {
    if (v == null) return { sql: '1', params: [] };
    if (v === '已逾期') return overdue;
    // A stored status shows only while the milestone is not overdue.
    return { sql: `status = ? AND NOT (${overdue.sql})`, params: [v, ...overdue.params] };
  };
  return {
    ...milestoneDef,
    filters: {
      ...milestoneDef.filters,
      status,
      overdue: (v) => (v == null ? { sql: '1', params: [] } : v ? overdue : negate(overdue)),
      dueSoon: (v) => (v == null ? { sql: '1', params: [] } : v ? dueSoon : negate(dueSoon)),
    },
  };
}
