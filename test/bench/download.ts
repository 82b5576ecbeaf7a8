// `npm run bench download`: browser-mode peak memory while a clerk exports R1 普查人员花名册 of 100k
// people in Chromium, served over HTTP by the server `npm run serve` runs (./serveProcess.ts: the
// bundle, or BENCH_SERVER=tsx the sources under tsx): the server process's peak RSS (Linux
// VmHWM, reset just before each export) plus the page's peak JS heap (CDP Runtime.getHeapUsage,
// sampled every 10 ms), from the click to the finished download.
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build } from 'vite';
import { serverKind, startServed } from './serveProcess';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { openBackend } from '../../backend/app';
import { insertPeople } from '../../db/entities/personnel';
import { OFFICE, peopleRows } from '../reports/people20k';
import type { BenchResult } from './types';

const PEOPLE = 100_000;
const RUNS = Number(process.env.DOWNLOAD_RUNS ?? 3);
const MB = 1024 * 1024;
const ADMIN = { name: 'admin', password: 'bench2018' };

/** A county whose office profile is complete (R1's header and footer need it), with 100k people. */
async function makeData(file: string): Promise<void> {
  const b = openBackend(file);
  const ctx = { operator: { id: null, name: '基准测试', role: '管理员' as const } };
  const r = await b.dispatch('setup.init', { office: OFFICE, admin: ADMIN }, ctx);
  if (!r.ok) throw new Error(r.error.message);
  b.db.transaction(() => insertPeople(b.db, peopleRows(PEOPLE)))();
  b.db.pragma('optimize');
  b.close();
}

async function login(page: Page, url: string) {
  await page.goto(url);
  await page.locator('#login-name').fill(ADMIN.name);
  await page.locator('#login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard').waitFor();
}

const statusKb = (pid: number, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/** Where the server's resident memory is, for BENCH_DEBUG: threads, and anonymous memory by mapping size. */
function memoryMap(pid: number): string {
  const threads = statusKb(pid, 'Threads') / 1024;
  const sizes: number[] = [];
  let cur: { anon: boolean; rss: number } | null = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) {
      if (cur?.anon) sizes.push(cur.rss);
      const fields = line.trim().split(/\s+/);
      cur = { anon: fields.length < 6 || fields[5] === '[heap]', rss: 0 };
    } else if (cur && line.startsWith('Rss:')) cur.rss = Number(line.split(/\s+/)[1]) * 1024;
  }
  if (cur?.anon) sizes.push(cur.rss);
  const anon = sizes.reduce((a, b) => a + b, 0);
  const big = sizes.filter((n) => n >= 4 * MB).sort((a, b) => b - a);
  return `${threads} threads; anonymous ${(anon / MB).toFixed(0)} MB, mappings ≥ 4 MB: ${big.map((n) => (n / MB).toFixed(0)).join(' ')}`;
}

/** Peak JS heap of the page while `act` runs. */
async function heapPeak(cdp: CDPSession, act: () => Promise<unknown>): Promise<{ used: number; total: number }> {
  const peak = { used: 0, total: 0 };
  let sampling = true;
  const sample = async () => {
    while (sampling) {
      const h = await cdp.send('Runtime.getHeapUsage');
      peak.used = Math.max(peak.used, h.usedSize);
      peak.total = Math.max(peak.total, h.totalSize);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const sampler = sample();
  try {
    await act();
  } finally {
    sampling = false;
    await sampler;
  }
  return peak;
}

interface Run {
  server: number;
  serverBefore: number;
  page: number;
  pageBefore: number;
  ms: number;
  bytes: number;
}

async function exportOnce(page: Page, cdp: CDPSession, pid: number): Promise<Run> {
  await cdp.send('HeapProfiler.collectGarbage');
  const pageBefore = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const serverBefore = statusKb(pid, 'VmRSS');
  writeFileSync(`/proc/${pid}/clear_refs`, '5'); // VmHWM starts again from the current RSS
  const t0 = performance.now();
  let bytes = 0;
  const heap = await heapPeak(cdp, async () => {
    const failed = page
      .getByTestId('report-error')
      .waitFor({ timeout: 300_000 })
      .then(async () => {
        throw new Error(`导出失败：${await page.getByTestId('report-error').innerText()}`);
      });
    const [download] = await Promise.all([
      Promise.race([page.waitForEvent('download', { timeout: 300_000 }), failed]),
      page.getByTestId('report-export').click(),
    ]);
    bytes = statSync((await download.path())!).size;
    if (!download.suggestedFilename().includes('普查人员花名册')) throw new Error(download.suggestedFilename());
  });
  return {
    server: statusKb(pid, 'VmHWM'),
    serverBefore,
    page: heap.used,
    pageBefore,
    ms: performance.now() - t0,
    bytes,
  };
}

export async function downloadBench(): Promise<BenchResult[]> {
  const root = join(import.meta.dirname, '../..');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-dlbench-'));
  const file = join(dir, 'census.db');
  // DOWNLOAD_FIXTURE=<file>: reuse the county an earlier run made (copied, never changed).
  const kept = process.env.DOWNLOAD_FIXTURE;
  if (kept && existsSync(kept)) copyFileSync(kept, file);
  else {
    await makeData(file);
    if (kept) copyFileSync(file, kept);
  }
  const server = await startServed(['--port', '0', '--data', file]);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const pid = server.pid;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const cdp = await page.context().newCDPSession(page);
    await login(page, server.url);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-choice').getByText('R1', { exact: false }).first().click();
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await exportOnce(page, cdp, pid));
      if (process.env.BENCH_DEBUG) console.log(`  ${memoryMap(pid)}`);
    }
    const worst = runs.reduce((a, b) => (a.server + a.page >= b.server + b.page ? a : b));
    const mb = (n: number) => (n / MB).toFixed(0);
    if (process.env.BENCH_DEBUG) {
      for (const r of runs)
        console.log(
          `  export ${(r.bytes / MB).toFixed(1)} MB in ${r.ms.toFixed(0)} ms: server ${mb(r.serverBefore)} → peak ${mb(r.server)} MB, page heap ${mb(r.pageBefore)} → peak ${mb(r.page)} MB`,
        );
    }
    const peak = (worst.server + worst.page) / MB;
    return [
      {
        name: `browser-mode peak memory exporting R1 (${serverKind()}) (${PEOPLE / 1000}k people, ${(worst.bytes / MB).toFixed(1)} MB): server RSS ${mb(worst.server)} + page JS heap ${mb(worst.page)} MB, worst of ${RUNS} (at rest ${mb(worst.serverBefore)} + ${mb(worst.pageBefore)})`,
        value: peak,
        unit: 'MB',
        target: '≤ 300 MB',
        met: peak <= 300,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
