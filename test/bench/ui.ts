import type { BenchResult } from './types';

/** Filled in by the ui work (see the issue); no figures yet. */
export async function uiBench(): Promise<BenchResult[]> {
  return [];
}
