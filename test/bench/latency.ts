// Issue 18, part 3: nothing long on the request thread. A tiny request (setup.status over HTTP, sent
// from a thread of its own at a fixed pace, so a blocked server shows as late answers) is timed on
// an idle server and while the server makes a backup, computes the dashboard and exports a 100k
// R1 roster, all at 100k people in one run. (Start-up to first answer: ./startup.ts.)
//   npx tsx test/bench/run.ts latency        (or npx tsx test/bench/latency.ts)
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend, type Backend } from '../../backend/app';
import { loadDemo } from '../../backend/demo';
import { startHttpServer } from '../../backend/transports/http';
import { peopleRows } from '../reports/people20k';
import { insertPeople } from '../../db/entities/personnel';
import { idNumber } from '../../backend/demo/people';
import { seededRandom } from '../../backend/demo/random';
import { identityFromId } from '../../core/schemas/personnel';
import { percentile, startPinger } from './pinger';
import type { BenchResult } from './types';

const admin = { operator: { id: null, name: '基准测试', role: '管理员' as const } };
const PEOPLE = 100_000;
/** One ping every PACE_MS; each answer's latency counts from when it was due, not when it went out. */
const PACE_MS = 20;
const GOAL_MS = 50;
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function call(b: Backend, method: string, input: unknown) {
  const r = await b.dispatch(method, input, admin);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as Record<string, unknown>;
}

/**
 * The demo county (townships, villages, training, contracts) plus 100k people spread over its
 * villages, most 普查员 with a 普查指导员, most people trained, a tenth without insurance.
 */
export async function county100k(path: string): Promise<void> {
  await countyWith(path, PEOPLE);
}

/** The same county with `people` people besides the demo's (the scaling bench: 1k to 100k). */
export async function countyWith(path: string, people: number): Promise<void> {
  const b = openBackend(path);
  try {
    await loadDemo(b, new Date('2018-11-30T10:00:00+08:00'));
    // Codes and ID numbers of their own, apart from the demo's 300 people: 人员编号 511399 + 5 digits,
    // ID numbers of a neighbouring county.
    const r = seededRandom(18);
    const rows = peopleRows(people).map((row, i) => {
      const id = idNumber(r, '511302', i, row.sex as '男' | '女');
      return { ...row, ...identityFromId(id), idNumber: id, personCode: `511399${String(i).padStart(5, '0')}` };
    });
    const db = b.db;
    db.transaction(() => {
      const ids = insertPeople(db, rows);
      const villages = db.prepare('SELECT id, township_id AS t FROM villages').all() as { id: number; t: number }[];
      const supervisors = db
        .prepare(`SELECT person_id FROM person_roles WHERE role = '普查指导员'`)
        .pluck()
        .all() as number[];
      const sessions = db.prepare('SELECT id FROM training_sessions').pluck().all() as number[];
      const place = db.prepare('UPDATE people SET township_id = ?, village_id = ?, supervisor_id = ? WHERE id = ?');
      const uninsured = db.prepare('UPDATE people SET insurance_start = NULL, insurance_end = NULL WHERE id = ?');
      const attend = db.prepare(
        `INSERT INTO training_attendance (session_id, person_id, signed_in, passed, created_at, updated_at)
         VALUES (?, ?, ?, ?, '2018-06-01', '2018-06-01')`,
      );
      ids.forEach((id, i) => {
        const v = villages[i % villages.length];
        place.run(v.t, v.id, i % 5 === 0 ? null : supervisors[i % supervisors.length], id);
        if (i % 10 === 0) uninsured.run(id);
        if (i % 7 !== 0) attend.run(sessions[i % sessions.length], id, 1, i % 13 === 0 ? 0 : 1);
      });
    })();
  } finally {
    b.close();
  }
}

interface Pinged {
  p50: number;
  p99: number;
  max: number;
  n: number;
}

