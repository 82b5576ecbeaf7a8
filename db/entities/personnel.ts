import type { Database } from 'better-sqlite3';
import { escapeLike, type EntityDef, type FilterSql, type ListQuery } from '../entity';
import { fromRow, toSnake } from '../rows';
import type { PersonRole, TRAINING_STATUSES } from '../../core/enums';
import { normalizeCode } from '../../core/text';
import { insuranceValidSql, trainingStatusIsSql } from '../views/derived';
import { clockIsoOrWall } from '../clock';
import { personRegisterFilters } from './coverage';

/** One person as create/get/update/delete read and write it. Lists go through personListQuery. */
export const personDef: EntityDef = {
  name: 'person',
  label: '人员',
  table: 'people',
  view: 'people_view',
  json: ['roles', 'districtIds'],
};

/**
 * person.list runs in two phases: ids of one page from the narrow people_search_view, then the
 * page's full records from people_view (peopleByIds). Filters that match many rows never drive an
 * index (EXISTS, unary +), so a page walks the sort index and stops after one page rather than
 * sorting tens of thousands of rows. Measured at 100k people; see the figures in the area's report.
 */
const searchDef: EntityDef = {
  name: 'person',
  label: '人员',
  table: 'people',
  view: 'people_search_view',
  search: { contains: ['name'], prefix: ['person_code', 'id_number'] },
  filters: {
    role: (v) => ({
      sql: `EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = people_search_view.id AND r.role = ?)`,
      params: [v],
    }),
    townshipId: 'township_id',
    villageId: 'village_id',
    status: (v) => ({ sql: '+status = ?', params: [v] }),
    supervisorId: 'supervisor_id',
    trainingStatus: (v) => ({
      sql: trainingStatusIsSql('people_search_view.id', v as (typeof TRAINING_STATUSES)[number]),
      params: [],
    }),
    hasSupervisor: (v) => ({ sql: v ? '+supervisor_id IS NOT NULL' : '+supervisor_id IS NULL', params: [] }),
    ...personRegisterFilters,
    // domain.md §9.2: a 15-digit ID is a warning, not an error; the dashboard lists who still has one.
    legacyId: (v) => ({ sql: v ? 'length(id_number) = 15' : 'length(id_number) <> 15', params: [] }),
  },
  sortable: { personCode: 'person_code', name: 'name', birthDate: 'birth_date', status: 'status' },
  defaultSort: 'person_code',
};

/**
 * Insurance covering `today` (inclusive). `today` comes from the caller's clock (ctx.now) so tests
 * and the dashboard agree; a policy with a missing date never counts as valid.
 */
export const insuranceValidFilter =
  (today: string): FilterSql =>
  (v) => ({
    sql: `${insuranceValidSql('insurance_start', 'insurance_end', '?')} = ${v ? 1 : 0}`,
    params: [today],
  });

/** 人员编号 and IDs hold only digits and X, names never do: the shape of q says what to search. */
const CODE_LIKE = /^[0-9X]+$/;
/** Above this many matches a filter is "broad": better checked row by row along the sort index. */
const BROAD = 2000;

