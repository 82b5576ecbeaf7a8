// The one table `npm run bench` prints at the end: case, product, floor, ratio, goal, verdict and
// the spread of the runs (min–max, product / floor), then the notes of the cases that have one.
import type { BenchResult } from './types';

/** Terminal columns of a string: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

const pad = (s: string, n: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
};

/** Figures to three significant places, no more: the runs differ by more than that. */
function fig(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : x.toFixed(2);
}

const span = (xs?: number[]) =>
  xs && xs.length > 1 ? `${fig(Math.min(...xs))}–${fig(Math.max(...xs))} (${xs.length})` : '';

export function printTable(results: BenchResult[]): void {
  const head = ['case', 'product', 'floor', 'ratio', 'goal', 'verdict', 'spread: product / floor'];
  const rows = results.map((r) => [
    r.name,
    `${fig(r.value)} ${r.unit}`,
    r.floor === undefined ? '—' : `${fig(r.floor)} ${r.unit}`,
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.met ? 'met' : 'MISS',
    [span(r.runs), span(r.floorRuns)].filter(Boolean).join(' / '),
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]))));
  const right = [false, true, true, true, false, false, false];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], right[i]))
      .join('  ')
      .trimEnd();
  console.log('');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(`${results.filter((r) => r.met).length} of ${results.length} goals met`);
  const notes = results.filter((r) => r.note);
  if (notes.length) console.log('');
  for (const r of notes) console.log(`* ${r.name}: ${r.note}`);
}
