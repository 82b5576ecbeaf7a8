// One table sheet in the common frame (reports.md): merged title, the 填报单位 line, the header
// (and the 甲乙丙/1 2 3 row on statistical tables), the body, 说明, text blocks and the signature
// line; A4 print setup with the header rows repeated, page numbers and frozen panes. Rows are
// committed as they come, so a 100k-row roster streams through in flat memory.
import type ExcelJS from 'exceljs';
import { columnCodes, frameColumns, type SheetLayout } from '../../../core/reports/layout';
import { lastHeaderRow } from '../../../core/reports/sheetRows';
import type { CellValue, DocRow, TableFrame } from '../../../core/reports/doc';
import { isValidIso, isoToExcelSerial } from '../../../core/dates';
import {
  BORDER,
  CODE_STYLE,
  FOOTER_STYLE,
  HEADER_STYLE,
  LABEL_STYLE,
  NOTE_STYLE,
  SPAN_STYLE,
  TITLE_STYLE,
  UNIT_STYLES,
  VALUE_STYLE,
  bodyStyle,
  heightFor,
  linesFor,
} from './styles';
import { bodyRowWriter, colLetter, type BodyRowWriter } from './bodyRows';

type Sheet = ExcelJS.Worksheet;
export type Progress = (rowsWritten: number) => void;

/**
 * Portrait or landscape A4, centred, 第 N 页 共 M 页 in the footer; one page wide, or as many as
 * the layout says with its first columns repeated on each and the pages ordered across then down
 * (a row's two halves print one after the other).
 */
export function printSetup(
  orientation: SheetLayout['orientation'],
  titleRows: string | null,
  wide: Pick<SheetLayout, 'pagesWide' | 'repeatColumns'> = {},
) {
  const pages = wide.pagesWide ?? 1;
  const repeat = pages > 1 && wide.repeatColumns ? wide.repeatColumns : 0;
  return {
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: pages,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.35 },
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
      ...(repeat ? { printTitlesColumn: `A:${colLetter(repeat)}`, pageOrder: 'overThenDown' } : {}),
    } as Partial<ExcelJS.PageSetup>,
    headerFooter: { oddFooter: '&C&"宋体,常规"&10第 &P 页 共 &N 页' } as Partial<ExcelJS.HeaderFooter>,
  };
}

/**
 * exceljs's streaming writer leaves out <printOptions>, so "centre horizontally" would be lost; it
 * goes in just before the page margins, where the sheet schema wants it.
 */
export function centreOnPage(ws: Sheet): void {
  const writer = ws as unknown as { _writePageMargins: () => void; _write: (xml: string) => void };
  const margins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    writer._write('<printOptions horizontalCentered="1"/>');
    margins();
  };
}

/** Splits n (≥ 3) columns into the three parts of row 2: left, centre, right. */
function thirds(n: number): [number, number][] {
  if (n < 3) throw new Error('报表至少应有3列');
  const a = Math.max(1, Math.round(n * 0.45));
  const b = Math.max(a + 1, Math.round(n * 0.7));
  return [
    [0, a - 1],
    [a, b - 1],
    [b, n - 1],
  ];
}

const widthOf = (layout: SheetLayout, from: number, to: number) =>
  layout.columns.slice(from, to + 1).reduce((w, c) => w + c.width, 0);

/** A line of text across every column (title, 说明, footer): merged, since it is frame, not body. */
function fullRow(ws: Sheet, r: number, n: number, text: string, style: Partial<ExcelJS.Style>, height: number) {
  const row = ws.getRow(r);
  row.height = height;
  row.getCell(1).value = text;
  row.getCell(1).style = style;
  if (n > 1) ws.mergeCells(r, 1, r, n);
  row.commit();
}

function writeFrameTop(ws: Sheet, frame: TableFrame): number {
  const { layout } = frame;
  // Title and 填报单位 line over the first page's columns when the table prints several pages wide.
  const n = frameColumns(layout);
  fullRow(ws, 1, n, frame.title, TITLE_STYLE, 32);

  const unit = ws.getRow(2);
  const parts = thirds(n);
  const texts = [frame.unitLine.left, frame.unitLine.centre, frame.unitLine.right];
  const styles = [UNIT_STYLES.left, UNIT_STYLES.centre, UNIT_STYLES.right];
  let lines = 1;
  parts.forEach(([from, to], i) => {
    unit.getCell(from + 1).value = texts[i] || null;
    unit.getCell(from + 1).style = styles[i];
    if (to > from) ws.mergeCells(2, from + 1, 2, to + 1);
    lines = Math.max(lines, linesFor(texts[i], widthOf(layout, from, to)));
  });
  unit.height = heightFor(lines, 20);
  unit.commit();

  const header = ws.getRow(3);
  let headerLines = 1;
  layout.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.label;
    header.getCell(i + 1).style = HEADER_STYLE;
    headerLines = Math.max(headerLines, linesFor(c.label, c.width));
  });
  header.height = heightFor(headerLines, 24);
  header.commit();
  if (!layout.codeRow) return 3;

  const codes = ws.getRow(4);
  columnCodes(layout.columns).forEach((code, i) => {
    codes.getCell(i + 1).value = code;
    codes.getCell(i + 1).style = CODE_STYLE;
  });
  codes.commit();
  return 4;
}

/** ISO dates in date columns become Excel dates (exact serials, no time zone involved). */
export function cellValue(kind: string, v: DocRow['cells'][number]): ExcelJS.CellValue {
  if (kind === 'date' && typeof v === 'string' && isValidIso(v) && v >= '1900-03-01') return isoToExcelSerial(v);
  return v;
}

type RowStyles = Record<DocRow['kind'], Partial<ExcelJS.Style>[]>;

