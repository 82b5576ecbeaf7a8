import type { BenchResult } from './types';

/** Filled in by the imports work (see the issue); no figures yet. */
export async function importsBench(): Promise<BenchResult[]> {
  return [];
}
