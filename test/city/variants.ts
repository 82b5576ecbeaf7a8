// What happens to county files on their way to the city: resaved by LibreOffice (a clerk opened
// and saved it), a figure edited by hand after export (exceljs, as Excel would save it), the meta
// saying a layout version this build does not read, a file cut short in transfer.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

export function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Each file opened and saved again as .xlsx by LibreOffice (one soffice run for all). Asynchronous,
 * so the generator builds the other counties on this thread meanwhile (soffice takes the other core).
 */
export async function resavedByLibreOffice(files: { fileName: string; bytes: Buffer }[]): Promise<Buffer[]> {
  const dir = mkdtempSync(join(tmpdir(), 'city-soffice-'));
  try {
    const src = join(dir, 'src');
    mkdirSync(src);
    const paths = files.map((f, i) => {
      const p = join(src, `f${i}.xlsx`);
      writeFileSync(p, f.bytes);
      return p;
    });
    // A profile of its own: two soffice runs sharing one would refuse each other.
    await promisify(execFile)(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        join(dir, 'out'),
        ...paths,
      ],
      { timeout: 180_000 },
    );
    return files.map((_, i) => readFileSync(join(dir, 'out', `f${i}.xlsx`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function edited(bytes: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * 进度调度表's 02 名录库底册数 (C6) and the 合计 above it (C5) both one more: a careful hand edit that
 * keeps the sheet's own sum right, so only the digest can tell.
 */
export const handEdited = (bytes: Buffer) =>
  edited(bytes, (wb) => {
    const ws = wb.getWorksheet('进度调度表')!;
    for (const cell of ['C5', 'C6']) ws.getCell(cell).value = Number(ws.getCell(cell).value) + 1;
  });

/** The meta's 报表格式版本 set to one no build has written. */
export const unknownLayout = (bytes: Buffer) =>
  edited(bytes, (wb) =>
    wb.getWorksheet('_meta')!.eachRow((row) => {
      if (row.getCell(1).value === 'layoutVersion') row.getCell(2).value = '99';
    }),
  );

/** The first 60% of the bytes, as a transfer cut short leaves a file. */
export const truncated = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length * 0.6));
