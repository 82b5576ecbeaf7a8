// The clipboard's tab-separated text, as Excel and WPS put a copied block on it (text/plain):
// cells split by \t, rows by \r\n (\n on a Mac, a lone \r from old tools), one line break after the
// last row, and a cell holding a line break, a tab or a leading quote wrapped in "…" with inner
// quotes doubled. Read leniently: a quote that does not close a cell is an ordinary character.

/** The rows of a pasted block, each a list of cells as text. Rows may differ in length (ragged). */
export type TsvBlock = string[][];

/**
 * Reads a block. The one line break after the last row is not an extra row; a blank line inside
 * the block is a row of one empty cell. An empty text is an empty block.
 */
export function parseTsv(text: string): TsvBlock {
  const rows: TsvBlock = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  if (n === 0) return rows;
  for (;;) {
    // At the start of a cell.
    const quoted = text[i] === '"' ? readQuoted(text, i) : null;
    let cell: string;
    if (quoted) {
      cell = quoted.value;
      i = quoted.end;
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      endRow();
      break;
    }
    const c = text[i];
    if (c === '\t') {
      i++;
      // A tab as the very last character still opens one more (empty) cell.
      if (i === n) {
        row.push('');
        endRow();
        break;
      }
      continue;
    }
    // A line break: \r\n, \n or \r.
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRow();
    if (i === n) break;
  }
  return rows;
}

/** A quoted cell starting at `start`, or null when its quote does not close right before a separator. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c !== '"') {
      value += c;
      i++;
      continue;
    }
    if (text[i + 1] === '"') {
      value += '"';
      i += 2;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined || next === '\t' || next === '\n' || next === '\r') return { value, end: i + 1 };
    return null;
  }
  return null;
}

/** The widest row's length. */
export function blockWidth(block: TsvBlock): number {
  return block.reduce((w, r) => Math.max(w, r.length), 0);
}

/** Whether a pasted text is more than one cell (one cell is left to the box it lands in). */
export function isBlock(block: TsvBlock): boolean {
  return block.length > 1 || blockWidth(block) > 1;
}

function quoteCell(cell: string): string {
  return /[\t\r\n]/.test(cell) || cell.startsWith('"') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes a block the way Excel copies one: \t between cells, \r\n after every row, quoted where needed. */
export function toTsv(block: TsvBlock): string {
  return block.map((r) => r.map(quoteCell).join('\t') + '\r\n').join('');
}
