// A whole workbook: its sheets, the very hidden meta sheet that identifies it (county, report,
// period, layout version, generated at; for R2 also status, version, export id and digest — the
// contract in docs/reports.md) and fixed timestamps, so the same input always gives
// the same bytes.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { DocRow, TableFrame } from '../../../core/reports/doc';
import type { TrackingDoc } from '../../../core/reports/tracking';
import { writeTableSheet, type Progress } from './table';
import { writeTrackingSheet } from './form';
import { stampZip } from './zipStamp';

export type SheetSpec =
  { type: 'table'; frame: TableFrame; rows: Iterable<DocRow> } | { type: 'tracking'; doc: TrackingDoc };

export const META_SHEET = '_meta';
export const APP_NAME = '普查办工作台';

/** Machine-readable identity; every value a string so any reader gets it back unchanged. */
export type WorkbookMeta = Record<string, string>;

export const META_LABELS: Record<string, string> = {
  app: '生成程序',
  appVersion: '程序版本',
  layoutVersion: '报表格式版本',
  level: '填报层级',
  countyCode: '县级区划代码',
  countyName: '县名',
  cityCode: '市（州）代码',
  reportId: '报表',
  reportName: '报表名称',
  period: '报告期',
  status: '状态（draft 草稿 / official 正式报送）',
  version: '报送版本',
  exportId: '导出编号',
  correctionReason: '更正原因',
  generatedAt: '生成时间',
  moneyUnit: '金额单位',
  digest: '报送摘要（SHA-256，县级区划代码+报告期+版本+全部数字）',
  sheetDigests: '各表摘要（SHA-256，每张表：县级区划代码+报告期+版本+该表数字，工作进度表含文字说明）',
  figuresHash: '数据摘要（SHA-256）',
};

function writeMeta(wb: ExcelJS.stream.xlsx.WorkbookWriter, meta: WorkbookMeta) {
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  ws.columns = [{ width: 16 }, { width: 40 }, { width: 20 }];
  ws.addRow(['key', 'value', '说明']).commit();
  for (const [key, value] of Object.entries(meta)) ws.addRow([key, value, META_LABELS[key] ?? '']).commit();
  ws.commit();
}

// Resizable buffers are ES2024; the project's TypeScript lib predates them.
type ResizableCtor = new (
  length: number,
  options: { maxByteLength: number },
) => ArrayBuffer & {
  resize(length: number): void;
};

/** The largest workbook the writer takes (address space reserved, not memory). */
const MAX_WORKBOOK_BYTES = 2 ** 30;

/**
 * The zip's bytes gathered in one growable buffer: memory is committed as it grows, and the
 * finished workbook needs no second copy (a list of chunks joined at the end held the file twice:
 * 13 MB more for a 100k roster). The buffer can be transferred to another thread as it is.
 */
function byteSink(stream: PassThrough): () => Buffer {
  const ab = new (ArrayBuffer as unknown as ResizableCtor)(0, { maxByteLength: MAX_WORKBOOK_BYTES });
  const view = new Uint8Array(ab);
  let length = 0;
  stream.on('data', (c: Buffer) => {
    ab.resize(length + c.length);
    view.set(c, length);
    length += c.length;
  });
  return () => Buffer.from(ab, 0, length);
}

export async function writeWorkbook(
  sheets: SheetSpec[],
  meta: WorkbookMeta,
  at: Date,
  onRows?: Progress,
): Promise<Buffer> {
  const stream = new PassThrough();
  const bytes = byteSink(stream);
  // created/modified/creator are constructor options of the writer that its typings leave out.
  const options = {
    stream,
    // Inline strings: shared strings cost 4× the time and 6× the memory on a 100k-row roster.
    useSharedStrings: false,
    useStyles: true,
    created: at,
    modified: at,
    creator: APP_NAME,
    lastModifiedBy: APP_NAME,
  };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter(
    options as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>,
  );
  for (const sheet of sheets) {
    if (sheet.type === 'table') await writeTableSheet(wb, sheet.frame, sheet.rows, onRows);
    else writeTrackingSheet(wb, sheet.doc);
  }
  writeMeta(wb, meta);
  await wb.commit();
  return stampZip(bytes(), at);
}
