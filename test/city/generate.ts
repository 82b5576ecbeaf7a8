// The city test data (issue #16): twenty counties of 南充市 (50–600 people) built with the county
// app and their R2s exported OFFICIAL through report.export, and what a city office receives for
// 2018年10月 — two zips (entry names in GBK without the UTF-8 flag, as Windows writes them, and in
// UTF-8) and loose files: four resaved by LibreOffice, one sent twice, one county's v1 and v2, a
// draft, one edited by hand after export, one from another city, one from a county not listed,
// the roster instead of the monthly report, one cut short, one of an unknown layout version. Each
// with the outcome a city office must give it. Made once per test run (cache.ts).
//
// In a test: `await cityBatch()`. From the command line (the e2e spec and the bench run it in a
// child so their own process stays small): `tsx test/city/generate.ts [folder]` prints the folder.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once, runDir } from './cache';
import { buildCounty, type CountyFiles, type CountyWants } from './county';
import { hasSoffice, handEdited, resavedByLibreOffice, truncated, unknownLayout } from './variants';
import { makeZip } from './zip';
import { CITY2_COUNTIES, COUNTIES, OTHER_CITY_COUNTY, UNLISTED, type CountySpec } from './units';

type Kind = keyof CountyFiles;

/** A county's files (made once per run): the kinds asked for, each as { fileName, path }. */
export async function countyFiles(
  spec: CountySpec,
  wants: CountyWants = { official: true },
): Promise<Partial<Record<Kind, { fileName: string; path: string }>>> {
  const key = (['official', 'v2', 'draft', 'roster'] as const).filter((k) => wants[k]).join('+');
  const dir = await once(`county-${spec.code}-${key}`, async (work) => {
    const t0 = performance.now();
    const files = await buildCounty(spec, wants);
    const index: Record<string, string> = {};
    for (const [kind, f] of Object.entries(files)) {
      writeFileSync(join(work, `${kind}.xlsx`), f.bytes);
      index[kind] = f.fileName;
    }
    writeFileSync(join(work, 'index.json'), JSON.stringify({ index, ms: performance.now() - t0 }));
  });
  const { index } = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { index: Record<Kind, string> };
  return Object.fromEntries(
    Object.entries(index).map(([kind, fileName]) => [kind, { fileName, path: join(dir, `${kind}.xlsx`) }]),
  );
}

export type Outcome = '新收' | '新版本' | '重复' | '拒收' | '附说明接收';

/** One workbook the city office receives and what must happen to it, in the order it is sent. */
export interface Expected {
  /** The workbook's name (inside a zip: its path there). */
  fileName: string;
  container: string | null;
  outcome: Outcome;
  reasonCode: string | null;
  unitCode: string | null;
  version: number | null;
  /** What it is, for a failing assertion's message. */
  what: string;
}

export interface CityBatch {
  /** The files as the clerk sends them, zips first: [name, path on disk]. */
  sends: { name: string; path: string }[];
  expected: Expected[];
  /** After the DIGEST refusal is accepted with a note: each unit's newest filed file (path), the draft-only unit absent. */
  filed: Record<string, string>;
  /** The unit that sent only a draft (missing from the city report). */
  missingUnit: string;
  /** The unit whose hand-edited file is refused (DIGEST) and then accepted with a note. */
  editedUnit: string;
  /** The unit that sent v1 then v2. */
  correctedUnit: string;
  /** False where LibreOffice is not installed: those four files are sent as exported. */
  resaved: boolean;
  /** Milliseconds: building every county, and all of it (0 when taken from this run's cache). */
  timings: Record<string, number>;
}

const WANTS: Record<number, CountyWants> = {
  0: { official: true, roster: true },
  7: { v2: true },
  18: { draft: true },
};
const RESAVED = [2, 3, 4, 5];
const GBK_ZIP = '南充市各县区10月月报（微信）.zip';
const UTF8_ZIP = '补报材料.zip';
const FOLDER = '10月报表/';