/** The body styles of a sheet, per row kind and column, looked up once rather than per cell. */
function rowStyles(frame: TableFrame): RowStyles {
  const kinds: DocRow['kind'][] = ['total', 'cumulative', 'category', 'item', 'empty'];
  return Object.fromEntries(
    kinds.map((k) => [k, frame.layout.columns.map((c) => bodyStyle(c.kind, c.unit ?? frame.moneyUnit, k))]),
  ) as RowStyles;
}

function writeBodyRow(ws: Sheet, r: number, frame: TableFrame, doc: DocRow, styles: RowStyles, direct: BodyRowWriter) {
  const { layout } = frame;
  const style = styles[doc.kind];
  const values: CellValue[] = [];
  let lines = 1;
  layout.columns.forEach((c, i) => {
    const v = doc.cells[i] ?? null;
    values.push(v === null && c.emptyText ? c.emptyText : (cellValue(c.kind, v) as CellValue));
    // Neither Excel nor LibreOffice reliably fits a wrapped row on opening: size it here.
    if (
      c.kind === 'text' &&
      typeof v === 'string' &&
      v.length * 1.75 > c.width - 0.6 &&
      !(doc.span && i >= doc.span[0] && i <= doc.span[1])
    ) {
      lines = Math.max(lines, linesFor(v, c.width));
    }
  });
  const height = lines > 1 || layout.rowHeight ? Math.max(layout.rowHeight ?? 0, heightFor(lines)) : undefined;
  if (!doc.span && direct.write(r, values, style, height)) return;
  const row = ws.getRow(r);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = v;
    cell.style = style[i];
  });
  if (height !== undefined) row.height = height;
  if (doc.span) {
    const [from, to] = doc.span;
    row.getCell(from + 1).style = SPAN_STYLE;
    for (let i = from + 1; i <= to; i++) row.getCell(i + 1).style = { border: BORDER };
    ws.mergeCells(r, from + 1, r, to + 1);
  }
  row.commit();
}

/** 说明：1. … 2. …, the text blocks and the signature line under the table. */
function writeFrameBottom(ws: Sheet, frame: TableFrame, first: number): void {
  const { layout } = frame;
  const n = layout.columns.length;
  const total = widthOf(layout, 0, n - 1);
  let r = first;
  const notes = layout.notes ?? [];
  notes.forEach((note, i) => {
    const text = `${i === 0 ? '说明：' : '\u3000\u3000\u3000'}${notes.length > 1 ? `${i + 1}. ` : ''}${note}`;
    fullRow(ws, r++, n, text, NOTE_STYLE, heightFor(linesFor(text, total), 16));
  });
  // A block's label spans the first columns up to ~14 characters, its text the rest.
  let labelTo = 0;
  while (labelTo < n - 2 && widthOf(layout, 0, labelTo) < 14) labelTo++;
  for (const block of frame.blocks) {
    const row = ws.getRow(r);
    row.getCell(1).value = `${block.label}：`;
    row.getCell(1).style = LABEL_STYLE;
    for (let i = 1; i <= labelTo; i++) row.getCell(i + 1).style = { border: BORDER };
    row.getCell(labelTo + 2).value = block.text;
    for (let i = labelTo + 1; i < n; i++) row.getCell(i + 1).style = VALUE_STYLE;
    if (labelTo > 0) ws.mergeCells(r, 1, r, labelTo + 1);
    ws.mergeCells(r, labelTo + 2, r, n);
    row.height = heightFor(linesFor(block.text, widthOf(layout, labelTo + 1, n - 1)) + 1, 40);
    row.commit();
    r++;
  }
  if (frame.footer) fullRow(ws, r + 1, n, frame.footer, FOOTER_STYLE, 26);
}

interface Buffered {
  _readableState?: { length: number };
  _writableState?: { length: number };
}

/**
 * exceljs hands a sheet's XML to the zip without back-pressure, and the zip deflates one chunk
 * per turn of the event loop: a 100k-row sheet would pile up ~100 MB of XML in front of it. So
 * the writer waits until what is queued there is under a megabyte (measured: a third less peak
 * memory and no slower). Should exceljs's insides change, it just yields once.
 */
export async function drain(ws: Sheet): Promise<void> {
  const queued = (ws as unknown as { stream?: { pipes?: Buffered[] } }).stream?.pipes?.[0];
  const size = () => (queued?._readableState?.length ?? 0) + (queued?._writableState?.length ?? 0);
  do await new Promise((resolve) => setImmediate(resolve));
  while (size() > 1_000_000);
}

/** Writes one sheet; `onRows` hears every 500 body rows (export progress). */
export async function writeTableSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  frame: TableFrame,
  rows: Iterable<DocRow>,
  onRows?: Progress,
): Promise<number> {
  const { layout } = frame;
  const headerEnd = lastHeaderRow(layout);
  const ws = wb.addWorksheet(layout.sheetName, {
    ...printSetup(layout.orientation, `3:${headerEnd}`, layout),
    views: [{ state: 'frozen', xSplit: layout.freezeColumns, ySplit: headerEnd }],
  });
  ws.columns = layout.columns.map((c) => ({ width: c.width }));
  centreOnPage(ws);
  let r = writeFrameTop(ws, frame) + 1;
  let written = 0;
  const styles = rowStyles(frame);
  const direct = bodyRowWriter(ws);
  for (const doc of rows) {
    writeBodyRow(ws, r++, frame, doc, styles, direct);
    if (++written % 200 === 0) await drain(ws);
    if (written % 500 === 0) onRows?.(written);
  }
  onRows?.(written);
  writeFrameBottom(ws, frame, r);
  ws.commit();
  return written;
}
