// Issue 18: memory stays flat while a clerk browses. 20 000 person.list + person.get pairs through
// dispatch on a workspace of 300 people must not grow the process by more than GROWTH_LIMIT_MB.
//
// Measured with this test on the 2-core dev machine (RSS after 500 warm-up pairs → after 20 000):
//   before (a statement prepared on every call, never reused): +1 820 MB (~93 KB a pair, outside
//     the JS heap); with the check below it fails at 2 000 pairs, +181 MB, in ~3 s;
//   after (statements cached per connection, db/statementCache.ts): +13.5 MB.
// The check runs every 2 000 pairs so the old behaviour fails in seconds, not after a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPeople } from '../../backend/demo/synthetic';
import { identityFromId, personCreate } from '../../core/schemas/personnel';
import { insertPeople, type NewPersonRow } from '../../db/entities/personnel';
import { statementCacheStats } from '../../db/statementCache';
import { adminCtx, tempBackend, type TestBackend } from '../helpers/backend';

const PAIRS = 20_000;
const GROWTH_LIMIT_MB = 100;
const CHECK_EVERY = 2_000;

let b: TestBackend;
let ids: number[];
const people = syntheticPeople(300);

beforeAll(() => {
  b = tempBackend();
  const rows = people.map((raw) => {
    const p = personCreate.parse(raw);
    return { ...p, ...identityFromId(p.idNumber), personCode: p.personCode!, roles: p.roles } as NewPersonRow;
  });
  ids = b.db.transaction(() => insertPeople(b.db, rows))();
});
afterAll(() => b.dispose());

/** What a clerk does on the roster: pages, a name search, a code prefix, a role filter, a sort. */
const lists: unknown[] = [
  ...[1, 2, 3, 4, 5].map((page) => ({ page })),
  { q: people[7].name.slice(0, 1) },
  { q: people[42].name },
  { q: people[99].personCode.slice(0, 8) },
  { filters: { role: '普查员' }, page: 2 },
  { sort: { field: 'name', dir: 'desc' } },
].map((input) => ({ pageSize: 20, ...input }));

async function pair(i: number) {
  const list = await b.dispatch('person.list', lists[i % lists.length], adminCtx);
  if (!list.ok) throw new Error(list.error.message);
  const one = await b.dispatch('person.get', { id: ids[i % ids.length] }, adminCtx);
  if (!one.ok) throw new Error(one.error.message);
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

describe('memory while browsing the roster', () => {
  it(`grows the process by less than ${GROWTH_LIMIT_MB} MB over ${PAIRS} person.list + person.get pairs`, async () => {
    // Warm up (JIT, SQLite page cache, the statements themselves) before the baseline.
    for (let i = 0; i < 500; i++) await pair(i);
    const start = rssMb();
    for (let i = 1; i <= PAIRS; i++) {
      await pair(i);
      if (i % CHECK_EVERY === 0) {
        const growth = rssMb() - start;
        expect(growth, `RSS grew ${growth.toFixed(0)} MB after ${i} pairs`).toBeLessThan(GROWTH_LIMIT_MB);
      }
    }
    console.log(`RSS growth over ${PAIRS} pairs: ${(rssMb() - start).toFixed(1)} MB`);
    // A handful of statements serve every call: the cache did not fill with one per call.
    expect(statementCacheStats(b.db)!.prepared).toBeLessThan(50);
  }, 120_000);
});
