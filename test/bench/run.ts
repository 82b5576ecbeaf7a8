// `npm run bench [area…]`: every area's benchmarks (or the ones named), each figure with its floor
// from the same run. Prints each area's figures as they come and ONE table at the end; exits 0
// whatever the figures (they are reported, not asserted). A new area: one line in `benches`.
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

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const [name, bench] of benches) {
  if (only.length && !only.includes(name)) continue;
  console.log(`— ${name}`);
  try {
    for (const r of await bench()) {
      results.push(r);
      const floor =
        r.floor === undefined ? '' : `  floor ${r.floor.toFixed(1)} ${r.unit}  ratio ${r.ratio!.toFixed(2)}×`;
      console.log(`  ${r.met ? 'met ' : 'MISS'}  ${r.name}: ${r.value.toFixed(1)} ${r.unit}${floor}  (${r.target})`);
    }
  } catch (e) {
    // One area failing leaves the others' figures standing; the table says which failed.
    console.error(e);
    results.push({ name: `${name}: failed — ${(e as Error).message}`, value: NaN, unit: '', target: '', met: false });
  }
}
printTable(results);
