// The common frame every exported sheet must have (reports.md): merged title in 黑体 16, the
// 填报单位 line, header labels (and the 甲乙丙/1 2 3 row on statistical tables), bordered 宋体 body
// with the column's number format, A4 print setup with header rows repeated and page numbers,
// and frozen panes under the header. Checked on the file as exceljs reads it back.
import { expect } from 'vitest';
import type ExcelJS from 'exceljs';
import { columnCodes, frameColumns, type SheetLayout } from '../../core/reports/layout';
import { numberFormat } from '../../core/reports/format';
import type { MoneyUnit } from '../../core/reports/doc';

export const colLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** Rows of the body: from under the header to the last row before 说明 / blocks / footer. */
export function bodyRows(ws: ExcelJS.Worksheet, layout: SheetLayout): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let r = layout.codeRow ? 5 : 4; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const first = String(row.getCell(1).value ?? '');
    if (first.startsWith('说明') || /：$/.test(first) || /(负责人|经办人)：/.test(first) || row.cellCount === 0) break;
    if (layout.columns.every((_c, i) => row.getCell(i + 1).value == null)) break;
    rows.push(row);
  }
  return rows;
}

export function checkFrame(
  wb: ExcelJS.Workbook,
  layout: SheetLayout,
  opts: { title: string; unit?: MoneyUnit; unitLine?: RegExp },
): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(layout.sheetName)!;
  expect(ws, `工作表 ${layout.sheetName}`).toBeTruthy();
  const headerEnd = layout.codeRow ? 4 : 3;

  expect(ws.getCell('A1').value).toBe(opts.title);
  expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16 });
  // A table printed several pages wide has its title over the first page's columns.
  expect(ws.model.merges).toContain(`A1:${colLetter(frameColumns(layout))}1`);
  expect(String(ws.getCell('A2').value)).toMatch(opts.unitLine ?? /^填报单位（盖章）：/);

  layout.columns.forEach((c, i) => {
    const cell = ws.getRow(3).getCell(i + 1);
    expect(cell.value).toBe(c.label);
    expect(cell.font).toMatchObject({ name: '宋体', bold: true });
    expect(cell.border?.top?.style).toBe('thin');
  });
  if (layout.codeRow)
    expect(layout.columns.map((_c, i) => ws.getRow(4).getCell(i + 1).value)).toEqual(columnCodes(layout.columns));

  const body = bodyRows(ws, layout);
  expect(body.length).toBeGreaterThan(0);
  for (const row of body.slice(0, 3)) {
    layout.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      expect(cell.font).toMatchObject({ name: '宋体', size: 10 });
      expect(cell.border?.left?.style).toBe('thin');
      expect(cell.numFmt ?? 'General', `${c.label} 的数字格式`).toBe(numberFormat(c.kind, c.unit ?? opts.unit ?? '元'));
    });
  }

  const setup = ws.pageSetup;
  expect(setup.paperSize).toBe(9);
  expect(setup.orientation).toBe(layout.orientation);
  expect(setup.fitToPage).toBe(true);
  expect(setup.fitToWidth).toBe(layout.pagesWide ?? 1);
  expect(setup.fitToHeight).toBe(0);
  expect(setup.horizontalCentered).toBe(true);
  expect(setup.printTitlesRow).toBe(`3:${headerEnd}`);
  // A table printed several pages wide repeats its first columns on each, pages across then down.
  if (layout.repeatColumns) {
    expect(setup.printTitlesColumn).toBe(`A:${colLetter(layout.repeatColumns)}`);
    expect(setup.pageOrder).toBe('overThenDown');
  }
  expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerEnd, xSplit: layout.freezeColumns });
  return ws;
}

/** Label column text and numeric values of a body row, by column key. */
export function rowValues(row: ExcelJS.Row, layout: SheetLayout): Record<string, unknown> {
  return Object.fromEntries(layout.columns.map((c, i) => [c.key, row.getCell(i + 1).value]));
}

/** Money cells hold 元 as numbers: compare sums in 分 so float noise cannot matter. */
export const fen = (v: unknown) => Math.round(Number(v ?? 0) * 100);
