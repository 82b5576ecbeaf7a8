// Issue 2's figures: inserting 20k people through validation in one transaction against a bare
// prepared-statement loop of the same rows, and list/search at 100k people through dispatch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../backend/app';
import { syntheticPeople } from '../../backend/demo/synthetic';
import { identityFromId, personCreate } from '../../core/schemas/personnel';
import { insertPeople, PERSON_COLUMNS, type NewPersonRow } from '../../db/entities/personnel';
import { toSnake } from '../../db/rows';
import { medianMs, type BenchResult } from './types';

const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };

function freshBackend(dir: string, name: string) {
  return openBackend(join(dir, `${name}.db`));
}

/** Validation + derivation + the repository's bulk insert: what an import of clean rows costs. */
function validatedRows(people: ReturnType<typeof syntheticPeople>): NewPersonRow[] {
  return people.map((raw) => {
    const p = personCreate.parse(raw);
    return { ...p, ...identityFromId(p.idNumber), personCode: p.personCode!, roles: p.roles } as NewPersonRow;
  });
}

async function insertBench(dir: string): Promise<BenchResult[]> {
  // Warm both paths (JIT, statement compilation) on a small roster before timing either.
  const warm = freshBackend(dir, 'warm');
  warm.db.transaction(() => insertPeople(warm.db, validatedRows(syntheticPeople(2_000, '511324'))))();
  warm.close();
  const people = syntheticPeople(20_000);
  const ours = freshBackend(dir, 'ours');
  const t0 = performance.now();
  ours.db.transaction(() => insertPeople(ours.db, validatedRows(people)))();
  const oursMs = performance.now() - t0;
  ours.close();

  // The repository's bulk insert alone, on rows already validated.
  const rows = validatedRows(people);
  const repo = freshBackend(dir, 'repo');
  const t2 = performance.now();
  repo.db.transaction(() => insertPeople(repo.db, rows))();
  const repoMs = performance.now() - t2;
  repo.close();

  // The floor: the same final values, already valid, through one bare prepared statement each.
  const bare = freshBackend(dir, 'bare');
  const cols = PERSON_COLUMNS.map(toSnake);
  const t1 = performance.now();
  bare.db.transaction(() => {
    const ins = bare.db.prepare(
      `INSERT INTO people (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map(() => '?').join(', ')}, ?, ?)`,
    );
    const role = bare.db.prepare('INSERT INTO person_roles (person_id, role) VALUES (?, ?)');
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
  const floorMs = performance.now() - t1;
  bare.close();
  return [
    {
      name: 'insert 20k people: repository bulk insert, one transaction',
      value: repoMs,
      unit: 'ms',
      floor: floorMs,
      ratio: repoMs / floorMs,
      target: '≤ 2× floor',
      met: repoMs / floorMs <= 2,
    },
    {
      name: 'insert 20k people: zod validation + derivation + insert',
      value: oursMs,
      unit: 'ms',
      floor: floorMs,
      ratio: oursMs / floorMs,
      target: '≤ 2× floor',
      met: oursMs / floorMs <= 2,
    },
  ];
}

async function searchBench(dir: string): Promise<BenchResult[]> {
  const b = freshBackend(dir, 'search');
  const people = syntheticPeople(100_000);
  b.db.transaction(() => insertPeople(b.db, validatedRows(people)))();
  b.db.pragma('optimize');
  const list = async (input: unknown) => {
    const r = await b.dispatch('person.list', input, admin);
    if (!r.ok) throw new Error(r.error.message);
  };
  const someName = people[54_321].name;
  const cases: [string, unknown][] = [
    ['open the roster (first page)', {}],
    ['search a surname “张”', { q: '张' }],
    [`search a full name “${someName}”`, { q: someName }],
    ['search an ID prefix', { q: people[777].idNumber.slice(0, 12) }],
    ['filter role 普查员', { filters: { role: '普查员' } }],
    ['search “李” within 普查员', { q: '李', filters: { role: '普查员' } }],
  ];
  const results: BenchResult[] = [];
  // The floor: the bare SQL a searched list needs at least — count the matches, read one page.
  const count = b.db.prepare(`SELECT count(*) FROM people WHERE name LIKE ?`);
  const page = b.db.prepare(`SELECT * FROM people WHERE name LIKE ? ORDER BY person_code LIMIT 50`);
  const floor = await medianMs(15, () => [count.get('%张%'), page.all('%张%')]);
  for (const [name, input] of cases) {
    await list(input); // warm the statement cache
    const ms = await medianMs(15, () => list(input));
    results.push({
      name: `person.list at 100k: ${name}`,
      value: ms,
      unit: 'ms',
      floor,
      ratio: ms / floor,
      target: '≤ 50 ms',
      met: ms <= 50,
    });
  }
  b.close();
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
