// How cost grows with the county: the same requests on a county of 1k, 10k and 100k people
// (BENCH_SCALING_SIZES), through dispatch. A page of the roster and one person should cost about
// the same at any size (indexed); a search by name, the dashboard, an export and a backup read
// every person and may grow linearly, no worse. The figure is the time at the largest size; the
// goal is the growth from the smallest; every size's time is in the note.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../backend/app';
import { countyWith } from './latency';
import type { BenchResult } from './types';

const SIZES = (process.env.BENCH_SCALING_SIZES ?? '1000,10000,100000').split(',').map(Number);
const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };

async function call(b: Backend, method: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await b.dispatch(method, input, admin);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as Record<string, unknown>;
}

/** Median of `runs` timed calls after one untimed. */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

interface Case {
  name: string;
  /** Allowed growth from the smallest size to the largest. */
  maxGrowth: number;
  measure: (b: Backend, ctx: { personId: number; townshipId: number; note: () => string }) => Promise<number>;
}

const CASES: Case[] = [
  {
    name: '人员列表首页（person.list，50 条）',
    maxGrowth: 3,
    measure: (b) => median(15, () => call(b, 'person.list', { pageSize: 50 })),
  },
  {
    name: '查看一人（person.get）',
    maxGrowth: 3,
    measure: (b, c) => median(30, () => call(b, 'person.get', { id: c.personId })),
  },
  {
    name: '按姓氏搜索“张”（person.list）',
    maxGrowth: 150,
    measure: (b) => median(9, () => call(b, 'person.list', { q: '张', pageSize: 50 })),
  },
  {
    // A write before each, so the checks are computed afresh, not read from the cache.
    name: '首页检查（dashboard.checks，每次前一次写入）',
    maxGrowth: 150,
    measure: (b, c) =>
      median(5, async () => {
        await call(b, 'township.update', { id: c.townshipId, note: c.note() });
        const t0 = performance.now();
        await call(b, 'dashboard.checks', {});
        return performance.now() - t0;
      }),
  },
  {
    name: '导出花名册 R1（report.export）',
    maxGrowth: 150,
    measure: (b) => median(2, () => call(b, 'report.export', { reportId: 'R1' })),
  },
  {
    name: '备份（backup.now，含完整性检查）',
    maxGrowth: 150,
    measure: (b) => median(2, () => call(b, 'backup.now', {})),
  },
];

export async function scalingBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-scaling-'));
  const bySize: number[][] = CASES.map(() => []);
  try {
    for (const size of SIZES) {
      const path = join(dir, `county-${size}.db`);
      await countyWith(path, size);
      const b = openBackend(path, { backupDir: join(dir, `backups-${size}`) });
      try {
        const personId = (b.db.prepare('SELECT max(id) FROM people').pluck().get() as number) - 1;
        const townshipId = b.db.prepare('SELECT min(id) FROM townships').pluck().get() as number;
        let n = 0;
        const ctx = { personId, townshipId, note: () => `规模基准 ${n++}` };
        for (const [i, c] of CASES.entries()) bySize[i].push(await c.measure(b, ctx));
      } finally {
        b.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const label = (size: number) => (size >= 10_000 ? `${size / 10_000}万` : `${size / 1000}千`);
  return CASES.map((c, i) => {
    const times = bySize[i];
    const growth = times[times.length - 1] / times[0];
    return {
      name: `${c.name} @ ${label(SIZES[SIZES.length - 1])}人`,
      value: times[times.length - 1],
      unit: 'ms',
      target: `growth ≤ ${c.maxGrowth}× from ${label(SIZES[0])}人`,
      met: growth <= c.maxGrowth,
      note: `${SIZES.map((s, k) => `${label(s)}人 ${times[k].toFixed(2)} ms`).join('，')}；growth ${growth.toFixed(1)}×`,
    };
  });
}
