// `npm run build:electron`: bundles the desktop shell with esbuild into dist/electron.
//   main.cjs            the main process (electron/main.ts)
//   backendProcess.cjs  the whole backend, run in an Electron utilityProcess
//   preload.cjs         the preload; a sandboxed preload may require nothing but 'electron'
//   <worker>.mjs        each worker the backend starts with `new URL('./x.mjs', import.meta.url)`
//                       (the imports' SheetJS worker), bundled whole and shipped unpacked
//   icon.png            the window icon (build/icon.png, drawn by build/make-icon.mjs)
// better-sqlite3 stays outside the bundles: it is a native module and ships unpacked from the asar.
import { build } from 'esbuild';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Matches `new URL('./file.mjs', import.meta.url)`: a file the code loads from beside itself. */
const SIBLING_URL = /new URL\(\s*['"]\.\/([^'"/]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

/**
 * In a CommonJS bundle import.meta.url is empty; it becomes the bundle's own file URL, moved from
 * app.asar to app.asar.unpacked, where the workers it points at are (a worker thread's entry file
 * must be a real file).
 */
export const IMPORT_META_URL_SHIM =
  'const __bundleUrl = require("node:url").pathToFileURL(__filename.replace(/app\\.asar([\\\\/])/, "app.asar.unpacked$1")).href;';

/** Collects the sibling files our own sources load by URL, so they can be bundled next to the bundle. */
export function siblingFiles(found) {
  return {
    name: 'sibling-files',
    setup(b) {
      b.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
        if (args.path.includes('node_modules')) return undefined;
        // Only code counts: a comment that mentions `new URL('./x.mjs', …)` is not a worker.
        const code = readFileSync(args.path, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '');
        for (const m of code.matchAll(SIBLING_URL)) {
          const file = resolve(dirname(args.path), m[1]);
          const clash = [...found].find((f) => basename(f) === basename(file) && f !== file);
          if (clash) throw new Error(`two workers named ${basename(file)}: ${clash} and ${file}`);
          found.add(file);
        }
        return undefined;
      });
    },
  };
}

const common = {
  absWorkingDir: root,
  bundle: true,
  // Electron 45 runs Node 22 in its main and utility processes.
  target: 'node22',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'error',
};

export async function buildElectron(outdir = resolve(root, 'dist/electron')) {
  const workers = new Set();
  await build({
    ...common,
    outdir,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    entryPoints: { main: 'electron/main.ts', backendProcess: 'electron/backendProcess.ts' },
    external: ['electron', 'better-sqlite3'],
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: IMPORT_META_URL_SHIM },
    plugins: [siblingFiles(workers)],
  });
  for (const worker of workers) {
    if (!existsSync(worker)) throw new Error(`worker not found: ${worker}`);
    if (!worker.endsWith('.mjs')) throw new Error(`workers are ES modules (.mjs): ${worker}`);
    await build({
      ...common,
      outfile: resolve(outdir, basename(worker)),
      format: 'esm',
      platform: 'node',
      entryPoints: [worker],
      external: ['better-sqlite3'],
      // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
      banner: {
        js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
      },
    });
  }
  await build({
    ...common,
    outdir,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // Browser platform: a Node built-in pulled in by mistake fails the build, not the window.
    platform: 'browser',
    entryPoints: { preload: 'electron/preload.ts' },
    external: ['electron'],
  });
  const preload = readFileSync(resolve(outdir, 'preload.cjs'), 'utf8');
  const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  if (required.some((name) => name !== 'electron'))
    throw new Error(`preload.cjs may only require 'electron', found: ${required.join(', ')}`);
  copyFileSync(resolve(root, 'build/icon.png'), resolve(outdir, 'icon.png'));
  return { outdir, workers: [...workers].map((w) => basename(w)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().then(
    ({ outdir }) => console.log(`桌面外壳已构建：${outdir}`),
    (e) => {
      console.error(`桌面外壳构建失败：${e.message}`);
      process.exit(1);
    },
  );
}