/** Matches of a code/ID prefix, counted only up to BROAD (a covering-index probe, well under 1 ms). */
function prefixMatches(db: Database, q: string, idPrefix: boolean): number {
  const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM people WHERE person_code BETWEEN ? AND ?
    UNION ALL SELECT 1 FROM people WHERE id_number BETWEEN ? AND ? LIMIT ${BROAD})`;
  // Without ID prefixes the second arm matches nothing ('' .. '' never holds an 18-digit number).
  const [lo, hi] = idPrefix ? [q, `${q}Z`] : ['', ''];
  return (db.prepare(sql).get(q, `${q}Z`, lo, hi) as { n: number }).n;
}

/**
 * How q of digits and X matches 公民身份号码: `prefix` (callers who may see them in full), or
 * `exact` (the rest): only a complete number matches, so a masked number and a guess at the hidden
 * digits cannot be confirmed one prefix at a time. 人员编号 always match by prefix.
 */
export type IdSearch = 'prefix' | 'exact';

/**
 * Phase one for one call: today's insurance filter, filters shaped by how many rows they match,
 * and a search shaped by q. A narrow filter drives an index and its few rows are sorted; a broad
 * one is checked along the sort index (`+` / EXISTS), which stops after one page. q of digits and
 * X: 人员编号 / ID prefixes. Anything else: names containing q, whose matches are few, so they are
 * found on the name index and then sorted (`+` keeps SQLite off the sort index, which it would
 * otherwise walk through every row looking for a rare name).
 */
export interface PersonListPlan {
  def: EntityDef;
  query: ListQuery;
  /** Set when an index already gave the exact count (a role and nothing else). */
  knownTotal?: number;
}

export function personListQuery(
  db: Database,
  query: ListQuery,
  today: string,
  idSearch: IdSearch = 'prefix',
): PersonListPlan {
  const plan = planPersonList(db, query, today, idSearch);
  if (idSearch === 'prefix') return plan;
  // Callers who see birth years only are sorted by the year (then by id): the order of full dates
  // would tell them each person's date within a few days.
  return { ...plan, def: { ...plan.def, sortable: { ...plan.def.sortable, birthDate: 'substr(birth_date, 1, 4)' } } };
}

function planPersonList(db: Database, query: ListQuery, today: string, idSearch: IdSearch): PersonListPlan {
  const filters: Record<string, string | FilterSql> = {
    ...searchDef.filters,
    insuranceValid: insuranceValidFilter(today),
  };
  const role = query.filters?.role;
  let roleCount: number | undefined;
  if (role !== undefined && role !== null) {
    roleCount = (db.prepare('SELECT count(*) AS n FROM person_roles WHERE role = ?').get(role) as { n: number }).n;
    if (roleCount < BROAD)
      filters.role = (v) => ({ sql: 'id IN (SELECT person_id FROM person_roles WHERE role = ?)', params: [v] });
  }
  const q = normalizeCode(query.q ?? '');
  if (!q) {
    // people_search_view has one row per person and person_roles one per (person, role), so the
    // role index's count is the list's total when nothing else narrows it (a count through
    // EXISTS probes of 70k 普查员 costs 35–50 ms at 100k people; this one ~2 ms).
    const onlyRole =
      roleCount !== undefined && hasNoFilter({ ...query, filters: { ...query.filters, role: undefined } });
    return {
      def: { ...searchDef, filters },
      query: { ...query, q: undefined },
      knownTotal: onlyRole ? roleCount : undefined,
    };
  }
  if (CODE_LIKE.test(q)) {
    // Every code or ID starting with q lies in [q, q + 'Z']: its next character is a digit or X.
    const plus = prefixMatches(db, q, idSearch === 'prefix') < BROAD ? '' : '+';
    filters.codePrefix = () =>
      idSearch === 'prefix'
        ? {
            sql: `(${plus}person_code BETWEEN ? AND ? OR ${plus}id_number BETWEEN ? AND ?)`,
            params: [q, `${q}Z`, q, `${q}Z`],
          }
        : { sql: `(${plus}person_code BETWEEN ? AND ? OR id_number = ?)`, params: [q, `${q}Z`, q] };
    return {
      def: { ...searchDef, search: {}, filters },
      query: { ...query, q: undefined, filters: { ...query.filters, codePrefix: q } },
    };
  }
  const name = (query.q ?? '').trim();
  // Names are matched once, on the covering index people_name (id rides along as the rowid); the
  // count and the page then use those ids, and only the matches are read and sorted. A name alone
  // is counted by the match itself.
  const ids = db
    .prepare(`SELECT id FROM people WHERE name LIKE ? ESCAPE '\\'`)
    .pluck()
    .all(`%${escapeLike(name)}%`) as number[];
  filters.nameContains = () => ({ sql: 'id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] });
  const unindexed = Object.fromEntries(Object.entries(searchDef.sortable!).map(([k, col]) => [k, `+${col}`]));
  return {
    def: { ...searchDef, search: {}, filters, sortable: unindexed, defaultSort: '+person_code' },
    query: { ...query, q: undefined, filters: { ...query.filters, nameContains: name } },
    knownTotal: hasNoFilter(query) ? ids.length : undefined,
  };
}

const hasNoFilter = (query: ListQuery) =>
  Object.values(query.filters ?? {}).every((v) => v === undefined || v === null);

/** Phase two: full records for the ids of one page, in the page's order. */
export function peopleByIds(db: Database, ids: number[]): Record<string, unknown>[] {
  if (ids.length === 0) return [];
  // One statement for every page size: the ids travel as one JSON parameter (still a rowid lookup each).
  const rows = db
    .prepare('SELECT * FROM people_view WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Record<string, unknown>[];
  const byId = new Map(rows.map((r) => [r.id as number, fromRow(r, personDef)]));
  return ids.map((id) => byId.get(id)!);
}

/** Every stored column of `people` except id and stamps, in API (camelCase) spelling. */
export const PERSON_COLUMNS = [
  'personCode',
  'name',
  'sex',
  'birthDate',
  'idNumber',
  'ethnicity',
  'politicalStatus',
  'education',
  'employer',
  'position',
  'source',
  'mobile',
  'landline',
  'townshipId',
  'villageId',
  'supervisorId',
  'agencyId',
  'certNo',
  'certDate',
  'certIssuer',
  'hireStart',
  'hireEnd',
  'status',
  'leftDate',
  'leftReason',
  'insuranceCompany',
  'insurancePolicyNo',
  'insuranceStart',
  'insuranceEnd',
  'insuranceAmount',
  'bankName',
  'bankAccount',
  'payRate',
  'payBasis',
  'note',
  'pledgeStatus',
  'pledgeDate',
] as const;

export type PersonColumn = (typeof PERSON_COLUMNS)[number];
/** A ready-to-store person: required columns set, the rest optional (stored as NULL). */
export type NewPersonRow = Partial<Record<PersonColumn, string | number | null>> & {
  personCode: string;
  name: string;
  sex: '男' | '女';
  birthDate: string;
  idNumber: string;
  roles: readonly PersonRole[];
  status?: '在岗' | '离岗';
};

/**
 * Bulk insert for the generator, importer and benchmark: rows must already be valid (no checks
 * here). One prepared statement each for people and roles; the caller wraps it in a transaction.
 */
export function insertPeople(db: Database, rows: readonly NewPersonRow[], at = clockIsoOrWall(db)): number[] {
  // Positional parameters: binding 36 named ones per row costs a third of the insert time.
  const insertPerson = db.prepare(
    `INSERT INTO people (${PERSON_COLUMNS.map(toSnake).join(', ')}, created_at, updated_at) VALUES (${PERSON_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
  );
  const insertRole = db.prepare('INSERT OR IGNORE INTO person_roles (person_id, role) VALUES (?, ?)');
  const ids: number[] = [];
  for (const row of rows) {
    const values = PERSON_COLUMNS.map((c) => row[c] ?? (c === 'status' ? '在岗' : null));
    const id = Number(insertPerson.run(...values, at, at).lastInsertRowid);
    for (const role of row.roles) insertRole.run(id, role);
    ids.push(id);
  }
  return ids;
}
