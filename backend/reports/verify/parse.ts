// Parsing an uploaded workbook for 核对, in one function with plain-data output (it can move to a
// parse worker as it is): every sheet as a grid of raw values, and the cells that hold no value the
// app can read — a formula saved without its result, an error value (#REF!). SheetJS reads .xlsx,
// .xls and .ods, and what Excel, WPS and LibreOffice save.
import * as XLSX from '@e965/xlsx';
import type { Grid } from '../../../core/reports/readTable';
import { UserError } from '../../../db/errors';

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

export function parseWorkbook(bytes: Uint8Array): ParsedWorkbook {
  let wb: XLSX.WorkBook;
  try {
    // sheetStubs keeps a formula saved without its result (SheetJS drops such a cell otherwise).
    wb = XLSX.read(bytes, {
      type: 'buffer',
      cellDates: false,
      cellStyles: false,
      cellHTML: false,
      cellFormula: true,
      sheetStubs: true,
    });
  } catch {
    throw new UserError('UNREADABLE', '无法读取该文件：不是有效的 Excel 工作簿');
  }
  const grids: Record<string, Grid> = {};
  const unreadable: UnreadableCell[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const grid = XLSX.utils.sheet_to_json<Grid[number]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
    const origin = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).s : { r: 0, c: 0 };
    for (const [address, cell] of Object.entries(ws)) {
      if (address.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      const noResult = c.f !== undefined && (c.v === undefined || c.t === 'z');
      if (!noResult && c.t !== 'e') continue;
      unreadable.push({
        sheet: name,
        cell: address,
        reason: noResult ? 'formula' : 'error',
        text: noResult ? `=${c.f}` : String(c.w ?? XLSX.utils.format_cell(c)),
      });
      // The grid shows nothing there: a reader must not take it for an empty or a number cell.
      const at = XLSX.utils.decode_cell(address);
      const row = grid[at.r - origin.r];
      if (row && at.c - origin.c >= 0) row[at.c - origin.c] = null;
    }
    // sheet_to_json starts at the sheet's used range; pad so that grid[r][c] is row r+1, column c+1.
    for (let r = 0; r < origin.r; r++) grid.unshift([]);
    if (origin.c > 0) for (const row of grid.slice(origin.r)) row.unshift(...new Array<null>(origin.c).fill(null));
    grids[name] = grid;
  }
  return { sheetNames: [...wb.SheetNames], grids, unreadable };
}
