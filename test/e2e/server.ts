// Starts the real browser-mode server on a fresh data file as a clerk's `npm run serve` runs it: the
// esbuild bundle dist/server/serve.mjs under the project's Node, with serve's own Node flags (built
// once per run by globalSetup.ts), `--port 0 --data <tmp>`; reads the address with its token from
// what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveCommand } from '../bench/serveProcess';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const STATIC_DIR = join(PROJECT_ROOT, 'dist/renderer');

export interface RunningServer {
  /** http://127.0.0.1:PORT/#token=… */
  url: string;
  dataDir: string;
  /** The server's own process (node running the bundle). */
  pid: number;
  stop: () => Promise<void>;
}

const STARTED = /已启动（浏览器模式）：(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/;

export async function startServer(opts: { dataFile?: string; extraArgs?: string[] } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'censusdesk-e2e-'));
  const dataFile = opts.dataFile ?? join(dataDir, 'census.db');
  // The project's Node 22 (better-sqlite3 is built for it), not whichever node runs Playwright.
  const node = join(PROJECT_ROOT, 'node_modules/.bin/node');
  const child: ChildProcess = spawn(
    node,
    [...serveCommand(), '--port', '0', '--data', dataFile, ...(opts.extraArgs ?? [])],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        // Cheap password hashes for the logins the specs make (honoured only under NODE_ENV=test).
        NODE_ENV: 'test',
        CENSUSDESK_TEST_SCRYPT_N: String(1 << 10),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`服务器30秒内未启动：\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = STARTED.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`服务器已退出（${code}）：\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