async function makeBatch(work: string): Promise<void> {
  const t0 = performance.now();
  const read = (p: string): Buffer => readFileSync(p);
  const files: Awaited<ReturnType<typeof countyFiles>>[] = [];
  const build = async (i: number) => (files[i] = await countyFiles(COUNTIES[i], WANTS[i] ?? { official: true }));
  // The counties LibreOffice resaves first: soffice converts them on the other core while the rest are built.
  for (const i of RESAVED) await build(i);
  const resaved = hasSoffice();
  const toResave = RESAVED.map((i) => ({ fileName: files[i].v1!.fileName, bytes: read(files[i].v1!.path) }));
  const resaving = resaved ? resavedByLibreOffice(toResave) : Promise.resolve(toResave.map((f) => f.bytes));
  // A failure surfaces where it is awaited, below; not as an unhandled rejection meanwhile.
  resaving.catch(() => undefined);
  for (const i of COUNTIES.keys()) if (!RESAVED.includes(i)) await build(i);
  const [unlisted, other] = [await countyFiles(UNLISTED), await countyFiles(OTHER_CITY_COUNTY)];
  const tCounties = performance.now() - t0;
  const v1: ({ fileName: string; bytes: Buffer } | undefined)[] = files.map(
    (f) => f.v1 && { fileName: f.v1.fileName, bytes: read(f.v1.path) },
  );
  const resavedBytes = await resaving;
  RESAVED.forEach((i, k) => (v1[i] = { fileName: v1[i]!.fileName, bytes: resavedBytes[k] }));

  const expected: Expected[] = [];
  const sends: CityBatch['sends'] = [];
  const filed: Record<string, string> = {};
  mkdirSync(join(work, 'send'));
  mkdirSync(join(work, 'filed'));
  // Paths relative to the entry's folder (it is renamed into place when done).
  const keep = (unit: string, bytes: Buffer) => {
    filed[unit] = join('filed', `${unit}.xlsx`);
    writeFileSync(join(work, filed[unit]), bytes);
  };
  const expect = (e: Omit<Expected, 'version'> & { version?: number | null }) =>
    expected.push({ ...e, version: e.version ?? (e.outcome === '拒收' ? null : 1) });
  const send = (name: string, bytes: Buffer) => {
    const path = join('send', `${sends.length}`);
    mkdirSync(join(work, path));
    writeFileSync(join(work, path, name), bytes);
    sends.push({ name, path: join(path, name) });
  };

  // The zip from WeChat on Windows: a folder, GBK names, a note that is no workbook.
  const gbk = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  for (const i of gbk) {
    expect({
      fileName: FOLDER + v1[i]!.fileName,
      container: GBK_ZIP,
      outcome: '新收',
      reasonCode: null,
      unitCode: COUNTIES[i].code,
      what: `${COUNTIES[i].name} v1${RESAVED.includes(i) && resaved ? '（LibreOffice 另存）' : ''}`,
    });
    keep(COUNTIES[i].code, v1[i]!.bytes);
  }
  send(
    GBK_ZIP,
    makeZip(
      [
        { name: FOLDER },
        ...gbk.map((i) => ({ name: FOLDER + v1[i]!.fileName, bytes: v1[i]!.bytes })),
        { name: `${FOLDER}说明.txt`, bytes: Buffer.from('各县区10月月报，请查收。') },
      ],
      'gbk',
    ),
  );

  // The zip of late and corrected files: UTF-8 names; 嘉陵… v2 of the county that sent v1 above.
  const v2 = { fileName: files[7].v2!.fileName, bytes: read(files[7].v2!.path) };
  const utf8 = [9, 10, 11, 12];
  for (const i of utf8) {
    expect({
      fileName: v1[i]!.fileName,
      container: UTF8_ZIP,
      outcome: '新收',
      reasonCode: null,
      unitCode: COUNTIES[i].code,
      what: `${COUNTIES[i].name} v1`,
    });
    keep(COUNTIES[i].code, v1[i]!.bytes);
  }
  expect({
    fileName: v2.fileName,
    container: UTF8_ZIP,
    outcome: '新版本',
    reasonCode: null,
    unitCode: COUNTIES[7].code,
    version: 2,
    what: `${COUNTIES[7].name} v2（更正）`,
  });
  keep(COUNTIES[7].code, v2.bytes);
  send(
    UTF8_ZIP,
    makeZip(
      [...utf8.map((i) => ({ name: v1[i]!.fileName, bytes: v1[i]!.bytes })), { name: v2.fileName, bytes: v2.bytes }],
      'utf8',
    ),
  );

  const loose = (bytes: Buffer, e: Omit<Expected, 'container' | 'version'> & { version?: number | null }) => {
    expect({ ...e, container: null });
    send(e.fileName, bytes);
  };
  for (const i of [13, 14, 15, 16, 17]) {
    loose(v1[i]!.bytes, {
      fileName: v1[i]!.fileName,
      outcome: '新收',
      reasonCode: null,
      unitCode: COUNTIES[i].code,
      what: `${COUNTIES[i].name} v1`,
    });
    keep(COUNTIES[i].code, v1[i]!.bytes);
  }
  loose(v1[6]!.bytes, {
    fileName: v1[6]!.fileName,
    outcome: '重复',
    reasonCode: 'SAME_FILE',
    unitCode: COUNTIES[6].code,
    what: `${COUNTIES[6].name} v1 再次发送（同一文件）`,
  });
  const draft = files[18].draft!;
  loose(read(draft.path), {
    fileName: draft.fileName,
    outcome: '拒收',
    reasonCode: 'DRAFT',
    unitCode: COUNTIES[18].code,
    what: `${COUNTIES[18].name} 草稿`,
  });
  const edited = await handEdited(v1[19]!.bytes);
  loose(edited, {
    fileName: v1[19]!.fileName,
    outcome: '拒收',
    reasonCode: 'DIGEST',
    unitCode: COUNTIES[19].code,
    what: `${COUNTIES[19].name} v1 导出后手工修改`,
  });
  keep(COUNTIES[19].code, edited);
  loose(read(other.v1!.path), {
    fileName: other.v1!.fileName,
    outcome: '拒收',
    reasonCode: 'OTHER_CITY',
    unitCode: OTHER_CITY_COUNTY.code,
    what: `${OTHER_CITY_COUNTY.cityName}${OTHER_CITY_COUNTY.name}`,
  });
  loose(read(unlisted.v1!.path), {
    fileName: unlisted.v1!.fileName,
    outcome: '拒收',
    reasonCode: 'NOT_A_UNIT',
    unitCode: UNLISTED.code,
    what: `${UNLISTED.name}（不在本市名单中）`,
  });
  const roster = files[0].roster!;
  loose(read(roster.path), {
    fileName: roster.fileName,
    outcome: '拒收',
    reasonCode: 'NOT_MONTHLY',
    unitCode: null,
    what: `${COUNTIES[0].name} 花名册（不是月报）`,
  });
  const cut = v1[1]!.fileName.replace('.xlsx', '(1).xlsx');
  loose(truncated(v1[1]!.bytes), {
    fileName: cut,
    outcome: '拒收',
    reasonCode: 'DAMAGED',
    unitCode: null,
    what: `${COUNTIES[1].name} 传输中断的文件`,
  });
  loose(await unknownLayout(v1[1]!.bytes), {
    fileName: v1[1]!.fileName.replace('.xlsx', '_新格式.xlsx'),
    outcome: '拒收',
    reasonCode: 'LAYOUT_UNKNOWN',
    unitCode: COUNTIES[1].code,
    what: `${COUNTIES[1].name} 报表格式版本 99`,
  });

  const batch: CityBatch = {
    sends,
    expected,
    filed,
    missingUnit: COUNTIES[18].code,
    editedUnit: COUNTIES[19].code,
    correctedUnit: COUNTIES[7].code,
    resaved,
    timings: { counties: Math.round(tCounties), all: Math.round(performance.now() - t0) },
  };
  writeFileSync(join(work, 'batch.json'), JSON.stringify(batch, null, 1));
}

