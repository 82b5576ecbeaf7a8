// The browser-mode server as `npm run serve` runs it — the esbuild bundle dist/server/serve.mjs under
// plain Node (built first when stale) — for the benches that measure that process: its memory while
// exporting (download) and its start-up (startup). BENCH_SERVER=tsx runs the sources under tsx
// instead, as `npm run serve` did before the bundle, to compare.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const STARTED = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([0-9a-f]+)/;

export interface ServedProcess {
  /** http://127.0.0.1:PORT/#token=… */
  url: string;
  origin: string;
  token: string;
  /** The process that serves (node itself: its RSS is the server's). */
  pid: number;
  /** performance.now() when the server printed its address (it listens and is ready). */
  readyAt: number;
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
  stop: () => Promise<void>;
}

export const serverKind = (): 'bundle' | 'tsx' => (process.env.BENCH_SERVER === 'tsx' ? 'tsx' : 'bundle');

/**
 * The node arguments of `npm run serve`'s last step (`node <flags> dist/server/serve.mjs --static …`),
 * read from package.json so the bench runs what a clerk runs, flags included.
 */
export function serveCommand(): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts.serve;
  const last = script.split('&&').pop()!.trim().split(/\s+/);
  if (last[0] !== 'node') throw new Error(`npm run serve 的最后一步不是 node：${script}`);
  return last.slice(1);
}

/** Builds dist/server when a source is newer than it, as `npm run serve` does. */
export function ensureServeBundle(): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-serve.mjs'), '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('scripts/build-serve.mjs failed');
}

export async function startServed(args: string[], env: Record<string, string> = {}): Promise<ServedProcess> {
  const kind = serverKind();
  if (kind === 'bundle') ensureServeBundle();
  const argv =
    kind === 'bundle' ? [...serveCommand(), ...args] : ['--import', 'tsx', join(root, 'backend/serve.ts'), ...args];
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, argv, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = await new Promise<{ at: number; origin: string; token: string; url: string }>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`服务器60秒内未启动：\n${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = STARTED.exec(out);
      if (m) {
        clearTimeout(timer);
        res({ at: performance.now(), origin: m[1], token: m[2], url: m[0] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`serve 退出（${code}）：${out}`));
    });
  });
  return {
    url: ready.url,
    origin: ready.origin,
    token: ready.token,
    pid: child.pid!,
    readyAt: ready.at,
    spawnedAt,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
