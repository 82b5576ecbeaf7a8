// The files unpacked beside app.asar (app.asar.unpacked: the SQLite binary, better-sqlite3's own
// JavaScript and the worker scripts) are outside Electron's asar integrity check. Their SHA-256 go
// into a manifest inside the archive, which that check covers; the main process compares them
// before the backend starts (electron/nativeIntegrity.ts).
//   beforePack: writes dist/electron/unpacked-integrity.json from the files about to be packed.
//   afterPack:  the manifest in the packed app.asar must name exactly the unpacked files, with their
//               hashes — else the build fails (a config change unpacking something new, or a copy
//               that is not byte-for-byte, is caught here and not by a clerk's refused start).
// The unpacked set mirrors electron-builder.config.cjs (files ∩ asarUnpack); afterPack proves it.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

/** @electron/asar and app-builder-lib are CommonJS (electron-builder and its dependency). */
const load = createRequire(import.meta.url);

export const MANIFEST = 'dist/electron/unpacked-integrity.json';

/** Never shipped, wherever they are (the config's exclusions). */
const excluded = (rel) =>
  /\.(map|ts|tsx|mts|cts)$/.test(rel) || /\.test\./.test(rel) || /(^|\/)(test|tests|__tests__)\//.test(rel);

/** The unpacked files, relative to the app folder (forward slashes): what each root contributes. */
const ROOTS = [
  { dir: 'dist/electron', take: (rel) => !rel.includes('/') && rel.endsWith('.mjs') },
  {
    dir: 'node_modules/better-sqlite3',
    take: (rel) =>
      rel === 'package.json' || rel === 'LICENSE' || rel.startsWith('lib/') || rel === 'prebuilds/win32-x64.node',
  },
];

/** Every file under dir, relative to it, with forward slashes (symbolic links followed). */
function walk(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, base));
    else out.push(relative(base, path).split(sep).join('/'));
  }
  return out;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * { "node_modules/better-sqlite3/prebuilds/win32-x64.node": "<sha256>", … }, sorted. `transform`:
 * what electron-builder writes instead of a file's bytes, if anything (it rewrites a module's
 * package.json): the hash is of what lands on disk.
 */
export async function unpackedHashes(appDir, transform = () => null) {
  const files = {};
  for (const root of ROOTS) {
    const dir = join(appDir, root.dir);
    if (!existsSync(dir)) continue;
    for (const rel of walk(dir)
      .filter((r) => root.take(r) && !excluded(r))
      .sort()) {
      const path = join(dir, rel);
      const written = await transform(path);
      files[`${root.dir}/${rel}`] = sha256(written == null ? readFileSync(path) : Buffer.from(written));
    }
  }
  return files;
}

export async function beforePack(context) {
  const { appDir } = context.packager.info;
  // electron-builder's own transformer (it drops fields from node_modules/*/package.json), so the
  // manifest holds the bytes it will write; afterPack proves they match.
  const { createTransformer } = load('app-builder-lib/out/fileTransformer');
  const files = await unpackedHashes(appDir, createTransformer(appDir, context.packager.config, null, null));
  if (!Object.keys(files).some((f) => f.endsWith('.node')))
    throw new Error('unpacked-integrity: node_modules/better-sqlite3/prebuilds/win32-x64.node not found');
  writeFileSync(join(appDir, MANIFEST), `${JSON.stringify({ version: 1, algorithm: 'sha256', files }, null, 2)}\n`);
}

export async function afterPack(context) {
  const resources = join(context.appOutDir, 'resources');
  const asar = load('@electron/asar');
  const manifest = JSON.parse(asar.extractFile(join(resources, 'app.asar'), MANIFEST).toString('utf8'));
  const unpackedDir = join(resources, 'app.asar.unpacked');
  const actual = existsSync(unpackedDir) ? walk(unpackedDir).sort() : [];
  const listed = Object.keys(manifest.files).sort();
  const problems = [];
  for (const f of actual) if (!(f in manifest.files)) problems.push(`unpacked but not in the manifest: ${f}`);
  for (const f of listed) {
    if (!actual.includes(f)) problems.push(`in the manifest but not unpacked: ${f}`);
    else if (sha256(readFileSync(join(unpackedDir, f))) !== manifest.files[f])
      problems.push(`changed while packing: ${f}`);
  }
  if (problems.length) throw new Error(`unpacked-integrity:\n  ${problems.join('\n  ')}`);
}
