import type { EntityDef } from '../entity';

export const townshipDef: EntityDef = {
  name: 'township',
  label: '乡镇（街道）',
  table: 'townships',
  view: 'townships_view',
  search: { contains: ['name'], prefix: ['code'] },
  sortable: { code: 'code', name: 'name' },
  defaultSort: 'code',
};

export const villageDef: EntityDef = {
  name: 'village',
  label: '村（社区）',
  table: 'villages',
  view: 'villages_view',
  search: { contains: ['name'], prefix: ['code'] },
  filters: { townshipId: 'township_id' },
  sortable: { code: 'code', name: 'name' },
  defaultSort: 'code',
};

export const districtDef: EntityDef = {
  name: 'district',
  label: '普查小区',
  table: 'census_districts',
  view: 'census_districts_view',
  json: ['enumeratorIds', 'supervisorIds'],
  search: { contains: ['name'], prefix: ['code'] },
  filters: {
    townshipId: 'township_id',
    villageId: 'village_id',
    status: 'status',
    unassigned: (v) => ({
      sql: v
        ? `enumerator_ids = '[]' OR supervisor_ids = '[]'`
        : `enumerator_ids <> '[]' AND supervisor_ids <> '[]'`,
      params: [],
    }),
  },
  sortable: { code: 'code', name: 'name', status: 'status' },
  defaultSort: 'code',
};
