// Issue 18, part 3, for imports: a small request during a 20k re-import's commit answers as it
// would on an idle server. On a copy of a county of 20k people (imported from a roster), the update
// roster is uploaded and previewed (untimed); then a pinger thread sends setup.status over HTTP at a
// fixed pace, and in the server's own thread person.get goes through dispatch at a fixed pace, first
// on the idle server, then while import.commit writes the 20k updates. Each latency counts from
// when the request was due (a stalled server makes every request due meanwhile late). The p99 of
// the requests due during the commits against the p99 of those due while idle, same runs.
//   npx tsx test/bench/run.ts reimport
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Backend } from '../../backend/app';
import { startHttpServer } from '../../backend/transports/http';
import { rosterRows, template, withCopy, xlsx } from './importUpdates';
import { now, percentile, startPinger, type Sample } from './pinger';
import type { BenchResult } from './types';

const ROWS = Number(process.env.BENCH_REIMPORT_ROWS ?? 20_000);
/** Commits measured, each on a fresh copy. */
const RUNS = Number(process.env.BENCH_REIMPORT_RUNS ?? 3);
/** One setup.status every HTTP_PACE_MS from the pinger thread (as test/bench/latency.ts), one person.get every READ_PACE_MS. */
const HTTP_PACE_MS = 20;
const READ_PACE_MS = 10;
const IDLE_MS = 1500;
const GOAL_MS = 50;
const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** person.get through dispatch in the server's own thread, until stopped. */
function startReader(b: Backend, ids: number[]) {
  let stop = false;
  const samples: Sample[] = [];
  const done = (async () => {
    const t0 = now();
    for (let k = 0; !stop; k++) {
      const due = t0 + k * READ_PACE_MS;
      const wait = due - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const r = await b.dispatch('person.get', { id: ids[(k * 7919) % ids.length] }, admin);
      if (!r.ok) throw new Error(`person.get: ${r.error.message}`);
      samples.push([due, now() - due]);
    }
  })();
  return async () => {
    stop = true;
    await done;
    return samples;
  };
}

async function call(b: Backend, method: string, input: unknown) {
  const res = await b.dispatch(method, input, admin);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.data as Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const within = (samples: Sample[], [from, to]: [number, number]) =>
  samples.filter(([due]) => due >= from && due <= to).map(([, ms]) => ms);

interface Windows {
  http: Sample[];
  reads: Sample[];
  idle: [number, number];
  commit: [number, number];
  /** The part of the commit inside its transaction (after the prepare phase and its backup). */
  writing: [number, number];
}

/** When the writer connection is inside a transaction, polled every millisecond until stopped. */
function watchTransaction(b: Backend) {
  const span: [number, number] = [Infinity, -Infinity];
  let on = true;
  const poll = () => {
    if (b.db.inTransaction) {
      const t = now();
      span[0] = Math.min(span[0], t);
      span[1] = Math.max(span[1], t);
    }
    if (on) setTimeout(poll, 1);
  };
  poll();
  return () => {
    on = false;
    return span;
  };
}

/** One commit on a fresh copy, with both pingers running from before the idle window to after the commit. */
async function oneRun(dir: string, base: string, bytes: Buffer): Promise<Windows> {
  return withCopy(dir, base, async (b) => {
    const server = await startHttpServer({ backend: b, staticDir: join(root, 'dist/renderer') });
    try {
      const up = await call(b, 'import.upload', {
        kind: 'person',
        fileName: '花名册-更新.xlsx',
        contentBase64: bytes.toString('base64'),
      });
      const preview = await call(b, 'import.preview', { importId: up.importId, pageSize: 10 });
      if ((preview.counts as { update: number }).update !== ROWS) throw new Error('预览的更新行数不对');
      const ids = b.db.prepare('SELECT id FROM people').pluck().all() as number[];
      const stopPinger = await startPinger(`http://127.0.0.1:${server.port}`, server.token, HTTP_PACE_MS);
      const stopReader = startReader(b, ids);
      const idle: [number, number] = [now(), 0];
      await sleep(IDLE_MS);
      idle[1] = now();
      const commit: [number, number] = [now(), 0];
      const stopWatch = watchTransaction(b);
      const done = await call(b, 'import.commit', { importId: up.importId, onExisting: 'update' });
      commit[1] = now();
      const writing = stopWatch();
      if (done.updated !== ROWS) throw new Error(`更新了 ${String(done.updated)} 人，应为 ${ROWS}`);
      await sleep(300);
      const reads = await stopReader();
      const http = await stopPinger();
      return { http, reads, idle, commit, writing };
    } finally {
      await server.close();
    }
  });
}

export async function importLatencyBench(dir: string): Promise<BenchResult[]> {
  const base = await template(dir, ROWS);
  const bytes = xlsx(rosterRows(ROWS, 1));
  const runs: Windows[] = [];
  // One unmeasured run first: statements, the backup worker and the JIT warm.
  await oneRun(dir, base, bytes);
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun(dir, base, bytes));
  const commits = runs.map((r) => r.commit[1] - r.commit[0]);
  const writes = runs.map((r) => r.writing[1] - r.writing[0]);
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
  const span = `提交 ${range(commits)}，其中事务内 ${range(writes)}，${RUNS} 次`;
  // The whole call (its prepare phase makes the pre-import backup in the backup worker), and the
  // part inside the transaction, where the sliced writing shares the request thread.
  const windows = { commit: '提交期间', writing: '提交事务内' } as const;
  const result = (name: string, pick: (w: Windows) => Sample[], part: keyof typeof windows): BenchResult => {
    const during = runs.flatMap((r) => within(pick(r), r[part])).sort((a, b) => a - b);
    const idle = runs.flatMap((r) => within(pick(r), r.idle)).sort((a, b) => a - b);
    const [p99, idle99] = [percentile(during, 0.99), percentile(idle, 0.99)];
    return {
      name: `导入更新 ${ROWS} 人${windows[part]}，${name}的 p99 延迟（p50 ${percentile(during, 0.5).toFixed(1)}、最长 ${during[during.length - 1].toFixed(0)} ms，${during.length} 次；${span}）`,
      value: p99,
      unit: 'ms',
      floor: idle99,
      ratio: p99 / idle99,
      target: `≤ ${GOAL_MS} ms`,
      met: p99 <= GOAL_MS,
      note: `基线：同一次运行中提交前空闲 ${IDLE_MS} ms 内同样请求的 p99（${idle.length} 次）。`,
    };
  };
  const http = (w: Windows) => w.http;
  const reads = (w: Windows) => w.reads;
  return [
    result('小请求（setup.status，经 HTTP）', http, 'commit'),
    result('小请求（setup.status，经 HTTP）', http, 'writing'),
    result('读请求（person.get，经 dispatch）', reads, 'commit'),
    result('读请求（person.get，经 dispatch）', reads, 'writing'),
  ];
}
