// Where each recorded figure sits in the file the app wrote: the writer lays the rows out from
// monthlyDocs (figure rows in order, the 无 row where a sheet has none of its own) under the header
// rows of sheetRows, columns in layout order. Derived from that same code, never from a copy.
import {
  MONTHLY_SHEET_KEYS,
  MONTHLY_SHEETS,
  monthlyDocs,
  type MonthlyFigures,
  type MonthlyFrame,
  type MonthlySheetKey,
} from '../monthly';
import { firstBodyRow } from '../sheetRows';

/** Per sheet: the row number each figure row was written at (same order as figures.sheets[key]). */
export type RecordedRows = Record<MonthlySheetKey, number[]>;

export function recordedRows(figures: MonthlyFigures, frame: MonthlyFrame): RecordedRows {
  const docs = monthlyDocs(figures, frame);
  const out = {} as RecordedRows;
  MONTHLY_SHEET_KEYS.forEach((key, i) => {
    const first = firstBodyRow(MONTHLY_SHEETS[key].layout);
    const rows: number[] = [];
    docs[i].rows.forEach((row, j) => {
      if (row.kind !== 'empty') rows.push(first + j);
    });
    out[key] = rows;
  });
  return out;
}
