// A table's body rows written straight into the sheet's XML: the very bytes exceljs's streaming
// writer writes for a row of plain values (text, number, empty) with one style per cell, without
// the Row and Cell objects, their style copies and models it builds per cell on the way. On a 20k-row
// roster those were most of the export's time and garbage (docs/performance.md, R1 export). A row
// it cannot write so (merged cells, a value of another type, the sheet not in the state it expects,
// say after an exceljs upgrade) goes the ordinary way; the tests compare both ways byte for byte.
import type ExcelJS from 'exceljs';
import excelUtils from 'exceljs/lib/utils/utils.js';
import type { CellValue } from '../../../core/reports/doc';

/** The parts of exceljs 4.4's WorksheetWriter this relies on. */
interface SheetInternals {
  _rows?: unknown[];
  _rowZero?: number;
  startedData?: boolean;
  stream?: { write(chunk: string): unknown };
  _workbook?: { styles?: { addStyleModel?: (style: object, cellType?: number) => number } };
}

// exceljs's Enums.ValueType.
const NULL = 0;
const NUMBER = 2;
const STRING = 3;

/** 1 → A, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const { xmlEncode } = excelUtils;

export interface BodyRowWriter {
  /**
   * Writes row r (its cells from column A on, each with its style object) and returns true, or
   * returns false having written nothing: the caller then writes it through exceljs.
   */
  write(r: number, values: readonly CellValue[], styles: readonly Partial<ExcelJS.Style>[], height?: number): boolean;
}

export function bodyRowWriter(ws: ExcelJS.Worksheet): BodyRowWriter {
  const sheet = ws as unknown as SheetInternals;
  const styles = sheet._workbook?.styles;
  const letters: string[] = [];
  // exceljs remembers a style object's id after its first cell (a WeakMap): so does this, keyed alike.
  const ids = new Map<object, number>();
  let rowStyle: number | undefined;
  const styleId = (style: object, type: number) => {
    let id = ids.get(style);
    if (id === undefined) {
      id = styles!.addStyleModel!(style, type);
      ids.set(style, id);
    }
    return id;
  };
  return {
    write(r, values, cellStyles, height) {
      if (
        !styles?.addStyleModel ||
        !sheet.startedData ||
        !sheet.stream ||
        sheet._rows?.length !== 0 ||
        sheet._rowZero !== r
      )
        return false;
      let any = false;
      for (const v of values) {
        if (v === null) continue;
        if (typeof v !== 'string' && typeof v !== 'number') return false;
        any = true;
      }
      sheet._rowZero = r + 1;
      // exceljs leaves out a row with neither a value nor a height.
      if (!any && !height) return true;
      // The row's own style: a fresh {} per row in exceljs, registered by the first and the same id after.
      rowStyle ??= styles.addStyleModel({});
      let xml = `<row r="${r}"`;
      if (height) xml += ` ht="${xmlEncode(String(height))}" customHeight="1"`;
      if (values.length) xml += ` spans="1:${values.length}"`;
      if (rowStyle) xml += ` s="${rowStyle}" customFormat="1"`;
      xml += ' x14ac:dyDescent="0.25">';
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const type = v === null ? NULL : typeof v === 'number' ? NUMBER : STRING;
        const s = styleId(cellStyles[i] ?? {}, type);
        if (v === null && !s) continue;
        const col = (letters[i] ??= colLetter(i + 1));
        xml += `<c r="${col}${r}"`;
        if (s) xml += ` s="${s}"`;
        if (v === null) xml += '/>';
        else if (type === NUMBER) xml += `><v>${xmlEncode(String(v))}</v></c>`;
        else xml += ` t="str"><v>${xmlEncode(v as string)}</v></c>`;
      }
      sheet.stream.write(`${xml}</row>`);
      return true;
    },
  };
}
