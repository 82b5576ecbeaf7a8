// The files unpacked beside app.asar are checked by the main process before the backend starts
// (electron/nativeIntegrity.ts) against the manifest the build writes into the archive
// (build/unpackedIntegrity.mjs): the shell, against a fake 'electron', on a packaged layout made
// in a temporary folder — intact it starts; a changed or missing SQLite binary or worker, or no
// manifest, and it refuses with a Chinese dialog, exits and never forks the backend.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

import { FakeBrowserWindow, fakeElectron, shellTestEnvironment } from './fakeElectron';
import { startShell } from '../../electron/shell';
import { UNPACKED_MANIFEST, unpackedProblems } from '../../electron/nativeIntegrity';

const { app, dialog, utilityProcess } = fakeElectron;
shellTestEnvironment('censusdesk-integrity-');

const BINARY = 'node_modules/better-sqlite3/prebuilds/win32-x64.node';
const WORKER = 'dist/electron/parseWorker.mjs';

let dir: string;
let bundleDir: string;
let unpacked: string;
/** The manifest's files, as the build hashed them. */
let files: Record<string, string>;

/** <resources>/app.asar/dist/electron (the bundles and the manifest) and <resources>/app.asar.unpacked. */
async function packagedLayout() {
  dir = mkdtempSync(join(tmpdir(), 'censusdesk-unpacked-'));
  bundleDir = join(dir, 'resources', 'app.asar', 'dist', 'electron');
  unpacked = join(dir, 'resources', 'app.asar.unpacked');
  mkdirSync(bundleDir, { recursive: true });
  for (const [rel, content] of [
    [BINARY, 'MZ native sqlite'],
    ['node_modules/better-sqlite3/lib/index.js', 'module.exports = {}'],
    ['node_modules/better-sqlite3/package.json', '{"name":"better-sqlite3-multiple-ciphers"}'],
    [WORKER, 'export {}'],
  ]) {
    mkdirSync(dirname(join(unpacked, rel)), { recursive: true });
    writeFileSync(join(unpacked, rel), content);
  }
  // The build's own hashing, run on the unpacked copy (it mirrors the app folder's layout).
  const { unpackedHashes } = await import('../../build/unpackedIntegrity.mjs');
  const files = await unpackedHashes(unpacked);
  writeFileSync(join(bundleDir, UNPACKED_MANIFEST), JSON.stringify({ version: 1, algorithm: 'sha256', files }));
  return files;
}

async function boot() {
  const r = startShell({ bundleDir, rendererDir: join(dir, 'resources', 'app.asar', 'dist', 'renderer') });
  await fakeElectron.makeReady();
  return r;
}

beforeEach(async () => {
  files = await packagedLayout();
  app.isPackaged = true;
});
afterEach(() => {
  app.isPackaged = false;
  rmSync(dir, { recursive: true, force: true });
});

describe('unpacked files checked before the backend starts', () => {
  it('the build lists the binary, better-sqlite3’s JavaScript and the workers; intact, the app starts', async () => {
    expect(Object.keys(files).sort()).toEqual([
      WORKER,
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/better-sqlite3/package.json',
      BINARY,
    ]);
    expect(unpackedProblems(bundleDir)).toEqual([]);
    const r = await boot();
    expect(r.started).toBe(true);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'a replaced SQLite binary',
      () => writeFileSync(join(unpacked, BINARY), 'MZ evil'),
      `${BINARY}（内容与安装时不一致）`,
    ],
    ['a changed worker', () => writeFileSync(join(unpacked, WORKER), 'evil()'), `${WORKER}（内容与安装时不一致）`],
    ['a deleted binary', () => unlinkSync(join(unpacked, BINARY)), `${BINARY}（文件缺失）`],
    ['no manifest', () => unlinkSync(join(bundleDir, UNPACKED_MANIFEST)), `校验清单（${UNPACKED_MANIFEST}）缺失`],
  ])('%s: a Chinese dialog, exit, no backend and no window', async (_what, tamper, named) => {
    tamper();
    const r = await boot();
    expect(r.started).toBe(false);
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toBe('普查办工作台无法启动');
    expect(message).toContain(named);
    expect(message).toContain('程序文件已被修改或损坏');
    expect(message).toContain('请重新运行普查办工作台安装程序');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('a development run (not packaged) has no archive and is not checked', async () => {
    app.isPackaged = false;
    unlinkSync(join(bundleDir, UNPACKED_MANIFEST));
    expect((await boot()).started).toBe(true);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
