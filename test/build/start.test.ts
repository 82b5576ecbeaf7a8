// `npm start` where Electron's binary cannot be had: one line pointing to browser mode, nothing built.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { installedElectron, NO_ELECTRON_MESSAGE } from '../../scripts/start.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const work = mkdtempSync(join(tmpdir(), 'censusdesk-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm start', () => {
  it('finds an unpacked Electron binary from the package’s path.txt, without downloading', () => {
    const dir = join(work, 'electron');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    expect(installedElectron(dir)).toBeNull();
    writeFileSync(join(dir, 'path.txt'), 'electron.exe');
    expect(installedElectron(dir)).toBeNull(); // named but not there
    writeFileSync(join(dir, 'dist', 'electron.exe'), '');
    expect(installedElectron(dir)).toBe(join(dir, 'dist', 'electron.exe'));
  });

  it.skipIf(installedElectron(electronDir) !== null)(
    'says in one line that the desktop app cannot start, and points to npm run serve',
    () => {
      // Any download goes to a closed port, so this is quick and offline everywhere.
      const env = {
        ...process.env,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: join(work, 'cache'),
        HTTPS_PROXY: 'http://127.0.0.1:9',
      };
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs')], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe(`${NO_ELECTRON_MESSAGE}\n`);
      expect(NO_ELECTRON_MESSAGE).toContain('npm run serve');
      expect(r.stderr).toBe('');
    },
  );
});
