// Findings in reading order: sheet by sheet as the workbook orders them (the workbook as a whole
// first), then by row and column of the cell each names.
import type { Finding } from '../../../core/reports/verify/types';

function position(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)/.exec(cell);
  if (!m) return [0, 0];
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

export function sortFindings(findings: Finding[], sheetNames: readonly string[]): Finding[] {
  const rank = (sheet: string) => (sheet ? sheetNames.indexOf(sheet) + 1 || sheetNames.length + 1 : 0);
  return findings
    .map((f, i) => ({ f, i, s: rank(f.sheet), p: position(f.cell) }))
    .sort((a, b) => a.s - b.s || a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.f);
}
