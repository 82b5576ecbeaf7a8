/** One benchmark figure: measured against a floor from the same run, or against an absolute target. */
export interface BenchResult {
  name: string;
  /** The measured figure (ms, MB, …). */
  value: number;
  unit: string;
  /** The same work done the barest way, measured in the same run. */
  floor?: number;
  /** value / floor, when there is a floor. */
  ratio?: number;
  /** The target, as words: '≤ 2× floor', '≤ 50 ms'. */
  target: string;
  met: boolean;
}

export type Bench = () => Promise<BenchResult[]>;

/** Median of n timed runs of fn, in ms. */
export async function medianMs(n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
