// Issue 18 part 1: statements prepared once per connection. Three ways to do the reads of 20 000
// person.list + person.get pairs, in short slices of 2 000 pairs alternated slice by slice (the
// order rotating, so none always runs first or after the same one), best slice of each scaled to
// 20 000, the spread of the slices printed: on this shared machine a 20k round took 5.6–19.3 s
// for the same work, and a slice of a second or so catches quiet moments for every side alike.
//   - through dispatch, as the UI asks (every prepare() served by the connection's statement cache);
//   - the same SQL and parameters, calling the connection's prepare() for every read (the cache's
//     own cost);
//   - the floor: the same reads through four statements prepared once by hand.
// Memory: the process's RSS after each round of pairs against before the first (preparing per call
// grew it ~93 KB a pair, +1.8 GB per 20k: test/backend/memoryGrowth.test.ts).
import type { Statement } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../backend/app';
import { syntheticPeople } from '../../backend/demo/synthetic';
import { identityFromId, personCreate } from '../../core/schemas/personnel';
import { insertPeople, type NewPersonRow } from '../../db/entities/personnel';
import { bounded, versus, type BenchResult } from './types';

const PEOPLE = 500;
const PAGE_SIZE = 50;
const PAGES = PEOPLE / PAGE_SIZE;
const PAIRS = 20_000;
/** Pairs per timed slice, and slices per side (SLICE × SLICES = PAIRS). */
const SLICE = 2_000;
const SLICES = PAIRS / SLICE;
/** The cache's own cost on top of statements kept by hand (measured ~1.1×). */
const MAX_CACHE_RATIO = 1.5;
/** Dispatch, validation and row conversion on top of the bare reads (measured 2.5–3×). */
const MAX_DISPATCH_RATIO = 4;
/** Memory stays flat (issue 18); measured +13 to +33 MB, mostly the JS heap settling. */
const MAX_GROWTH_MB = 50;

const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

function seeded(dir: string): { b: Backend; ids: number[] } {
  const b = openBackend(join(dir, 'statements.db'), { backupDir: join(dir, 'backups') });
  const rows = syntheticPeople(PEOPLE).map((raw) => {
    const p = personCreate.parse(raw);
    return { ...p, ...identityFromId(p.idNumber), personCode: p.personCode!, roles: p.roles } as NewPersonRow;
  });
  const ids = b.db.transaction(() => insertPeople(b.db, rows))();
  return { b, ids };
}

/** n pairs through dispatch, as the UI sends them: a page of the roster, then one person. */
async function product(b: Backend, ids: number[], n: number) {
  for (let i = 0; i < n; i++) {
    const list = await b.dispatch('person.list', { page: 1 + (i % PAGES), pageSize: PAGE_SIZE }, admin);
    if (!list.ok) throw new Error(list.error.message);
    const one = await b.dispatch('person.get', { id: ids[i % ids.length] }, admin);
    if (!one.ok) throw new Error(one.error.message);
  }
}

const READS = [
  'SELECT count(*) AS n FROM people_search_view',
  'SELECT * FROM people_search_view ORDER BY person_code LIMIT ? OFFSET ?',
  'SELECT * FROM people_view WHERE id IN (SELECT value FROM json_each(?))',
  'SELECT * FROM people_view WHERE id = ?',
] as const;

/**
 * The reads person.list and person.get make for these inputs (the same SQL, the same parameters),
 * with no dispatch, validation or row conversion. `prepare` is called for every read when
 * `perCall`, otherwise once up front.
 */
function reads(prepare: (sql: string) => Statement<unknown[]>, ids: number[], perCall: boolean) {
  const once = READS.map(prepare);
  const stmt = perCall ? (i: number) => prepare(READS[i]) : (i: number) => once[i];
  return (n: number) => {
    for (let i = 0; i < n; i++) {
      stmt(0).get();
      const rows = stmt(1).all(PAGE_SIZE, (i % PAGES) * PAGE_SIZE) as { id: number }[];
      stmt(2).all(JSON.stringify(rows.map((r) => r.id)));
      stmt(3).get(ids[i % ids.length]);
    }
  };
}

const timed = (fn: () => unknown) => async () => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

export async function statementsBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-bench-'));
  const { b, ids } = seeded(dir);
  try {
    // The floor's statements are prepared past the connection's cache: once, and kept by their user.
    const bare = Object.getPrototypeOf(b.db) as typeof b.db;
    const floor = reads((sql) => bare.prepare.call(b.db, sql), ids, false);
    const cached = reads((sql) => b.db.prepare(sql), ids, true);
    const sides = {
      dispatch: () => product(b, ids, SLICE),
      cached: () => cached(SLICE),
      floor: () => floor(SLICE),
    };
    // Warm all three (JIT, page cache, the cached statements themselves) before the baseline.
    await product(b, ids, 1_000);
    cached(1_000);
    floor(1_000);
    const before = rssMb();
    const growth: number[] = [];
    const runs = { dispatch: [] as number[], cached: [] as number[], floor: [] as number[] };
    const order = ['dispatch', 'cached', 'floor'] as const;
    for (let i = 0; i < SLICES; i++) {
      for (let k = 0; k < order.length; k++) {
        const side = order[(i + k) % order.length];
        // Scaled to the 20k pairs the goal speaks of.
        runs[side].push((await timed(sides[side])()) * SLICES);
        if (side === 'dispatch') growth.push(rssMb() - before);
      }
    }
    return [
      {
        ...versus(
          `20k list + get reads, each through prepare() (statement cache); best ${SLICE}-pair slice of ${SLICES} × ${SLICES}`,
          { runs: runs.cached, floorRuns: runs.floor },
          { maxRatio: MAX_CACHE_RATIO },
        ),
        note: 'floor: the same SQL and parameters through four statements prepared once by hand',
      },
      {
        ...versus(
          `20k person.list + person.get through dispatch; best ${SLICE}-pair slice of ${SLICES} × ${SLICES}`,
          { runs: runs.dispatch, floorRuns: runs.floor },
          { maxRatio: MAX_DISPATCH_RATIO },
        ),
        note: 'beyond the reads: input parsing, the output check against the contract, row conversion, insurance validity',
      },
      {
        ...bounded(`RSS growth over 20k person.list + person.get (in ${SLICES} slices)`, growth, MAX_GROWTH_MB, {
          unit: 'MB',
          pick: 'worst',
        }),
        note: 'RSS after each dispatch slice against before the first (after 1 000 warm-up pairs), the worst; a statement prepared per call grew it ~93 KB a pair',
      },
    ];
  } finally {
    b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
