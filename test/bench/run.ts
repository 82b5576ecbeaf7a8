// `npm run bench [area…]`: every area's benchmarks (or the ones named), each figure with its floor
// from the same run. Prints each area's figures as they come and ONE table at the end; exits 0
// whatever the figures (they are reported, not asserted). A new area: one line in `benches`.
// Each area runs in a fresh process of its own: one area's heap, workers and caches would
// otherwise weigh on the next (the roster's first page at 100k took 6.8 ms after eight areas in one
// process, 1.1 ms alone, with the product unchanged).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchResult } from './types';
import { printTable } from './table';
import { peopleBench } from './people';
import { reportsBench } from './reports';
import { importsBench } from './imports';
import { uiBench } from './ui';
import { downloadBench } from './download';

const benches: [string, Bench][] = [
  ['people', peopleBench],
  ['reports', reportsBench],
  ['imports', importsBench],
  ['ui', uiBench],
  ['download', downloadBench],
  ['latency', async () => (await import('./latency')).latencyBench()],
  ['startup', async () => (await import('./startup')).startupBench()],
  ['statements', async () => (await import('./statements')).statementsBench()],
  ['scaling', async () => (await import('./scaling')).scalingBench()],
  ['intake', async () => (await import('./intake')).intakeBench()],
  ['encryption', async () => (await import('./encryption')).encryptionBench()],
  ['reimport', async () => (await import('./reimport')).reimportBench()],
  ['hostile', async () => (await import('./hostile')).hostileBench()],
];

/** Set in an area's own process: where it writes its results for the parent. */
const RESULTS_FILE = process.env.BENCH_AREA_RESULTS;

function print(r: BenchResult) {
  const floor = r.floor === undefined ? '' : `  floor ${r.floor.toFixed(1)} ${r.unit}  ratio ${r.ratio!.toFixed(2)}×`;
  console.log(`  ${r.met ? 'met ' : 'MISS'}  ${r.name}: ${r.value.toFixed(1)} ${r.unit}${floor}  (${r.target})`);
}

/** One area in this process (the child's part). */
async function runArea(name: string): Promise<BenchResult[]> {
  const bench = benches.find(([n]) => n === name)?.[1];
  if (!bench) throw new Error(`no bench area “${name}”`);
  const results: BenchResult[] = [];
  try {
    for (const r of await bench()) {
      results.push(r);
      print(r);
    }
  } catch (e) {
    // One area failing leaves the others' figures standing; the table says which failed.
    console.error(e);
    results.push({ name: `${name}: failed — ${(e as Error).message}`, value: NaN, unit: '', target: '', met: false });
  }
  return results;
}

/** One area in a fresh process; its figures come back as JSON (NaN as null). */
function runAreaProcess(name: string, dir: string): BenchResult[] {
  const file = join(dir, `${name}.json`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), name], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_AREA_RESULTS: file },
  });
  try {
    const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResult[];
    return results.map((r) => ({ ...r, value: r.value ?? NaN }));
  } catch {
    const why = child.error?.message ?? `exit ${String(child.status ?? child.signal)}`;
    return [
      {
        name: `${name}: failed — its process ended without figures (${why})`,
        value: NaN,
        unit: '',
        target: '',
        met: false,
      },
    ];
  }
}

const only = process.argv.slice(2);
if (RESULTS_FILE) {
  writeFileSync(RESULTS_FILE, JSON.stringify(await runArea(only[0])));
  // Workers and servers an area left behind must not keep its process (and the parent) waiting.
  process.exit(0);
}
const unknown = only.filter((n) => !benches.some(([name]) => name === n));
if (unknown.length) throw new Error(`no bench area ${unknown.join(', ')}; areas: ${benches.map(([n]) => n).join(' ')}`);
const dir = mkdtempSync(join(tmpdir(), 'censusdesk-bench-'));
const results: BenchResult[] = [];
try {
  for (const [name] of benches) {
    if (only.length && !only.includes(name)) continue;
    console.log(`— ${name}`);
    results.push(...runAreaProcess(name, dir));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
printTable(results);
