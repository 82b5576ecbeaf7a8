// Bundles the browser-mode server (backend/serve.ts) with esbuild into dist/server, as the desktop
// build bundles the backend: `npm run serve` runs dist/server/serve.mjs under plain Node rather than
// the sources under tsx. Under tsx the server rested at 250–280 MB and every worker thread it started
// registered tsx again (45–60 MB each); the bundle rests at 120–140 MB (docs/performance.md).
//   serve.mjs       the server (ES module: `new URL('./x.mjs', import.meta.url)` finds its workers)
//   <worker>.mjs    each worker the backend starts that way, bundled whole beside it
// better-sqlite3 stays outside (a native module, found in node_modules as before).
//   node scripts/build-serve.mjs              builds
//   node scripts/build-serve.mjs --if-stale   builds only when a source is newer than the bundle
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siblingFiles } from './build-electron.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
export const SERVE_BUNDLE = resolve(root, 'dist/server/serve.mjs');

/** What the bundle is made of: a change to any of these makes it stale. */
const SOURCES = [
  'backend',
  'db',
  'core',
  'package.json',
  'package-lock.json',
  'scripts/build-serve.mjs',
  'scripts/build-electron.mjs',
];

function newestMtime(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file shows as its folder's change
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function serveBundleStale() {
  if (!existsSync(SERVE_BUNDLE)) return true;
  const built = statSync(SERVE_BUNDLE).mtimeMs;
  return SOURCES.some((s) => newestMtime(resolve(root, s)) > built);
}

/**
 * The worker entries register tsx when it can be found (a source tree): the bundle sits in the
 * source tree, yet its workers are JavaScript already, so the lookup is cut out of them here.
 */
const noTsxInWorkers = {
  name: 'no-tsx-in-workers',
  setup(b) {
    b.onLoad({ filter: /Worker\.mjs$/ }, async (args) => {
      const { readFileSync } = await import('node:fs');
      const code = readFileSync(args.path, 'utf8').replace(
        /const tsxApi = \[[^\]]*\]\.join\('\/'\);/,
        "const tsxApi = 'node:censusdesk-bundled-without-tsx';",
      );
      return { contents: code, loader: 'js' };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'error',
  external: ['better-sqlite3'],
  // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
};

export async function buildServe(outdir = dirnameOf(SERVE_BUNDLE)) {
  const workers = new Set();
  await build({
    ...common,
    outfile: resolve(outdir, 'serve.mjs'),
    entryPoints: ['backend/serve.ts'],
    plugins: [siblingFiles(workers)],
  });
  for (const worker of workers) {
    if (!existsSync(worker)) throw new Error(`worker not found: ${worker}`);
    await build({
      ...common,
      outfile: resolve(outdir, basename(worker)),
      entryPoints: [worker],
      plugins: [noTsxInWorkers],
    });
  }
  return { outdir, workers: [...workers].map((w) => basename(w)) };
}

function dirnameOf(file) {
  return resolve(file, '..');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !serveBundleStale()) process.exit(0);
  buildServe().then(
    ({ outdir }) => console.log(`浏览器模式服务已构建：${outdir}`),
    (e) => {
      console.error(`浏览器模式服务构建失败：${e.message}`);
      process.exit(1);
    },
  );
}
