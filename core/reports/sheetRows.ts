// Where the parts of a table sheet sit (1-based rows), for the writer that puts them there and for
// the checks that name a figure's cell (核对): title, the 填报单位 line, the header, the 甲乙丙/1 2 3
// row of a statistical table, then the body. Columns follow the layout's order from column A.
import type { SheetLayout } from './layout';
import { columnName } from './readTable';

export const TITLE_ROW = 1;
export const UNIT_ROW = 2;
export const HEADER_ROW = 3;

/** The last header row: the code row of a statistical table, else the header itself. */
export const lastHeaderRow = (layout: SheetLayout): number => (layout.codeRow ? HEADER_ROW + 1 : HEADER_ROW);

/** The row of the body's first line. */
export const firstBodyRow = (layout: SheetLayout): number => lastHeaderRow(layout) + 1;

/** The letter of a layout column as written. */
export const layoutColumnLetter = (index: number): string => columnName(index);

/** `A7:Q7` — a whole body row of a layout. */
export const rowRange = (layout: SheetLayout, row: number): string =>
  `A${row}:${columnName(layout.columns.length - 1)}${row}`;
