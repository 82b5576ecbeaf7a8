// The coverage and pledge filters (docs/spec/coverage-and-archive.md) that the village and person
// lists take, so the dashboard's coverage checks count through the very lists they open. Limits
// are read from coverage_settings inside the SQL (no row: COVERAGE_DEFAULTS), so a check and its
// list can never use different numbers.
import { COVERAGE_DEFAULTS } from '../../core/schemas/coverage';
import type { FilterSql } from '../entity';

type Limit = keyof typeof COVERAGE_DEFAULTS;
const COLUMNS: Record<Limit, string> = {
  districtCodeLength: 'district_code_length',
  maxListingPerEnumerator: 'max_listing_per_enumerator',
  maxDistrictsPerEnumerator: 'max_districts_per_enumerator',
  maxEnumeratorsPerSupervisor: 'max_enumerators_per_supervisor',
};

/** The setting as SQL: the saved row's value (NULL: not checked), or the default when none is saved. */
export function settingSql(limit: Limit): string {
  const col = COLUMNS[limit];
  const def = COVERAGE_DEFAULTS[limit] ?? 'NULL';
  return `(CASE WHEN EXISTS (SELECT 1 FROM coverage_settings) THEN (SELECT ${col} FROM coverage_settings WHERE id = 1) ELSE ${def} END)`;
}

/**
 * 普查员 over the workload the office sets: the 名录库底册数 of the 小区 where they are 普查员 (a 小区
 * with several 普查员 shared equally) or the number of those 小区 above its limit; a NULL limit never
 * trips. One set for the whole list rather than a subquery per person (at 100k people and 20k 小区:
 * 280 ms per row-by-row count).
 */
const overWorkloadIds = `SELECT a.person_id FROM district_assignments a JOIN census_districts d ON d.id = a.district_id
    WHERE a.role = '普查员'
    GROUP BY a.person_id
    HAVING coalesce(sum(d.listing_count * 1.0 / (SELECT count(*) FROM district_assignments b
        WHERE b.district_id = d.id AND b.role = '普查员')) > ${settingSql('maxListingPerEnumerator')}, 0)
      OR coalesce(count(*) > ${settingSql('maxDistrictsPerEnumerator')}, 0)`;

/** 普查指导员 whose in-post 普查员 (by 所属普查指导员) outnumber the ratio the office sets. */
const overSpanIds = `SELECT e.supervisor_id FROM people e
    WHERE e.supervisor_id IS NOT NULL AND e.status = '在岗'
      AND EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = e.id AND r.role = '普查员')
    GROUP BY e.supervisor_id
    HAVING coalesce(count(*) > ${settingSql('maxEnumeratorsPerSupervisor')}, 0)`;

/**
 * A village may hold several 小区 (that is what the code's sequence is for) and a 小区 names one
 * village at most, so 重 shows as two 小区 of one village drawn twice: the same name or the same
 * 四至 (spaces aside). 工业园区 小区 are drawn on their own and left out.
 */
const duplicateVillageIds = `SELECT village_id FROM census_districts
    WHERE village_id IS NOT NULL AND basis <> '工业园区' GROUP BY village_id, name HAVING count(*) > 1
  UNION SELECT village_id FROM census_districts
    WHERE village_id IS NOT NULL AND basis <> '工业园区' AND boundary_note IS NOT NULL
    GROUP BY village_id, replace(boundary_note, ' ', '') HAVING count(*) > 1`;

/** Rows whose id is (true) or is not (false) in the set; the sets never hold NULL. */
const inSet =
  (column: string, ids: string): FilterSql =>
  (v) => ({ sql: v ? `${column} IN (${ids})` : `${column} NOT IN (${ids})`, params: [] });

/** person.list (people_search_view): pledge, workload and span filters. */
export const personRegisterFilters: Record<string, FilterSql> = {
  pledgeStatus: (v) => ({
    sql: `EXISTS (SELECT 1 FROM people x WHERE x.id = people_search_view.id AND coalesce(x.pledge_status, '未签署') = ?)`,
    params: [v],
  }),
  overWorkload: inSet('id', overWorkloadIds),
  overSpan: inSet('id', overSpanIds),
};

const hasDistrict = `EXISTS (SELECT 1 FROM census_districts d WHERE d.village_id = villages_view.id)`;

/** village.list (villages_view): coverage by 普查小区 (全面覆盖，不重不漏). */
export const villageCoverageFilters: Record<string, FilterSql> = {
  withoutDistrict: (v) => ({ sql: v ? `NOT ${hasDistrict}` : hasDistrict, params: [] }),
  duplicateDistricts: inSet('villages_view.id', duplicateVillageIds),
};
