// `npm run bench`: every area's benchmarks, each figure with its floor from the same run.
// Prints a table; exits 0 whatever the figures (they are reported, not asserted).
import type { Bench, BenchResult } from './types';
import { peopleBench } from './people';
import { reportsBench } from './reports';
import { importsBench } from './imports';
import { uiBench } from './ui';

const benches: [string, Bench][] = [
  ['people', peopleBench],
  ['reports', reportsBench],
  ['imports', importsBench],
  ['ui', uiBench],
  ['statements', async () => (await import('./statements')).statementsBench()],
];

const only = process.argv[2];
const results: BenchResult[] = [];
for (const [name, bench] of benches) {
  if (only && only !== name) continue;
  console.log(`— ${name}`);
  for (const r of await bench()) {
    results.push(r);
    const floor = r.floor === undefined ? '' : `  floor ${r.floor.toFixed(1)} ${r.unit}  ratio ${r.ratio!.toFixed(2)}×`;
    console.log(
      `  ${r.met ? 'met ' : 'MISS'}  ${r.name}: ${r.value.toFixed(1)} ${r.unit}${floor}  (target ${r.target})`,
    );
  }
}
console.log(`${results.filter((r) => r.met).length} of ${results.length} targets met`);
