// `npm start`: builds the renderer and the shell, then launches the desktop app, where Electron's
// binary is installed or can be downloaded. Where it cannot be had, says so in one line and points
// to browser mode, before building anything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const NO_ELECTRON_MESSAGE = '本机无法获取 Electron 程序文件，桌面版无法启动；请改用浏览器模式：npm run serve';

/** The Electron binary the electron package has unpacked, or null (never triggers a download). */
export function installedElectron(electronDir) {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = join(electronDir, 'dist', relative);
    return relative && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs the electron package's own installer quietly (it downloads the binary); true if it worked. */
export function fetchElectron(electronDir, env = process.env) {
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    env,
    stdio: 'pipe',
    timeout: 10 * 60_000,
  });
  return r.status === 0;
}

function run(command, args) {
  const r = spawnSync(process.execPath, [command, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main() {
  const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const binary = installedElectron(electronDir) ?? (fetchElectron(electronDir) ? installedElectron(electronDir) : null);
  if (!binary) {
    console.log(NO_ELECTRON_MESSAGE);
    process.exit(1);
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (pkg.main !== 'dist/electron/main.cjs') {
    console.log('package.json 缺少 "main": "dist/electron/main.cjs"，桌面版无法启动；请改用浏览器模式：npm run serve');
    process.exit(1);
  }
  run(join(root, 'node_modules', 'vite', 'bin', 'vite.js'), ['build']);
  run(join(root, 'scripts', 'build-electron.mjs'), []);
  // Electron started from a Node that sets ELECTRON_RUN_AS_NODE would run as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
