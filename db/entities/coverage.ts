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

/** 名录库底册数 of the 小区 a 普查员 is assigned to, a 小区 with several 普查员 shared equally. */
export const listingShareSql = (person: string) =>
  `(SELECT coalesce(sum(d.listing_count * 1.0 / (SELECT count(*) FROM district_assignments b
      WHERE b.district_id = d.id AND b.role = '普查员')), 0)
    FROM district_assignments a JOIN census_districts d ON d.id = a.district_id
    WHERE a.person_id = ${person} AND a.role = '普查员')`;

export const districtCountSql = (person: string) =>
  `(SELECT count(*) FROM district_assignments a WHERE a.person_id = ${person} AND a.role = '普查员')`;

/** In-post 普查员 whose 所属普查指导员 is this person. */
export const superviseeCountSql = (person: string) =>
  `(SELECT count(*) FROM people e WHERE e.supervisor_id = ${person} AND e.status = '在岗'
    AND EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = e.id AND r.role = '普查员'))`;

const flag =
  (condition: string): FilterSql =>
  (v) => ({
    sql: v ? `(${condition})` : `NOT (${condition})`,
    params: [],
  });

/** Over the workload the office sets: 底册数 or number of 小区 above its limit (a NULL limit never trips). */
const overWorkload = (person: string) =>
  `coalesce(${listingShareSql(person)} > ${settingSql('maxListingPerEnumerator')}, 0)
    OR coalesce(${districtCountSql(person)} > ${settingSql('maxDistrictsPerEnumerator')}, 0)`;

const overSpan = (person: string) =>
  `coalesce(${superviseeCountSql(person)} > ${settingSql('maxEnumeratorsPerSupervisor')}, 0)`;

/** person.list (people_search_view): pledge, workload and span filters. */
export const personRegisterFilters: Record<string, FilterSql> = {
  pledgeStatus: (v) => ({
    sql: `EXISTS (SELECT 1 FROM people x WHERE x.id = people_search_view.id AND coalesce(x.pledge_status, '未签署') = ?)`,
    params: [v],
  }),
  overWorkload: flag(overWorkload('people_search_view.id')),
  overSpan: flag(overSpan('people_search_view.id')),
};

const villageDistricts = (village: string) =>
  `(SELECT count(*) FROM census_districts d WHERE d.village_id = ${village})`;

/**
 * A village may hold several 小区 (that is what the code's sequence is for) and a 小区 names one
 * village at most, so 重 shows as two 小区 of one village drawn twice: the same name or the same
 * 四至 (spaces aside). 工业园区 小区 are drawn on their own and left out.
 */
const duplicateDistricts = (village: string) =>
  `EXISTS (SELECT 1 FROM census_districts a JOIN census_districts b ON b.village_id = a.village_id AND b.id > a.id
    WHERE a.village_id = ${village} AND a.basis <> '工业园区' AND b.basis <> '工业园区'
      AND (a.name = b.name OR replace(a.boundary_note, ' ', '') = replace(b.boundary_note, ' ', '')))`;

/** village.list (villages_view): coverage by 普查小区 (全面覆盖，不重不漏). */
export const villageCoverageFilters: Record<string, FilterSql> = {
  withoutDistrict: flag(`${villageDistricts('villages_view.id')} = 0`),
  duplicateDistricts: flag(duplicateDistricts('villages_view.id')),
};
