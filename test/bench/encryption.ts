// Issue 15's bar for encryption at rest: people insert and list at 100k within 1.2× of the
// unencrypted store, in the same run. The product is a workspace opened with a key (ChaCha20, the
// app's own connection as openDatabase sets it up); its floor is the same work on a plain
// workspace — alternated run by run (types.ts), best of each, so a busy moment hits both alike.
// `npm run bench -- encryption`; docs/encryption.md §3 has the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openBackend, type Backend } from '../../backend/app';
import { syntheticPeople } from '../../backend/demo/synthetic';
import { insertPeople } from '../../db/entities/personnel';
import { OFFICE, insertMany } from '../reports/people20k';
import { validatedRows } from './people';
import { alternate, versus, type BenchResult } from './types';

const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };
const KEY = Buffer.alloc(32, 0x5a);
const INSERT_RUNS = 4;
const SEARCH_RUNS = 15;
const PAGE = 50;
const BAR = { maxRatio: 1.2 };

/** Options for a one-off measurement (docs/encryption.md §3): a page cache other than the app's. */
export interface EncryptionBenchOptions {
  cacheKb?: number;
}

function open(path: string, key: Buffer | null, opts: EncryptionBenchOptions): Backend {
  const b = openBackend(path, { key });
  if (opts.cacheKb) b.db.pragma(`cache_size = -${opts.cacheKb}`);
  return b;
}

async function insertBench(dir: string, opts: EncryptionBenchOptions): Promise<BenchResult[]> {
  const people = syntheticPeople(20_000);
  const rows = validatedRows(people);
  let n = 0;
  /** Each run on a fresh file, removed after; only the insert itself is timed. */
  const fresh = (key: Buffer | null, work: (db: Database) => void) => () => {
    const path = join(dir, `insert-${n++}.db`);
    const b = open(path, key, opts);
    const t0 = performance.now();
    work(b.db);
    const ms = performance.now() - t0;
    b.close();
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
    return ms;
  };
  const bulk = (db: Database) => db.transaction(() => insertPeople(db, rows))();
  const validated = (db: Database) => db.transaction(() => insertPeople(db, validatedRows(people)))();
  return [
    versus(
      'encrypted vs plain: insert 20k people, repository bulk insert',
      await alternate(INSERT_RUNS, fresh(KEY, bulk), fresh(null, bulk)),
      BAR,
    ),
    versus(
      'encrypted vs plain: insert 20k people, validation + derivation + insert',
      await alternate(INSERT_RUNS, fresh(KEY, validated), fresh(null, validated)),
      BAR,
    ),
  ];
}

async function searchBench(dir: string, opts: EncryptionBenchOptions): Promise<BenchResult[]> {
  const people = syntheticPeople(100_000);
  const rows = validatedRows(people);
  const [enc, plain] = [open(join(dir, 'enc.db'), KEY, opts), open(join(dir, 'plain.db'), null, opts)];
  try {
    for (const b of [enc, plain]) {
      b.db.transaction(() => insertPeople(b.db, rows))();
      b.db.pragma('optimize');
    }
    const list = (b: Backend, input: object) => async () => {
      const r = await b.dispatch('person.list', { ...input, pageSize: PAGE }, admin);
      if (!r.ok) throw new Error(r.error.message);
    };
    const someName = people[54_321].name;
    const idPrefix = people[777].idNumber.slice(0, 12);
    const cases: [string, object][] = [
      ['open the roster (first page)', {}],
      ['search a surname “张”', { q: '张' }],
      [`search a full name “${someName}”`, { q: someName }],
      ['search an ID prefix', { q: idPrefix }],
      ['filter role 普查员', { filters: { role: '普查员' } }],
      ['search “李” within 普查员', { q: '李', filters: { role: '普查员' } }],
    ];
    const results: BenchResult[] = [];
    for (const [name, input] of cases) {
      const sample = await alternate(SEARCH_RUNS, list(enc, input), list(plain, input), { warm: 2 });
      results.push(versus(`encrypted vs plain: person.list at 100k, ${name}`, sample, BAR));
    }
    return results;
  } finally {
    enc.close();
    plain.close();
  }
}

/**
 * Not the bar but its open question: the roster (R1) of 20k people exported in the report
 * worker, whose connection keeps a 2 MB page cache (backend/reports/worker.ts) and so decrypts the
 * pages it scans again and again.
 */
async function exportBench(dir: string): Promise<BenchResult[]> {
  const [enc, plain] = [openBackend(join(dir, 'r1-enc.db'), { key: KEY }), openBackend(join(dir, 'r1-plain.db'))];
  try {
    for (const b of [enc, plain]) {
      const r = await b.dispatch(
        'setup.init',
        { office: OFFICE, admin: { name: 'admin', password: 'demo1234' } },
        {
          operator: null,
        },
      );
      if (!r.ok) throw new Error(r.error.message);
      insertMany(b.db, 20_000);
    }
    const roster = (b: Backend) => async () => {
      const r = await b.dispatch('report.export', { reportId: 'R1' }, admin);
      if (!r.ok) throw new Error(r.error.message);
    };
    return [
      versus(
        'encrypted vs plain: 花名册 R1 export, 20k people (report worker)',
        await alternate(3, roster(enc), roster(plain)),
        BAR,
      ),
    ];
  } finally {
    enc.close();
    plain.close();
  }
}

export async function encryptionBench(opts: EncryptionBenchOptions = {}): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-bench-'));
  try {
    return [...(await insertBench(dir, opts)), ...(await searchBench(dir, opts)), ...(await exportBench(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
