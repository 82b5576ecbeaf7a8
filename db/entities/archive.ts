import type { EntityDef } from '../entity';

/** 档案登记 (work plan point 11). No derived values: the table is read as it is. */
export const archiveDef: EntityDef = {
  name: 'archive',
  label: '档案',
  table: 'archive_records',
  view: 'archive_records',
  search: { contains: ['title', 'location', 'keeper', 'transfer_to'], prefix: ['archive_no'] },
  filters: {
    category: 'category',
    secrecy: 'secrecy',
    year: 'year',
    transferred: (v) => ({ sql: v ? 'transfer_date IS NOT NULL' : 'transfer_date IS NULL', params: [] }),
    filed: (v) => ({ sql: v ? 'filed_date IS NOT NULL' : 'filed_date IS NULL', params: [] }),
  },
  sortable: { archiveNo: 'archive_no', title: 'title', filedDate: 'filed_date', transferDate: 'transfer_date' },
  defaultSort: 'archive_no, id',
};
