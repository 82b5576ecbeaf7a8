import type { EntityDef, FilterSql } from '../entity';
import { villageCoverageFilters } from './coverage';

/** Places with (false) or without (true) an on-duty liaison of the given role, work plan point 1. */
const withoutLiaison =
  (view: string, column: string, role: string): FilterSql =>
  (v) => {
    const has = `EXISTS (SELECT 1 FROM people p JOIN person_roles r ON r.person_id = p.id
      WHERE r.role = '${role}' AND p.status = '在岗' AND p.${column} = ${view}.id)`;
    return { sql: v ? `NOT ${has}` : has, params: [] };
  };

export const townshipDef: EntityDef = {
  name: 'township',
  label: '乡镇（街道）',
  table: 'townships',
  view: 'townships_view',
  search: { contains: ['name'], prefix: ['code'] },
  filters: { withoutLiaison: withoutLiaison('townships_view', 'township_id', '乡镇(街道)联络员') },
  sortable: { code: 'code', name: 'name' },
  defaultSort: 'code',
};

export const villageDef: EntityDef = {
  name: 'village',
  label: '村（社区）',
  table: 'villages',
  view: 'villages_view',
  search: { contains: ['name'], prefix: ['code'] },
  filters: {
    townshipId: 'township_id',
    withoutLiaison: withoutLiaison('villages_view', 'village_id', '村(居)联络员'),
    ...villageCoverageFilters,
  },
  sortable: { code: 'code', name: 'name' },
  defaultSort: 'code',
};

export const districtDef: EntityDef = {
  name: 'district',
  label: '普查小区',
  table: 'census_districts',
  view: 'census_districts_view',
  json: ['enumeratorIds', 'supervisorIds', 'leftAssigneeIds'],
  search: { contains: ['name'], prefix: ['code'] },
  filters: {
    townshipId: 'township_id',
    villageId: 'village_id',
    status: 'status',
    // Assigned means an assignee who has not left (census_districts_view's counts, derived.ts).
    unassigned: (v) => ({
      sql: v ? `enumerator_count = 0 OR supervisor_count = 0` : `enumerator_count > 0 AND supervisor_count > 0`,
      params: [],
    }),
    assigneeId: (v) => ({
      sql: 'id IN (SELECT district_id FROM district_assignments WHERE person_id = ?)',
      params: [v],
    }),
  },
  sortable: { code: 'code', name: 'name', status: 'status' },
  defaultSort: 'code',
};
