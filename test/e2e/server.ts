// Starts the real browser-mode server on a fresh data file, as a clerk would (`tsx backend/serve.ts
// --port 0 --data <tmp>`), and reads the address with its token from what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const STATIC_DIR = join(PROJECT_ROOT, 'dist/renderer');

export interface RunningServer {
  /** http://127.0.0.1:PORT/#token=… */
  url: string;
  dataDir: string;
  /** The spawned tsx process (the server itself runs in its child). */
  pid: number;
  stop: () => Promise<void>;
}

const STARTED = /已启动（浏览器模式）：(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/;

export async function startServer(opts: { dataFile?: string; extraArgs?: string[] } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'censusdesk-e2e-'));
  const dataFile = opts.dataFile ?? join(dataDir, 'census.db');
  const tsx = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
  const child: ChildProcess = spawn(
    tsx,
    ['backend/serve.ts', '--port', '0', '--data', dataFile, ...(opts.extraArgs ?? [])],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        PATH: `${join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
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
