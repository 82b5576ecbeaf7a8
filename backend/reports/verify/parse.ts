// Parsing an uploaded workbook for 核对, the one place that touches its bytes: through the import's
// bounded parse (backend/imports/parse.ts: measured before anything is inflated, then read in a
// worker under a heap and a time limit), so a hostile file is refused by name and never blocks
// the backend. Out: every sheet as a grid of raw values, and the cells that hold no value the app
// can read — a formula saved without its result, an error value (#REF!) — which the worker marks.
import type { Grid } from '../../../core/reports/readTable';
import { UserError } from '../../../db/errors';
import { parseWorkbookBounded } from '../../imports/parse';

export interface UnreadableCell {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** Why: 'formula' (no stored result) or 'error' (an error value such as #REF!). */
  reason: 'formula' | 'error';
  /** The formula, or the error text. */
  text: string;
}

export interface ParsedWorkbook {
  /** In the workbook's order, hidden sheets included. */
  sheetNames: string[];
  grids: Record<string, Grid>;
  unreadable: UnreadableCell[];
}

// The worker's mark for a cell without a faithful value (core/imports/cells.ts reads the same).
// eslint-disable-next-line no-control-regex -- the mark is a NUL on purpose: no cell can hold one
const FAULT = /^\u0000([EF]):([A-Z]+\d+):(.*)$/s;

/** What the clerk is told when the bytes are no workbook at all (the import's own reasons kept). */
const NOT_A_WORKBOOK = new Set(['NOT_SPREADSHEET', 'FILE_DAMAGED', 'EMPTY_FILE', 'BAD_ENCODING']);

/** `fileName`: what the refusals call the file (intake names each file it takes in). */
export async function parseWorkbook(bytes: Uint8Array, fileName = '所选工作簿.xlsx'): Promise<ParsedWorkbook> {
  let sheets;
  try {
    sheets = await parseWorkbookBounded(bytes, { fileName });
  } catch (e) {
    if (e instanceof UserError && NOT_A_WORKBOOK.has(e.code))
      throw new UserError('UNREADABLE', `无法读取该文件：不是有效的 Excel 工作簿（${e.message}）`);
    throw e;
  }
  const grids: Record<string, Grid> = {};
  const unreadable: UnreadableCell[] = [];
  for (const sheet of sheets) {
    // A TRUE/FALSE cell is no figure of a report: kept as the text Excel shows.
    const grid: Grid = sheet.rows.map((row) => row.map((v) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v)));
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const m = typeof v === 'string' ? FAULT.exec(v) : null;
        if (!m) return;
        unreadable.push({
          sheet: sheet.name,
          cell: m[2],
          reason: m[1] === 'F' ? 'formula' : 'error',
          text: m[1] === 'F' ? `=${m[3]}` : m[3],
        });
        // The grid shows nothing there: a reader must not take it for an empty or a number cell.
        grid[r][c] = null;
      }),
    );
    grids[sheet.name] = grid;
  }
  return { sheetNames: sheets.map((s) => s.name), grids, unreadable };
}
