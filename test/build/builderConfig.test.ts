// build/electron-builder.config.cjs: valid by electron-builder's own validator, and saying what the
// office needs: a per-user NSIS installer without admin rights, in Simplified Chinese.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { APP_ID, APP_NAME } from '../../electron/appIdentity';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const config = require('../../build/electron-builder.config.cjs') as Configuration;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (c: Configuration, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const validate = (c: Configuration) => validateConfiguration(structuredClone(c), new DebugLogger(false));

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('the validator does refuse a wrong configuration (so the check above means something)', async () => {
    await expect(
      validate({ ...config, nsis: { ...config.nsis, oneClik: false } as Configuration['nsis'] }),
    ).rejects.toThrow(/configuration\.nsis/);
    await expect(
      validate({ ...config, nsis: { ...config.nsis, perMachine: 'no' } as unknown as Configuration['nsis'] }),
    ).rejects.toThrow(/configuration\.nsis/);
  });

  it('names the app as electron/appIdentity.ts does, with ASCII file names', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(APP_NAME);
    expect(config.executableName).toMatch(/^[A-Za-z0-9-]+$/);
    expect(config.nsis?.artifactName).toMatch(/^[A-Za-z0-9-]+-\$\{version\}-\$\{arch\}\.\$\{ext\}$/);
    expect(config.extraMetadata?.main).toBe('dist/electron/main.cjs');
  });

  it('builds a per-user NSIS installer that never asks for admin rights, in Simplified Chinese', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      multiLanguageInstaller: false,
      shortcutName: APP_NAME,
      deleteAppDataOnUninstall: false,
    });
  });

  it('flips the Electron fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar integrity, app only from asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // Asar integrity needs an asar to check; test/build/package.test.ts reads the flipped wire.
    expect(config.asar).toBe(true);
  });

  it('rebuilds nothing and unpacks the native SQLite module and the workers from the asar', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**', 'dist/electron/*.mjs']);
    const files = config.files as string[];
    expect(files).toContain('node_modules/better-sqlite3/prebuilds/win32-x64.node');
    expect(files.filter((f) => f.includes('prebuilds'))).toEqual([
      'node_modules/better-sqlite3/prebuilds/win32-x64.node',
    ]);
  });

  it('points at an icon that exists and carries a 256 px image', () => {
    const icon = join(root, config.win!.icon as string);
    expect(existsSync(icon)).toBe(true);
    const ico = readFileSync(icon);
    expect(ico.readUInt16LE(2)).toBe(1); // an icon file
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
  });
});
