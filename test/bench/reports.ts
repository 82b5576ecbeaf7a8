// Issue 4's figures. The 20k-people roster (R1) exported through the API — read in the worker,
// laid out, styled, zipped, handed back — against a bare exceljs streaming writer writing the
// same cells without styles in a worker of its own (reportsFloor.ts), alternated in the same run
// (the product writes its body rows' XML itself, bodyRows.ts, so it may come in under the floor);
// the first export after start-up (worker start, module load, JIT) against a first bare write in
// a fresh worker, each in a fresh process; the peak memory of a 100k-people export in a process
// of its own; the monthly report (R2) of the demo county.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { openBackend, type Backend } from '../../backend/app';
import { loadDemo } from '../../backend/demo';
import { buildFile } from '../../backend/reports/builders';
import { NO_PARAMS } from '../../backend/reports/context';
import { ROSTER } from '../../core/reports/layouts/people';
import { DEFAULT_REPORT_TEXTS } from '../../core/schemas/system';
import { OFFICE, insertMany } from '../reports/people20k';
import { floorWorker } from './reportsFloor';
import { alternate, bounded, versus, type BenchResult } from './types';

const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };
const RUNS = 5;
const COLD_RUNS = 3;
const child = fileURLToPath(new URL('./reportsChild.ts', import.meta.url));
const runChild = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', child, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
const childJson = <T>(...args: string[]) =>
  JSON.parse(
    runChild(...args)
      .trim()
      .split('\n')
      .pop()!,
  ) as T;

async function call(b: Backend, method: string, input: unknown) {
  const r = await b.dispatch(method, input, admin);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as Record<string, unknown>;
}

/** The roster's cells exactly as the export lays them out, read back from a workbook built once. */
async function rosterCells(b: Backend, file: string): Promise<unknown[][]> {
  const built = await buildFile(
    b.db,
    {
      type: 'build',
      params: NO_PARAMS,
      office: { ...OFFICE, censusName: '第二次全国污染源普查', moneyUnit: '元', totalRowPosition: 'top' },
      texts: DEFAULT_REPORT_TEXTS,
      exportedAt: new Date().toISOString(),
      operator: null,
      dbPath: file,
    },
    () => undefined,
  );
  const wb = XLSX.read(built.bytes, { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[ROSTER.sheetName], { header: 1, raw: true, defval: null });
}

async function roster20k(dir: string): Promise<BenchResult[]> {
  const file = join(dir, 'roster20k.db');
  const b = openBackend(file);
  let worker: ReturnType<typeof floorWorker> | undefined;
  try {
    await call(b, 'setup.init', { office: OFFICE, admin: { name: 'admin', password: 'demo1234' } });
    insertMany(b.db, 20_000);
    const cells = await rosterCells(b, file);
    const floor = floorWorker(ROSTER.sheetName, cells);
    worker = floor;
    // Both workers warm (started, modules loaded, JIT) before the alternated runs: see alternate().
    const warm = await alternate(
      RUNS,
      () => call(b, 'report.export', { reportId: 'R1' }),
      () => floor.write(),
    );
    const cold = coldFirst(dir, cells);
    return [
      {
        ...versus('花名册导出 20k 人（经 API，含工作线程、样式、表头表尾；底线同在工作线程）', warm, { maxRatio: 1.5 }),
        note:
          '产品另做底线不做的事：读数据库（约占产品用时三成）、排版、样式、表头表尾；正文行的 XML 由程序直接写出' +
          '（与 exceljs 逐字节相同，见 backend/reports/writer/bodyRows.ts），底线仍经 exceljs 的行、单元格对象，故可低于底线',
      },
      versus('花名册导出 20k 人：启动后第一次导出（工作线程启动、加载、编译；各在新进程）', cold, { maxRatio: 2 }),
    ];
  } finally {
    await worker?.stop();
    b.close();
  }
}

/**
 * The first export after start-up, in a fresh process each time (the export worker lives as long
 * as its process), against the first bare write in a fresh floor worker, also in a fresh process.
 */
function coldFirst(dir: string, cells: unknown[][]) {
  const cold = join(dir, 'cold');
  mkdirSync(cold);
  runChild('seed', cold, '20000');
  writeFileSync(join(cold, 'cells.json'), JSON.stringify(cells));
  const runs: number[] = [];
  const floorRuns: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    runs.push(childJson<{ ms: number }>('cold', cold).ms);
    floorRuns.push(childJson<{ ms: number }>('coldfloor', cold).ms);
  }
  return { runs, floorRuns };
}

/**
 * Peak resident memory of a 100k-people roster export, each in a fresh process (tsx and the
 * modules alone take ~140 MB of it): the whole app exporting through dispatch, and the worker's
 * own work (read, lay out, write) alone.
 */
function memory100k(dir: string): BenchResult[] {
  runChild('seed', dir, '100000');
  const measure = (mode: string) => childJson<{ beforeMb: number; peakMb: number; ms: number }>(mode, dir);
  const app = measure('export');
  const worker = measure('build');
  const result = (name: string, m: typeof app): BenchResult =>
    bounded(`${name}（开始前 ${m.beforeMb.toFixed(0)} MB，用时 ${(m.ms / 1000).toFixed(1)} s）`, [m.peakMb], 300, {
      unit: 'MB',
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
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await call(b, 'report.export', { reportId: 'R2', period: '2018-10' });
      runs.push(performance.now() - t0);
    }
    return bounded('工作进度月报导出（示例县，六张表）', runs, 1000);
  } finally {
    b.close();
  }
}

export async function reportsBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  try {
    return [...(await roster20k(dir)), ...memory100k(dir), await monthlyDemo(dir)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
