import type { BenchResult } from './types';

/** Filled in by the reports work (see the issue); no figures yet. */
export async function reportsBench(): Promise<BenchResult[]> {
  return [];
}
