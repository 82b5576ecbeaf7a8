// The 合同跟踪表 as a sheet: A4 portrait form — title, header grid (two label/value pairs a row),
// the node table with its 合计, the 验收 block and the signature line. A form of a few dozen
// rows, so its label/value cells are merged like a header.
import type ExcelJS from 'exceljs';
import { TRACKING_ACCEPTANCE, TRACKING_GRID, TRACKING_LAYOUT, type TrackingDoc } from '../../../core/reports/tracking';
import type { TableFrame } from '../../../core/reports/doc';
import {
  FOOTER_STYLE,
  HEADER_STYLE,
  LABEL_STYLE,
  TITLE_STYLE,
  UNIT_STYLES,
  VALUE_STYLE,
  bodyStyle,
  heightFor,
  linesFor,
  SPAN_STYLE,
} from './styles';
import { cellValue, centreOnPage, printSetup } from './table';

type Sheet = ExcelJS.Worksheet;

/** Column spans (1-based, inclusive) of the grid: label | value | label | value over 11 columns. */
const GRID_SPANS: [number, number][] = [
  [1, 2],
  [3, 5],
  [6, 7],
  [8, 11],
];
const FULL: [number, number] = [1, 11];

const widthOf = (from: number, to: number) =>
  TRACKING_LAYOUT.columns.slice(from - 1, to).reduce((w, c) => w + c.width, 0);

function put(
  ws: Sheet,
  row: ExcelJS.Row,
  [from, to]: [number, number],
  value: string | null,
  style: Partial<ExcelJS.Style>,
) {
  row.getCell(from).value = value;
  row.getCell(from).style = style;
  for (let c = from + 1; c <= to; c++) row.getCell(c).style = { border: style.border };
  if (to > from) ws.mergeCells(row.number, from, row.number, to);
}

function line(ws: Sheet, r: number, text: string, style: Partial<ExcelJS.Style>, height: number) {
  const row = ws.getRow(r);
  put(ws, row, FULL, text, style);
  row.height = height;
  row.commit();
}

export function writeTrackingSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, doc: TrackingDoc): void {
  const layout = TRACKING_LAYOUT;
  const ws = wb.addWorksheet(layout.sheetName, printSetup('portrait', null));
  ws.columns = layout.columns.map((c) => ({ width: c.width }));
  centreOnPage(ws);
  line(ws, 1, doc.title, TITLE_STYLE, 32);
  const unit = ws.getRow(2);
  put(ws, unit, [1, 6], doc.unitLine.left, UNIT_STYLES.left);
  put(ws, unit, [7, 11], doc.unitLine.right, UNIT_STYLES.right);
  // 表号 and 制定机关, when the clerk's wording has them, add lines on the right.
  unit.height = heightFor(
    Math.max(linesFor(doc.unitLine.left, widthOf(1, 6)), linesFor(doc.unitLine.right, widthOf(7, 11))),
    20,
  );
  unit.commit();

  let r = 3;
  for (const [label1, key1, label2, key2] of TRACKING_GRID) {
    const row = ws.getRow(r++);
    const cells = [label1, doc.fields[key1] ?? '', label2, doc.fields[key2] ?? ''];
    GRID_SPANS.forEach((span, i) => put(ws, row, span, cells[i], i % 2 === 0 ? LABEL_STYLE : VALUE_STYLE));
    row.height = heightFor(Math.max(linesFor(cells[1], widthOf(3, 5)), linesFor(cells[3], widthOf(8, 11))), 24);
    row.commit();
  }

  const header = ws.getRow(r++);
  layout.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.label;
    header.getCell(i + 1).style = HEADER_STYLE;
  });
  header.height = 30;
  header.commit();
  const frame = { moneyUnit: '元' } as Pick<TableFrame, 'moneyUnit'>;
  for (const node of doc.nodes) {
    const row = ws.getRow(r++);
    let lines = 1;
    layout.columns.forEach((c, i) => {
      const v = node.cells[i] ?? null;
      row.getCell(i + 1).value = cellValue(c.kind, v);
      row.getCell(i + 1).style = bodyStyle(c.kind, frame.moneyUnit, node.kind);
      if (c.kind === 'text' && typeof v === 'string') lines = Math.max(lines, linesFor(v, c.width));
    });
    if (lines > 1) row.height = heightFor(lines);
    if (node.span) {
      row.getCell(node.span[0] + 1).style = SPAN_STYLE;
      ws.mergeCells(row.number, node.span[0] + 1, row.number, node.span[1] + 1);
    }
    row.commit();
  }

  for (const [label, key] of TRACKING_ACCEPTANCE) {
    const row = ws.getRow(r++);
    const text = doc.acceptance[key] ?? '';
    put(ws, row, [1, 2], label, LABEL_STYLE);
    put(ws, row, [3, 11], text, VALUE_STYLE);
    row.height = key === 'members' ? 48 : heightFor(linesFor(text, widthOf(3, 11)), 24);
    row.commit();
  }
  if (doc.signatures) line(ws, r + 1, doc.signatures, FOOTER_STYLE, 30);
  ws.commit();
}