/**
 * The city office's batch for 2018年10月 (made once per run). Paths in it point into the run's
 * folder; `timings` are those of the run that made it.
 */
export async function cityBatch(): Promise<CityBatch> {
  const dir = await once('batch', makeBatch);
  const made = JSON.parse(readFileSync(join(dir, 'batch.json'), 'utf8')) as CityBatch;
  return {
    ...made,
    sends: made.sends.map((s) => ({ ...s, path: join(dir, s.path) })),
    filed: Object.fromEntries(Object.entries(made.filed).map(([k, p]) => [k, join(dir, p)])),
  };
}

/** Each county's official v1 alone (the province chain's second city; the intake bench's twenty). */
export async function officialFiles(
  specs: CountySpec[],
): Promise<{ spec: CountySpec; fileName: string; path: string }[]> {
  const out = [];
  for (const spec of specs) {
    const f = await countyFiles(spec);
    out.push({ spec, ...f.v1! });
  }
  return out;
}

export const city2Files = () => officialFiles(CITY2_COUNTIES);

// `tsx test/city/generate.ts [folder] [--counties]`: the batch and the second city's files, or
// (--counties) the twenty counties' official v1 alone; prints the folder.
if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  if (folder) process.env.CENSUSDESK_CITY_FILES = folder;
  const t0 = performance.now();
  if (args.includes('--counties')) {
    await officialFiles(COUNTIES);
    console.error(`city files: ${COUNTIES.length} counties' v1 in ${Math.round(performance.now() - t0)} ms`);
  } else {
    const batch = await cityBatch();
    await city2Files();
    console.error(
      `city files: ${batch.sends.length} sends, ${batch.expected.length} workbooks; made in ${batch.timings.all} ms (counties ${batch.timings.counties} ms); this call ${Math.round(performance.now() - t0)} ms`,
    );
  }
  console.log(runDir());
}
