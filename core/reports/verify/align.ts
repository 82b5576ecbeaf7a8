// Pairs the rows recorded with the rows of a file, so a deleted or inserted row is named as such
// rather than shifting every row below it into a "changed" cell: the longest common run of row keys
// is matched, and inside each gap between matches a recorded row and a file row at the same place
// are taken as the same row, edited.
export type Pair =
  { before: number; after: number } | { before: number; after: null } | { before: null; after: number };

export function alignRows(before: readonly string[], after: readonly string[]): Pair[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: the longest common subsequence of before[i..] and after[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);

  const pairs: Pair[] = [];
  let gapBefore: number[] = [];
  let gapAfter: number[] = [];
  const flush = () => {
    const k = gapBefore.length === gapAfter.length ? gapBefore.length : 0;
    for (let x = 0; x < k; x++) pairs.push({ before: gapBefore[x], after: gapAfter[x] });
    for (const b of gapBefore.slice(k)) pairs.push({ before: b, after: null });
    for (const a of gapAfter.slice(k)) pairs.push({ before: null, after: a });
    gapBefore = [];
    gapAfter = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      flush();
      pairs.push({ before: i++, after: j++ });
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) gapBefore.push(i++);
    else gapAfter.push(j++);
  }
  flush();
  return pairs;
}
