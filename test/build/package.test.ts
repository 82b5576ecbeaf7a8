// Packages the Windows app (`--win dir`) with our electron-builder config against a stub Electron,
// offline, and checks what lands in the archive: the bundles and the renderer inside app.asar, the
// win32-x64 SQLite binary unpacked beside it, and nothing that should not ship.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  type Dirent,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Asar from '@electron/asar';
import type * as ResEdit from 'resedit';
import type * as Fuses from '@electron/fuses';
import { makeStubElectronDist } from './stubElectron';
import { APP_NAME } from '../../electron/appIdentity';
import { UNPACKED_MANIFEST, unpackedProblems } from '../../electron/nativeIntegrity';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as typeof Asar;
const resedit = require('resedit') as typeof ResEdit;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const electronVersion = (require('electron/package.json') as { version: string }).version;

let work: string;
let appOut: string;
let log: string;
let files: string[];

/** A copy of the project as electron-builder sees it: package.json, fresh bundles, a renderer. */
async function stageProject(dir: string) {
  mkdirSync(join(dir, 'dist', 'renderer', 'assets'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  cpSync(join(root, 'build'), join(dir, 'build'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>普查办工作台</title>');
  writeFileSync(join(dir, 'dist', 'renderer', 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(dir, 'dist', 'renderer', 'assets', 'index.js.map'), '{}');
  const { buildElectron } = (await import('../../scripts/build-electron.mjs')) as {
    buildElectron: (out: string) => Promise<unknown>;
  };
  await buildElectron(join(dir, 'dist', 'electron'));
  // A stray source and test next to the bundles must not ship either.
  writeFileSync(join(dir, 'dist', 'electron', 'stray.ts'), 'export {}');
  writeFileSync(join(dir, 'dist', 'electron', 'stray.test.cjs'), '');
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'censusdesk-package-'));
  const project = join(work, 'project');
  await stageProject(project);
  const stub = makeStubElectronDist(join(work, 'electron-dist'), electronVersion);
  const out = join(work, 'out');
  const cache = join(work, 'cache');
  mkdirSync(cache);
  const run = promisify(execFile);
  // Any download attempt fails: dead mirrors and proxy, an empty cache.
  const offline = {
    ...process.env,
    ELECTRON_BUILDER_CACHE: cache,
    ELECTRON_MIRROR: 'http://127.0.0.1:9/no-download/',
    ELECTRON_BUILDER_BINARIES_MIRROR: 'http://127.0.0.1:9/no-download/',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  };
  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
  const args = [
    '--win',
    'dir',
    '--x64',
    '--projectDir',
    project,
    '--config',
    join(root, 'build', 'electron-builder.config.cjs'),
  ];
  args.push(`-c.electronDist=${stub}`, `-c.directories.output=${out}`);
  const r = await run(process.execPath, [cli, ...args], { env: offline, maxBuffer: 64 * 1024 * 1024 }).catch(
    (e: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`electron-builder failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    },
  );
  log = `${r.stdout}\n${r.stderr}`;
  appOut = join(out, 'win-unpacked');
  files = asar.listPackage(join(appOut, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packaged Windows app (win-unpacked)', () => {
  it('was built without downloading anything', () => {
    expect(log).not.toMatch(/download/i);
    expect(readdirSync(join(dirname(appOut), '..', 'cache'))).toEqual([]);
  });

  it('is CensusDesk.exe with our icon and product name written into it', () => {
    const exe = resedit.NtExecutable.from(readFileSync(join(appOut, 'CensusDesk.exe')));
    const res = resedit.NtExecutableResource.from(exe);
    const [info] = resedit.Resource.VersionInfo.fromEntries(res.entries);
    const strings = info.getStringValues(info.getAllLanguagesForStringValues()[0]);
    expect(strings.ProductName).toBe(APP_NAME);
    expect(resedit.Resource.IconGroupEntry.fromEntries(res.entries)).toHaveLength(1);
    expect(existsSync(join(appOut, 'electron.exe'))).toBe(false);
  });

  it('keeps only the Chinese and English Electron locales', () => {
    expect(readdirSync(join(appOut, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('holds the built main, preload, backend process and renderer in app.asar, with main as entry', () => {
    for (const f of [
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/electron/backendProcess.cjs',
      '/dist/electron/icon.png',
      '/dist/renderer/index.html',
      '/dist/renderer/assets/index.js',
    ]) {
      expect(files).toContain(f);
    }
    const pkg = JSON.parse(
      asar.extractFile(join(appOut, 'resources', 'app.asar'), 'package.json').toString(),
    ) as Record<string, unknown>;
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg).not.toHaveProperty('devDependencies');
  });

  it('unpacks the win32-x64 better-sqlite3 binary next to the archive, and no other platform’s', () => {
    const unpacked = join(appOut, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    expect(existsSync(join(unpacked, 'prebuilds', 'win32-x64.node'))).toBe(true);
    expect(readdirSync(join(unpacked, 'prebuilds'))).toEqual(['win32-x64.node']);
    expect(existsSync(join(unpacked, 'lib', 'index.js'))).toBe(true);
    // The archive lists it as unpacked, so require() inside app.asar finds the real file.
    expect(files).toContain('/node_modules/better-sqlite3/prebuilds/win32-x64.node');
    expect(files.filter((f) => f.includes('/prebuilds/'))).toEqual([
      '/node_modules/better-sqlite3/prebuilds/win32-x64.node',
    ]);
  });

  it('ships no sources, tests, maps, C++ or other node_modules', () => {
    const unpacked = join(appOut, 'resources', 'app.asar.unpacked');
    const all = [
      ...files,
      ...(readdirSync(unpacked, { recursive: true }) as string[]).map((f) => `/${f.replace(/\\/g, '/')}`),
    ];
    expect(all.filter((f) => /\.(ts|tsx|map|cc|cpp|c|h|gyp)$/.test(f))).toEqual([]);
    expect(all.filter((f) => /(^|\/)(test|tests|__tests__|docs|src|deps)(\/|$)|\.test\./.test(f))).toEqual([]);
    const modules = new Set(all.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/')[2]));
    expect([...modules]).toEqual(['better-sqlite3']);
  });
});

describe('the unpacked files’ manifest inside app.asar (build/unpackedIntegrity.mjs)', () => {
  it('names every unpacked file with its SHA-256, and the main process’s check passes on it', () => {
    const unpacked = join(appOut, 'resources', 'app.asar.unpacked');
    const manifest = JSON.parse(
      asar.extractFile(join(appOut, 'resources', 'app.asar'), `dist/electron/${UNPACKED_MANIFEST}`).toString('utf8'),
    ) as { files: Record<string, string> };
    const onDisk = (readdirSync(unpacked, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((d) => d.isFile())
      .map((d) =>
        join(d.parentPath, d.name)
          .slice(unpacked.length + 1)
          .replace(/\\/g, '/'),
      )
      .sort();
    expect(Object.keys(manifest.files).sort()).toEqual(onDisk);
    expect(onDisk).toContain('node_modules/better-sqlite3/prebuilds/win32-x64.node');
    expect(onDisk.filter((f) => f.startsWith('dist/electron/')).every((f) => f.endsWith('.mjs'))).toBe(true);
    for (const f of onDisk)
      expect(manifest.files[f], f).toBe(
        createHash('sha256')
          .update(readFileSync(join(unpacked, f)))
          .digest('hex'),
      );
    // The check electron/nativeIntegrity.ts runs at start, on a copy of the layout: app.asar's manifest
    // as a folder, the real unpacked files beside it.
    const layout = join(work, 'layout');
    const bundleDir = join(layout, 'app.asar', 'dist', 'electron');
    mkdirSync(bundleDir, { recursive: true });
    writeFileSync(join(bundleDir, UNPACKED_MANIFEST), JSON.stringify(manifest));
    symlinkSync(unpacked, join(layout, 'app.asar.unpacked'), 'dir');
    expect(unpackedProblems(bundleDir)).toEqual([]);
  });
});

describe('Electron fuses of the packaged CensusDesk.exe', () => {
  it('are flipped: no RunAsNode, NODE_OPTIONS or --inspect; asar integrity checked, the app only from app.asar', async () => {
    const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof Fuses;
    const wire = (await getCurrentFuseWire(join(appOut, 'CensusDesk.exe'))) as Record<number, number>;
    const state = (o: number) => String.fromCharCode(wire[o]);
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  });

  it('carry the hash of app.asar in the .exe, which the asar-integrity fuse makes Electron check', () => {
    const exe = resedit.NtExecutable.from(readFileSync(join(appOut, 'CensusDesk.exe')));
    const res = resedit.NtExecutableResource.from(exe);
    const integrity = res.entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
    expect(integrity).toBeDefined();
    const [entry] = JSON.parse(Buffer.from(integrity!.bin).toString('utf8')) as { file: string; value: string }[];
    expect(entry.file.toLowerCase()).toBe('resources\\app.asar');
    const header = asar.getRawHeader(join(appOut, 'resources', 'app.asar')).headerString;
    expect(entry.value).toBe(createHash('sha256').update(header).digest('hex'));
  });
});
