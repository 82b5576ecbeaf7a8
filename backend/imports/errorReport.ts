// The error rows as a workbook the clerk can fix and import again: the sheet's header rows, each
// refused row as it was (its cells that are wrong shaded), and a 错误原因 column with the reasons.
import ExcelJS from 'exceljs';
import { shownCell } from '../../core/imports/cells';
import { PassThrough } from 'node:stream';
import { columnLetter } from '../../core/imports/columns';
import type { ImportField } from '../../core/imports/types';
import type { Checked } from './store';
import { rowErrors } from './view';

const WRONG = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;

/** `花名册.xlsx` → `花名册-错误行.xlsx`. */
export const errorFileName = (fileName: string) =>
  `${fileName.replace(/\.(xlsx|xls|csv|txt|html?)$/i, '')}-错误行.xlsx`;

export async function errorWorkbook(
  checked: Checked,
  fields: readonly ImportField[],
): Promise<{ bytes: Buffer; rowCount: number }> {
  const { layout, validated } = checked;
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(layout.sheet.name.slice(0, 31) || '错误行');
  const width = layout.width;
  const reasonCol = width + 1;
  const typeOf = new Map(
    Object.entries(layout.mapping).map(([letter, key]) => [letter, fields.find((f) => f.key === key)?.type]),
  );
  ws.columns = Array.from({ length: width + 2 }, (_, c) => {
    const type = typeOf.get(columnLetter(c));
    // Codes as text, so a corrected ID is not turned into a number again.
    return {
      width: c === width ? 60 : 14,
      style: type === 'code' ? { numFmt: '@' } : type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    };
  });

  const { first, last } = layout.header;
  const headerRows = [];
  for (let r = first; r <= last; r++) {
    const cells = Array.from({ length: width }, (_, c) => shownCell(layout.sheet.rows[r]?.[c] ?? null));
    const row = ws.addRow(r === last ? [...cells, '错误原因', '原行号'] : cells);
    row.font = { bold: true };
    headerRows.push(row);
  }
  // Grouped headers keep their merges; a merge needs its rows not yet written out.
  for (const m of layout.sheet.merges) {
    if (m.s.r >= first && m.e.r <= last) ws.mergeCells(m.s.r - first + 1, m.s.c + 1, m.e.r - first + 1, m.e.c + 1);
  }
  for (const row of headerRows) row.commit();

  const errors = rowErrors(layout, validated.rows);
  const byRow = new Map<number, typeof errors>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  let written = 0;
  for (const [rowNumber, list] of byRow) {
    // Up to 100,000 refused rows: other requests are answered in between (it held them ~2.4 s).
    if (++written % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    const cells = Array.from({ length: width }, (_, c) => shownCell(layout.sheet.rows[rowNumber - 1]?.[c] ?? null));
    const reasons = list.map((e) => (e.header ? `${e.header}：${e.message}` : e.message));
    const row = ws.addRow([...cells, [...new Set(reasons)].join('；'), rowNumber]);
    for (const e of list) if (e.column) row.getCell(e.column).fill = WRONG;
    row.getCell(reasonCol).alignment = { wrapText: true };
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return { bytes: Buffer.concat(chunks), rowCount: byRow.size };
}