/** Pings the server while `load` runs (at least `minMs`), and sums up the latencies. */
async function pingDuring(url: string, token: string, load: () => Promise<unknown>, minMs = 4000): Promise<Pinged> {
  const stop = await startPinger(url, token, PACE_MS);
  const t0 = performance.now();
  await load();
  const left = minMs - (performance.now() - t0);
  if (left > 0) await new Promise((r) => setTimeout(r, left));
  const all = (await stop()).map(([, ms]) => ms);
  const sorted = all.sort((a, b) => a - b);
  if (process.env.LATENCY_DEBUG) console.error('pinged', sorted.length, percentile(sorted, 0.99));
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
}

/**
 * Runs `fn` `times` times with a pause after each as long as the run (at least 300 ms), so each run
 * meets a pinger that has caught up: the figure is what a click during one such operation waits,
 * not a queue built up over several.
 */
async function repeatWithPauses(times: number, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    await new Promise((r) => setTimeout(r, Math.max(300, performance.now() - t0)));
  }
}

async function underLoad(dir: string, file: string): Promise<BenchResult[]> {
  const b = openBackend(file, { backupDir: join(dir, 'backups') });
  const server = await startHttpServer({ backend: b, staticDir: join(root, 'dist/renderer') });
  const url = `http://127.0.0.1:${server.port}`;
  try {
    // Warm every path once (statements, the export worker, JIT) before timing any.
    await call(b, 'dashboard.checks', {});
    await call(b, 'backup.now', {});
    await call(b, 'report.export', { reportId: 'R1' });
    const township = (b.db.prepare('SELECT id FROM townships LIMIT 1').get() as { id: number }).id;
    let note = 0;
    const cases: [string, () => Promise<unknown>][] = [
      ['备份（backup.now，含完整性检查）', () => repeatWithPauses(5, () => call(b, 'backup.now', {}))],
      [
        // A write before each, so each computes the checks afresh rather than reading a cache.
        '首页检查（dashboard.checks，每次前一次写入）',
        () =>
          repeatWithPauses(10, async () => {
            await call(b, 'township.update', { id: township, note: `基准 ${note++}` });
            return call(b, 'dashboard.checks', {});
          }),
      ],
      ['导出花名册 R1 100k 人（report.export）', () => call(b, 'report.export', { reportId: 'R1' })],
    ];
    const results: BenchResult[] = [];
    // The idle figure before and after the loads, the better of the two as the floor.
    const idleBefore = await pingDuring(url, server.token, async () => undefined);
    const loaded: [string, Pinged][] = [];
    for (const [name, load] of cases) loaded.push([name, await pingDuring(url, server.token, load)]);
    const idleAfter = await pingDuring(url, server.token, async () => undefined);
    const idle = idleBefore.p99 <= idleAfter.p99 ? idleBefore : idleAfter;
    for (const [name, p] of loaded) {
      results.push({
        name: `100k 人时，${name}期间小请求的 p99 延迟（p50 ${p.p50.toFixed(1)}、最长 ${p.max.toFixed(0)} ms，${p.n} 次；空闲 p99 ${idleBefore.p99.toFixed(1)} / ${idleAfter.p99.toFixed(1)} ms）`,
        value: p.p99,
        unit: 'ms',
        floor: idle.p99,
        ratio: p.p99 / idle.p99,
        target: `≤ ${GOAL_MS} ms`,
        met: p.p99 <= GOAL_MS,
      });
    }
    return results;
  } finally {
    await server.close();
    b.close();
  }
}

export async function latencyBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-latency-'));
  try {
    const file = join(dir, 'county.db');
    // LATENCY_FIXTURE=<file>: reuse a county made by an earlier run (copied, never changed).
    const kept = process.env.LATENCY_FIXTURE;
    if (kept && existsSync(kept)) copyFileSync(kept, file);
    else {
      await county100k(file);
      if (kept) copyFileSync(file, kept);
    }
    return await underLoad(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const r of await latencyBench()) console.log(JSON.stringify(r));
}
