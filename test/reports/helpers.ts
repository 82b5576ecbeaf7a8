// Shared by the report tests: the demo county at a fixed "now", an export call that returns the
// workbook's bytes, and readers for what was written (SheetJS for values, exceljs for styles,
// merges and print setup).
import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { tempBackend, adminCtx, type TestBackend } from '../helpers/backend';
import { loadDemo } from '../../backend/demo';
import type { CallCtx } from '../../backend/context';
import type { InputOf, OutputOf } from '../../core/api';

/** The demo's "today": the 2018 work plan as it stood at the end of November. */
export const NOW = new Date('2018-11-30T10:00:00+08:00');
export const at = (iso: string): CallCtx => ({ ...adminCtx, now: () => new Date(iso) });
export const nowCtx: CallCtx = { ...adminCtx, now: () => NOW };

const demoFiles = new Map<number, Promise<string>>();

/**
 * The demo county loaded as of `now` (NOW unless given), once per test process and moment (about a
 * second of dispatch calls), into a data file that each caller gets a fresh copy of: the same data
 * as loading it again, every time.
 */
export async function demoBackend(now: Date = NOW): Promise<TestBackend> {
  let file = demoFiles.get(now.getTime());
  if (!file) {
    file = (async () => {
      const b = tempBackend();
      await loadDemo(b, now);
      b.close();
      process.once('exit', () => rmSync(b.dir, { recursive: true, force: true }));
      return b.path;
    })();
    demoFiles.set(now.getTime(), file);
  }
  return tempBackend({ from: await file });
}

export type ExportOut = OutputOf<'report.export'> & { bytes: Buffer };

export async function exportReport(
  b: TestBackend,
  input: InputOf<'report.export'>,
  ctx: CallCtx = nowCtx,
): Promise<ExportOut> {
  const r = await b.dispatch('report.export', input, ctx);
  if (!r.ok) throw new Error(`report.export failed: ${r.error.code} ${r.error.message}`);
  const out = r.data as OutputOf<'report.export'>;
  return { ...out, bytes: Buffer.from(out.base64 ?? '', 'base64') };
}

export async function exportError(b: TestBackend, input: unknown, ctx: CallCtx = nowCtx) {
  const r = await b.dispatch('report.export', input, ctx);
  if (r.ok) throw new Error('report.export should have failed');
  return r.error;
}

/** Every sheet as rows of raw values (null for empty cells), hidden sheets included. */
export function sheetsOf(bytes: Buffer): { wb: XLSX.WorkBook; grid: (name: string) => (string | number | null)[][] } {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  return {
    wb,
    grid: (name) => XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: true, defval: null, blankrows: true }),
  };
}

/** The workbook as exceljs sees it: styles, merges, print setup, views, cell types. */
export async function excelOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The meta sheet's key → value pairs. */
export function metaOf(bytes: Buffer): Record<string, string> {
  const { grid } = sheetsOf(bytes);
  return Object.fromEntries(
    grid('_meta')
      .slice(1)
      .map(([k, v]) => [String(k), String(v ?? '')]),
  );
}
