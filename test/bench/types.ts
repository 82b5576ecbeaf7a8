/** One benchmark figure: measured against a floor from the same run, or against an absolute target. */
export interface BenchResult {
  name: string;
  /** The measured figure (ms, MB, …): the best of the runs when there are several. */
  value: number;
  unit: string;
  /** The same work done the barest way, measured in the same run (alternated with the product). */
  floor?: number;
  /** value / floor, when there is a floor. */
  ratio?: number;
  /** The target, as words: '≤ 2× floor', '≤ 50 ms'. */
  target: string;
  met: boolean;
  /** Every run of the product, in the order taken: the table prints their spread. */
  runs?: number[];
  /** Every run of the floor, alternated with the product's. */
  floorRuns?: number[];
  /** Why a goal is missed or what the figure leaves out, printed under the table. */
  note?: string;
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

/** Wall time of one call, in ms. */
export async function timeMs(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Product and floor measured alternately — product, floor, product, floor… — after one untimed
 * run of each (JIT, statement compilation, worker start), so a busy moment on this shared machine
 * hits both alike. Each side returns its own time when it has set-up to leave out (a fresh
 * database), otherwise its wall time is taken.
 */
export async function alternate(
  n: number,
  product: () => unknown | Promise<unknown>,
  floor: () => unknown | Promise<unknown>,
  { warm = 1 }: { warm?: number } = {},
): Promise<{ runs: number[]; floorRuns: number[] }> {
  const one = async (fn: () => unknown | Promise<unknown>) => {
    const t0 = performance.now();
    const own = await fn();
    return typeof own === 'number' ? own : performance.now() - t0;
  };
  for (let i = 0; i < warm; i++) {
    await one(product);
    await one(floor);
  }
  const runs: number[] = [];
  const floorRuns: number[] = [];
  for (let i = 0; i < n; i++) {
    runs.push(await one(product));
    floorRuns.push(await one(floor));
  }
  return { runs, floorRuns };
}

/**
 * A figure against its floor, best of each: on a machine shared by several builds every slower
 * run is the same work plus time spent waiting for a core, which says nothing about either path.
 * Goal: a ratio (`maxRatio`) or an absolute bound on the product (`maxValue`), or both.
 */
export function versus(
  name: string,
  { runs, floorRuns }: { runs: number[]; floorRuns: number[] },
  goal: { maxRatio?: number; maxValue?: number },
  unit = 'ms',
): BenchResult {
  const value = Math.min(...runs);
  const floor = Math.min(...floorRuns);
  const ratio = value / floor;
  const parts: string[] = [];
  if (goal.maxValue !== undefined) parts.push(`≤ ${goal.maxValue} ${unit}`);
  if (goal.maxRatio !== undefined) parts.push(`≤ ${goal.maxRatio}× floor`);
  return {
    name,
    value,
    unit,
    floor,
    ratio,
    target: parts.join(' and '),
    met:
      (goal.maxRatio === undefined || ratio <= goal.maxRatio) &&
      (goal.maxValue === undefined || value <= goal.maxValue),
    runs,
    floorRuns,
  };
}

/** A figure with an absolute goal only (peak memory, a longest task): the worst or best as the case says. */
export function bounded(
  name: string,
  runs: number[],
  max: number,
  { unit = 'ms', pick = 'best' }: { unit?: string; pick?: 'best' | 'worst' | 'median' } = {},
): BenchResult {
  const sorted = [...runs].sort((a, b) => a - b);
  const value =
    pick === 'best' ? sorted[0] : pick === 'worst' ? sorted[sorted.length - 1] : sorted[Math.floor(sorted.length / 2)];
  return { name, value, unit, target: `≤ ${max} ${unit}`, met: value <= max, runs };
}
