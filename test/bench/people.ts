// Issue 2's figures: inserting 20k people through validation in one transaction against a bare
// prepared-statement loop of the same rows, and list/search at 100k people through dispatch, each
// search against bare SQL asking the same question. Product and floor alternate (types.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openBackend } from '../../backend/app';
import { syntheticPeople } from '../../backend/demo/synthetic';
import { identityFromId, personCreate } from '../../core/schemas/personnel';
import { insertPeople, PERSON_COLUMNS, type NewPersonRow } from '../../db/entities/personnel';
import { toSnake } from '../../db/rows';
import { alternate, versus, type BenchResult } from './types';

const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };
const INSERT_RUNS = 3;
const SEARCH_RUNS = 15;
const PAGE = 50;

/** Validation + derivation + the repository's bulk insert: what an import of clean rows costs. */
export function validatedRows(people: ReturnType<typeof syntheticPeople>): NewPersonRow[] {
  return people.map((raw) => {
    const p = personCreate.parse(raw);
    return { ...p, ...identityFromId(p.idNumber), personCode: p.personCode!, roles: p.roles } as NewPersonRow;
  });
}

/** The same final values, already valid, through one bare prepared statement each. */
function bareInsert(db: Database, rows: NewPersonRow[]) {
  const cols = PERSON_COLUMNS.map(toSnake);
  db.transaction(() => {
    const ins = db.prepare(
      `INSERT INTO people (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map(() => '?').join(', ')}, ?, ?)`,
    );
    const role = db.prepare('INSERT INTO person_roles (person_id, role) VALUES (?, ?)');
    const at = new Date().toISOString();
    for (const r of rows) {
      const id = ins.run(
        ...PERSON_COLUMNS.map((c) => r[c] ?? (c === 'status' ? '在岗' : null)),
        at,
        at,
      ).lastInsertRowid;
      for (const x of r.roles) role.run(id, x);
    }
  })();
}

async function insertBench(dir: string): Promise<BenchResult[]> {
  const people = syntheticPeople(20_000);
  const rows = validatedRows(people);
  let n = 0;
  /** Each run on a fresh file; only the insert itself is timed. */
  const fresh = (work: (db: Database) => void) => () => {
    const b = openBackend(join(dir, `insert-${n++}.db`));
    const t0 = performance.now();
    work(b.db);
    const ms = performance.now() - t0;
    b.close();
    return ms;
  };
  const floor = fresh((db) => bareInsert(db, rows));
  const repo = await alternate(
    INSERT_RUNS,
    fresh((db) => db.transaction(() => insertPeople(db, rows))()),
    floor,
  );
  const validated = await alternate(
    INSERT_RUNS,
    fresh((db) => db.transaction(() => insertPeople(db, validatedRows(people)))()),
    floor,
  );
  return [
    versus('insert 20k people: repository bulk insert, one transaction', repo, { maxRatio: 2 }),
    versus('insert 20k people: zod validation + derivation + insert', validated, { maxRatio: 2 }),
  ];
}

/**
 * A search's floor: the bare SQL of the same question on the base tables, written the obvious way
 * — count the matches, take one page of ids in 人员编号 order, read those records from people_view
 * — with statements prepared once, no validation, no dispatch, no mapping of rows.
 */
function bareSearch(db: Database, where: string) {
  const count = db.prepare(`SELECT count(*) FROM people p WHERE ${where}`).pluck();
  const page = db.prepare(
    `SELECT * FROM people_view WHERE id IN (SELECT id FROM people p WHERE ${where} ORDER BY person_code LIMIT ${PAGE}) ORDER BY person_code`,
  );
  return (...params: unknown[]) => [count.get(...params), page.all(...params)];
}

async function searchBench(dir: string): Promise<BenchResult[]> {
  const b = openBackend(join(dir, 'search.db'));
  const people = syntheticPeople(100_000);
  b.db.transaction(() => insertPeople(b.db, validatedRows(people)))();
  b.db.pragma('optimize');
  const list = (input: object) => async () => {
    const r = await b.dispatch('person.list', { ...input, pageSize: PAGE }, admin);
    if (!r.ok) throw new Error(r.error.message);
  };
  const someName = people[54_321].name;
  const idPrefix = people[777].idNumber.slice(0, 12);
  const role = `EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = ?)`;
  const prefix = `(person_code BETWEEN ? AND ? OR id_number BETWEEN ? AND ?)`;
  // Each floor's statements are prepared here, once, as the product's are by the time it is timed.
  const all = bareSearch(b.db, '1');
  const named = bareSearch(b.db, 'name LIKE ?');
  const byPrefix = bareSearch(b.db, prefix);
  const inRole = bareSearch(b.db, role);
  const namedInRole = bareSearch(b.db, `name LIKE ? AND ${role}`);
  const cases: [string, object, () => unknown][] = [
    ['open the roster (first page)', {}, () => all()],
    ['search a surname “张”', { q: '张' }, () => named('%张%')],
    [`search a full name “${someName}”`, { q: someName }, () => named(`%${someName}%`)],
    ['search an ID prefix', { q: idPrefix }, () => byPrefix(idPrefix, `${idPrefix}Z`, idPrefix, `${idPrefix}Z`)],
    ['filter role 普查员', { filters: { role: '普查员' } }, () => inRole('普查员')],
    ['search “李” within 普查员', { q: '李', filters: { role: '普查员' } }, () => namedInRole('%李%', '普查员')],
  ];
  const results: BenchResult[] = [];
  try {
    for (const [name, input, floor] of cases) {
      const sample = await alternate(SEARCH_RUNS, list(input), floor, { warm: 2 });
      results.push(versus(`person.list at 100k: ${name}`, sample, { maxValue: 50 }));
    }
  } finally {
    b.close();
  }
  return results;
}

export async function peopleBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-bench-'));
  try {
    return [...(await insertBench(dir)), ...(await searchBench(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
