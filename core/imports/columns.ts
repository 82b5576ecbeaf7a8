// Spreadsheet column letters: what clerks see in Excel, and how the API names columns.

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26; -1 for anything that is not a column letter. */
export function columnIndex(letter: string): number {
  if (!/^[A-Z]{1,3}$/.test(letter)) return -1;
  let n = 0;
  for (const c of letter) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}
