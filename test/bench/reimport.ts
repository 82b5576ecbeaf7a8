// `npm run bench -- reimport`: issue 18's re-import figures on their own — the commit of 2k, 10k
// and 20k updated people against a bare UPDATE and against the same work with its audit rows
// (importUpdates.ts), and the p99 of small requests during a 20k re-import's commit against the
// idle p99 in the same run (importLatency.ts). Only this area runs them (`imports` times first imports);
// both share one template county per size (importUpdates.ts `template`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importUpdatesBench } from './importUpdates';
import { importLatencyBench } from './importLatency';
import type { BenchResult } from './types';

export async function reimportBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reimport-'));
  try {
    const latency = process.env.BENCH_REIMPORT_ONLY === 'ratio' ? [] : await importLatencyBench(dir);
    const ratio = process.env.BENCH_REIMPORT_ONLY === 'latency' ? [] : await importUpdatesBench(dir);
    return [...latency, ...ratio];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
