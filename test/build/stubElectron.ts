// A stand-in for the unpacked Electron for Windows, so electron-builder can package offline: an
// electron.exe that is a real (empty) PE file with version info, as electron-builder edits it with
// resedit (icon, version strings, asar integrity), plus the locale and licence files it expects.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as ResEdit from 'resedit';

const require = createRequire(import.meta.url);
// resedit comes with electron-builder (app-builder-lib uses it to edit Windows executables).
const resedit = require('resedit') as typeof ResEdit;

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
  writeFileSync(join(dir, 'electron.exe'), Buffer.from(exe.generate()));
  for (const locale of ['en-US', 'zh-CN', 'fr', 'de', 'ja'])
    writeFileSync(join(dir, 'locales', `${locale}.pak`), locale);
  writeFileSync(join(dir, 'LICENSE'), 'stub');
  writeFileSync(join(dir, 'ffmpeg.dll'), 'stub');
  writeFileSync(join(dir, 'version'), electronVersion);
  return dir;
}
