// Issue 4's figures. The 20k-people roster (R1) exported through the API — read in the worker,
// laid out, styled, zipped, handed back — against a bare exceljs streaming writer writing the
// same cells without styles, in the same run; the peak memory of a 100k-people export in a
// process of its own; the monthly report (R2) of the demo county.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { openBackend, type Backend } from '../../backend/app';
import { loadDemo } from '../../backend/demo';
import { ROSTER } from '../../core/reports/layouts/people';
import { OFFICE, insertMany } from '../reports/people20k';
import { drain } from '../../backend/reports/writer/table';
import { medianMs, type BenchResult } from './types';

const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };
const RUNS = 5;

async function call(b: Backend, method: string, input: unknown) {
  const r = await b.dispatch(method, input, admin);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as Record<string, unknown>;
}

/**
 * The floor: the same cells through exceljs's streaming writer, no styles, no frame, no worker,
 * already in memory; paced like the export (see drain), which is also the fastest way to use it.
 */
async function bareWrite(cells: unknown[][]): Promise<number> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(ROSTER.sheetName);
  for (const [i, row] of cells.entries()) {
    ws.addRow(row).commit();
    if (i % 200 === 199) await drain(ws);
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks).length;
}

async function roster20k(dir: string): Promise<BenchResult> {
  const b = openBackend(join(dir, 'roster20k.db'));
  try {
    await call(b, 'setup.init', { office: OFFICE, admin: { name: 'admin', password: 'demo1234' } });
    insertMany(b.db, 20_000);
    const first = await call(b, 'report.export', { reportId: 'R1' }); // starts the worker
    const wb = XLSX.read(Buffer.from(String(first.base64), 'base64'), { type: 'buffer' });
    const cells = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[ROSTER.sheetName], {
      header: 1,
      raw: true,
      defval: null,
    });
    // Interleaved, so a busy moment on a shared machine hits both sides alike.
    const values: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      values.push(await medianMs(1, () => call(b, 'report.export', { reportId: 'R1' })));
      floors.push(await medianMs(1, () => bareWrite(cells)));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const value = median(values);
    const floor = median(floors);
    const ratio = value / floor;
    return {
      name: '花名册导出 20k 人（经 API，含工作线程、样式、表头表尾）',
      value,
      unit: 'ms',
      floor,
      ratio,
      target: '≤ 1.5× floor',
      met: ratio <= 1.5,
    };
  } finally {
    b.close();
  }
}

/**
 * Peak resident memory of a 100k-people roster export, each in a fresh process (tsx and the
 * modules alone take ~140 MB of it): the whole app exporting through dispatch, and the worker's
 * own work (read, lay out, write) alone.
 */
function memory100k(dir: string): BenchResult[] {
  const child = fileURLToPath(new URL('./reportsChild.ts', import.meta.url));
  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', child, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  run('seed', dir, '100000');
  const measure = (mode: string) =>
    JSON.parse(run(mode, dir).trim().split('\n').pop()!) as { beforeMb: number; peakMb: number; ms: number };
  const app = measure('export');
  const worker = measure('build');
  const result = (name: string, m: typeof app): BenchResult => ({
    name: `${name}（开始前 ${m.beforeMb.toFixed(0)} MB，用时 ${(m.ms / 1000).toFixed(1)} s）`,
    value: m.peakMb,
    unit: 'MB',
    target: '≤ 300 MB',
    met: m.peakMb <= 300,
  });
  return [
    result('花名册导出 100k 人：整个程序进程的内存峰值 RSS', app),
    result('花名册导出 100k 人：导出工作（读取、排版、写入）单独进程的内存峰值 RSS', worker),
  ];
}

async function monthlyDemo(dir: string): Promise<BenchResult> {
  const b = openBackend(join(dir, 'demo.db'));
  try {
    await loadDemo(b, new Date('2018-11-30T10:00:00+08:00'));
    await call(b, 'report.export', { reportId: 'R2', period: '2018-10' }); // starts the worker
    const value = await medianMs(5, () => call(b, 'report.export', { reportId: 'R2', period: '2018-10' }));
    return { name: '工作进度月报导出（示例县，六张表）', value, unit: 'ms', target: '≤ 1000 ms', met: value <= 1000 };
  } finally {
    b.close();
  }
}

export async function reportsBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  try {
    return [await roster20k(dir), ...memory100k(dir), await monthlyDemo(dir)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
