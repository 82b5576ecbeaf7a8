// `npm run bench startup`: start-up to first answer at 100k people. `npm run serve`'s server
// (./serveProcess.ts: the bundle with its flags) is started afresh on the same county file several
// times; each time: spawn → the ready line (it listens, has warmed its request path and prints
// its address), then ready → the first answers a clerk's page needs (the page, then setup.status),
// each as soon as the line is read. The start-up backup runs meanwhile, as it does for a clerk.
// The floor: the same two asks 3 s later, when the server has settled.
//   STARTUP_FIXTURE=<file> (or LATENCY_FIXTURE): reuse a county made by an earlier run (copied).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { county100k } from './latency';
import { serverKind, startServed } from './serveProcess';
import type { BenchResult } from './types';

const RUNS = 5;
const GOAL_MS = 50;

interface Start {
  toReady: number;
  toPage: number;
  toAnswer: number;
  /** The same two asks 3 s later, from the first byte asked. */
  settled: number;
}

/** The page, then setup.status, as a clerk's browser asks first; returns when each came. */
async function firstAsks(origin: string, token: string): Promise<{ pageAt: number; answerAt: number }> {
  await (await fetch(`${origin}/`)).arrayBuffer();
  const pageAt = performance.now();
  const res = await fetch(`${origin}/api/setup.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-censusdesk-token': token },
    body: '{}',
  });
  if (!((await res.json()) as { ok: boolean }).ok) throw new Error('setup.status failed');
  return { pageAt, answerAt: performance.now() };
}

async function startOnce(dir: string, fixture: string, i: number): Promise<Start> {
  // A fresh copy each time: nothing of the last start (WAL, statistics) helps the next.
  const file = join(dir, `county-${i}.db`);
  copyFileSync(fixture, file);
  const server = await startServed(['--port', '0', '--data', file]);
  try {
    const first = await firstAsks(server.origin, server.token);
    // The same asks once the server has settled (start-up backup made): the floor.
    await new Promise((r) => setTimeout(r, 3000));
    const t0 = performance.now();
    const later = await firstAsks(server.origin, server.token);
    return {
      toReady: server.readyAt - server.spawnedAt,
      toPage: first.pageAt - server.readyAt,
      toAnswer: first.answerAt - server.readyAt,
      settled: later.answerAt - t0,
    };
  } finally {
    await server.stop();
  }
}

/** The bench's own first fetch() loads undici (~300–500 ms here): paid before anything is timed. */
async function warmClient(): Promise<void> {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await (await fetch(`http://127.0.0.1:${port}/`)).text();
  await (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' })).text();
  await new Promise((r) => server.close(r));
}

export async function startupBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  try {
    const fixture = join(dir, 'county.db');
    const kept = process.env.STARTUP_FIXTURE ?? process.env.LATENCY_FIXTURE;
    if (kept && existsSync(kept)) copyFileSync(kept, fixture);
    else {
      await county100k(fixture);
      if (kept) copyFileSync(fixture, kept);
    }
    await warmClient();
    const starts: Start[] = [];
    for (let i = 0; i < RUNS; i++) starts.push(await startOnce(dir, fixture, i));
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
    const answers = starts.map((s) => s.toAnswer);
    const ready = starts.map((s) => s.toReady);
    const fmt = (xs: number[]) =>
      sorted(xs)
        .map((x) => x.toFixed(0))
        .join('/');
    return [
      {
        name: `100k 人时，启动（${serverKind()}）到第一个回答：就绪（已监听、已预热）后取页面再调 setup.status，${RUNS} 次的中位数（启动到就绪 ${fmt(ready)} ms；就绪后取到页面 ${fmt(starts.map((s) => s.toPage))} ms）`,
        value: median(answers),
        unit: 'ms',
        floor: median(starts.map((s) => s.settled)),
        ratio: median(answers) / median(starts.map((s) => s.settled)),
        floorRuns: starts.map((s) => s.settled),
        target: `就绪后 ≤ ${GOAL_MS} ms`,
        met: median(answers) <= GOAL_MS,
        runs: answers,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
