// Shared by the 核对 tests: an official R2 of the demo county, the tamperings of issue #12 made with
// exceljs, and the same files resaved by LibreOffice as .xlsx and .xls (one soffice run per format).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { hasTool } from './pdfTools';

export const sofficeReady = hasTool('soffice');

type Edit = (wb: ExcelJS.Workbook) => void;

const setMeta =
  (key: string, value: string): Edit =>
  (wb) =>
    wb.getWorksheet('_meta')!.eachRow((row) => {
      if (row.getCell(1).value === key) row.getCell(2).value = value;
    });

/** Each tampering of issue #12, and the cells 核对 must name for it: [kind, sheet, cell]. */
export const TAMPERINGS: Record<string, { edit: Edit; expect: [string, string, string][] }> = {
  // 进度调度表 C6 is 02 工业企业和产业活动单位's 名录库底册数 (412 in the demo).
  figure: {
    edit: (wb) => (wb.getWorksheet('进度调度表')!.getCell('C6').value = 413),
    expect: [
      ['changed', '进度调度表', 'C6'],
      ['total', '进度调度表', 'C5'],
    ],
  },
  total: {
    edit: (wb) => (wb.getWorksheet('两员情况')!.getCell('C5').value = 999),
    expect: [
      ['changed', '两员情况', 'C5'],
      ['total', '两员情况', 'C5'],
    ],
  },
  // Row 7 is 03 规模化畜禽养殖场.
  deletedRow: {
    edit: (wb) => wb.getWorksheet('进度调度表')!.spliceRows(7, 1),
    expect: [
      ['missingRow', '进度调度表', 'A7:Q7'],
      ['rowCode', '进度调度表', 'B7'],
    ],
  },
  insertedRow: {
    edit: (wb) =>
      wb.getWorksheet('进度调度表')!.insertRow(8, ['其他类别', '14', 1, 1, 1, 0, 0, 1, 1, 1, 100, 1, 1, 100, 0, 0]),
    expect: [
      ['extraRow', '进度调度表', 'A8:Q8'],
      ['rowCode', '进度调度表', 'B8'],
    ],
  },
  countyCode: { edit: setMeta('countyCode', '511399'), expect: [] },
};

export async function edited(bytes: Buffer, edit: Edit): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The files resaved by LibreOffice: name → { xlsx, xls } bytes. */
export function resaved(files: Record<string, Buffer>): Record<string, { xlsx: Buffer; xls: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  try {
    const src = join(dir, 'src');
    mkdirSync(src);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(src, `${name}.xlsx`), bytes);
    const paths = Object.keys(files).map((n) => join(src, `${n}.xlsx`));
    for (const format of ['xlsx', 'xls']) {
      // A profile of its own: two soffice runs sharing one would refuse each other.
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          format,
          '--outdir',
          join(dir, format),
          ...paths,
        ],
        { stdio: 'ignore', timeout: 180_000 },
      );
    }
    return Object.fromEntries(
      Object.keys(files).map((n) => [
        n,
        { xlsx: readFileSync(join(dir, 'xlsx', `${n}.xlsx`)), xls: readFileSync(join(dir, 'xls', `${n}.xls`)) },
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
