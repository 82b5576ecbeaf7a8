// `npm run serve`: browser mode. Opens (or creates) the data file, starts the HTTP transport on
// 127.0.0.1 and prints the address with this launch's token; closes the database on Ctrl+C. An
// encrypted data file starts locked (backend/lockedStart.ts) until its 恢复码 is typed in the page.
//   --data <path>   data file (default ./data/censusdesk.db, or env CENSUSDESK_DATA)
//   --port <n>      port (default 0: any free port)
//   --static <dir>  built renderer (default dist/renderer in the project)
//   --demo          the demo county, in its own file (default ./data/demo.db), loaded on first start
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend, type Backend } from './app';
import { startHttpServer } from './transports/http';
import { warmUp } from './warmUp';
import { UserError } from '../db/errors';
import { DEMO_ADMIN, loadDemo } from './demo';
import { startBackupSchedule, type BackupSchedule } from './backups/schedule';
import { openGated } from './lockedStart';
import { deriveKey } from './recoveryKey';

export interface ServeOptions {
  dataPath: string;
  port: number;
  staticDir: string;
  demo: boolean;
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function parseServeArgs(argv: string[], env: Record<string, string | undefined>, cwd: string): ServeOptions {
  let values: { data?: string; port?: string; static?: string; demo?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        static: { type: 'string' },
        demo: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UserError(
      'BAD_ARGS',
      `命令行参数有误（${(e as Error).message}）。可用参数：--data <数据文件> --port <端口> --static <界面目录> --demo`,
    );
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError('BAD_ARGS', `端口应为0至65535之间的整数：${values.port}`);
  return {
    // The demo lives in its own file so it never mixes with an office's real data.
    dataPath: resolve(
      cwd,
      values.data ?? (values.demo ? 'data/demo.db' : (env.CENSUSDESK_DATA ?? 'data/censusdesk.db')),
    ),
    port,
    staticDir: resolve(cwd, values.static ?? resolve(projectRoot, 'dist/renderer')),
    demo: values.demo ?? false,
  };
}

/** Loads the demo county into a fresh file; an existing demo file is opened as it is. */
async function prepareDemo(backend: Backend): Promise<string> {
  const status = await backend.dispatch('setup.status', {}, { operator: null });
  if (status.ok && (status.data as { hasOperators: boolean }).hasOperators) return '（已有示例数据，直接打开）';
  await loadDemo(backend);
  return '（示例数据已载入）';
}

export async function serve(opts: ServeOptions) {
  let whenOpened: ((backend: Backend) => void) | null = null;
  // A plain or new file opens here (a new office's file turns encrypted at the wizard's 恢复码 step);
  // an encrypted one waits, locked, for setup.unlock. Browser mode keeps no code between starts.
  const gate = openGated({
    path: opts.dataPath,
    open: (key) => openBackend(opts.dataPath, { key }),
    deriveKey,
    onOpened: (backend) => whenOpened?.(backend),
  });
  try {
    const demoNote = opts.demo && gate.backend ? await prepareDemo(gate.backend) : null;
    const server = await startHttpServer({ backend: gate, port: opts.port, staticDir: opts.staticDir });
    await warmUp(server);
    return {
      backend: gate,
      server,
      demoNote,
      /** Runs `then` with the open backend: now, or once the 恢复码 has opened a locked file. */
      onOpened: (then: (backend: Backend) => void) => {
        if (gate.backend) then(gate.backend);
        else whenOpened = then;
      },
    };
  } catch (e) {
    gate.close();
    throw e;
  }
}

async function main() {
  let running: Awaited<ReturnType<typeof serve>>;
  try {
    running = await serve(parseServeArgs(process.argv.slice(2), process.env, process.cwd()));
  } catch (e) {
    console.error(e instanceof UserError ? e.message : `启动失败：${(e as Error).message}`);
    process.exit(1);
  }
  const locked = running.backend.locked;
  // A backup now and one a day while running, made in the backup worker so the first answers never
  // wait for it; a failed one is reported, never fatal. A locked file gets its schedule once opened.
  // Started before the address is printed: starting the worker thread and posting the audit walk
  // hold this thread ~200–300 ms at first, which the clerk's first answer would otherwise wait for.
  let backups: BackupSchedule | null = null;
  running.onOpened((backend) => {
    if (locked) console.log('已输入恢复码，数据文件已打开');
    backups = startBackupSchedule(backend, {
      background: true,
      onBackup: (r) => console.log(`已备份：${r.path}`),
      onError: (e) => console.error(`自动备份失败：${(e as Error).message}`),
    });
  });
  console.log(`普查办工作台已启动（浏览器模式）：${running.server.url}`);
  console.log(`数据文件：${running.backend.path}`);
  if (locked) console.log('数据文件已加密：请在浏览器中输入恢复码');
  if (running.demoNote) console.log(`示例县${running.demoNote}，登录：${DEMO_ADMIN.name} / ${DEMO_ADMIN.password}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // A backup still being made finishes first: its reader must be gone for the close to merge the WAL.
    Promise.all([backups?.stop(), running.server.close()])
      .catch(() => undefined)
      .finally(() => {
        // Closing checkpoints the WAL so the .db file alone holds everything.
        running.backend.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
