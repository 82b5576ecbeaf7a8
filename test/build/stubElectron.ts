// A stand-in for the unpacked Electron for Windows, so electron-builder can package offline: an
// electron.exe that is a real (empty) PE file with version info, as electron-builder edits it with
// resedit (icon, version strings, asar integrity) and flips its fuses, plus the locale and licence
// files it expects.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as ResEdit from 'resedit';

const require = createRequire(import.meta.url);
// resedit comes with electron-builder (app-builder-lib uses it to edit Windows executables).
const resedit = require('resedit') as typeof ResEdit;

/** @electron/fuses' marker before the fuse wire in an Electron binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

export function makeStubElectronDist(dir: string, electronVersion: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const exe = resedit.NtExecutable.createEmpty(false, false);
  const res = resedit.NtExecutableResource.from(exe);
  const info = resedit.Resource.VersionInfo.createEmpty();
  info.lang = 1033;
  info.setStringValues(
    { lang: 1033, codepage: 1200 },
    { ProductName: 'Electron', FileDescription: 'Electron', FileVersion: electronVersion },
  );
  info.outputToResourceEntries(res.entries);
  res.outputResource(exe);
  // The fuse wire Electron's binary carries (what @electron/fuses looks for): its sentinel, version
  // 1, length 8, and Electron 45's defaults — RunAsNode, NODE_OPTIONS, --inspect and file://
  // privileges on, cookie encryption, asar integrity, asar-only and the V8 snapshot off.
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);
  writeFileSync(join(dir, 'electron.exe'), Buffer.concat([Buffer.from(exe.generate()), wire]));
  for (const locale of ['en-US', 'zh-CN', 'fr', 'de', 'ja'])
    writeFileSync(join(dir, 'locales', `${locale}.pak`), locale);
  writeFileSync(join(dir, 'LICENSE'), 'stub');
  writeFileSync(join(dir, 'ffmpeg.dll'), 'stub');
  writeFileSync(join(dir, 'version'), electronVersion);
  return dir;
}
