// Shared by the intake tests: real R2 workbooks exported by the county app through dispatch (the
// demo county, renamed to other counties of 南充市 and one of 宜宾市), made once per test process;
// and a fresh city office (南充市, 511300) with its counties in report_units.
import { afterAll, beforeAll } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { tempBackend, adminCtx } from '../helpers/backend';
import { demoBackend, exportReport, nowCtx } from '../reports/helpers';
import { edited } from '../reports/verifyCases';
export { edited };
import type { CallCtx } from '../../backend/context';
import type { InputOf, OutputOf } from '../../core/api';

export const CITY_UNITS = [
  { code: '511302', name: '顺庆区' },
  { code: '511304', name: '嘉陵区' },
  { code: '511321', name: '南部县' },
  { code: '511322', name: '营山县' },
  { code: '511323', name: '蓬安县' },
];

export interface CountyFiles {
  /** 蓬安县 2018-10 v1 and v2. */
  pengan1: Buffer;
  pengan2: Buffer;
  /** 顺庆区 2018-10 v1. */
  shunqing: Buffer;
  /** 嘉陵区 2018-10 draft. */
  jialingDraft: Buffer;
  /** 南部县 2018-10 v1 with a figure edited by hand after export. */
  nanbuEdited: Buffer;
  /** 营山县 2018-10 v1. */
  yingshan: Buffer;
  /** 高坪区 (511303, not in the city's list) 2018-10 v1. */
  gaoping: Buffer;
  /** 翠屏区 of 宜宾市 (511502) 2018-10 v1. */
  otherCity: Buffer;
  /** 蓬安县's 经费预算及执行情况表 (R3): a workbook of the app, not a monthly report. */
  budgetReport: Buffer;
  /** 蓬安县 2018-10 v1 from another install whose figures differ from pengan1's. */
  penganClash: Buffer;
}

async function asCounty(code: string, name: string, city = { code: '5113', name: '南充市' }): Promise<TestBackend> {
  const b = await demoBackend();
  const office = (await b.ok('office.get', {})) as Record<string, unknown>;
  const { id: _i, createdAt: _c, updatedAt: _u, ...profile } = office;
  await b.ok('office.save', {
    ...profile,
    countyCode: code,
    countyName: name,
    cityCode: city.code,
    cityName: city.name,
    unitName: `${name}污普办`,
  } as never);
  return b;
}

/** A correction: an expenditure recorded late changes 经费情况. */
async function addExpenditure(b: TestBackend) {
  const item = (await b.ok('budgetItem.list', { filters: { isCategory: false }, pageSize: 100 })).rows.find(
    (i) => (i.amount ?? 0) > 0,
  )!;
  await b.ok('expenditure.create', { budgetItemId: item.id, date: '2018-10-20', amount: 30_000, summary: '补录' });
}

const official = { reportId: 'R2', period: '2018-10', mode: 'official' } as const;

let files: Promise<CountyFiles> | undefined;

/** The county workbooks, exported once per test process. */
export function countyFiles(): Promise<CountyFiles> {
  files ??= (async () => {
    const out: Partial<CountyFiles> = {};
    const pengan = await demoBackend();
    try {
      out.pengan1 = (await exportReport(pengan, official)).bytes;
      out.budgetReport = (await exportReport(pengan, { reportId: 'R3', asOf: '2018-10-31' })).bytes;
      await addExpenditure(pengan);
      out.pengan2 = (await exportReport(pengan, { ...official, correctionReason: '经费支出漏报一笔' })).bytes;
    } finally {
      pengan.dispose();
    }
    const clash = await demoBackend();
    try {
      await addExpenditure(clash);
      out.penganClash = (await exportReport(clash, official)).bytes;
    } finally {
      clash.dispose();
    }
    const one = async (
      code: string,
      name: string,
      mode: 'official' | 'draft' = 'official',
      city?: { code: string; name: string },
    ) => {
      const b = await asCounty(code, name, city);
      try {
        return (await exportReport(b, { ...official, mode })).bytes;
      } finally {
        b.dispose();
      }
    };
    out.shunqing = await one('511302', '顺庆区');
    out.jialingDraft = await one('511304', '嘉陵区', 'draft');
    out.yingshan = await one('511322', '营山县');
    out.gaoping = await one('511303', '高坪区');
    out.otherCity = await one('511502', '翠屏区', 'official', { code: '5115', name: '宜宾市' });
    // 进度调度表 C6: 02 工业企业和产业活动单位's 名录库底册数, changed by hand after export.
    out.nanbuEdited = await edited(await one('511321', '南部县'), (wb) => {
      wb.getWorksheet('进度调度表')!.getCell('C6').value = 999;
    });
    return out as CountyFiles;
  })();
  return files;
}

/**
 * A test file's set-up, registered where it is called: the county files (`f`, filled in before the
 * file's tests run), city offices made on demand (`city()`) and any other backend handed to
 * `track()`, all closed after the file's tests.
 */
export function intakeFiles() {
  const f = {} as CountyFiles;
  const made: TestBackend[] = [];
  const track = (b: TestBackend) => {
    made.push(b);
    return b;
  };
  beforeAll(async () => {
    Object.assign(f, await countyFiles());
  }, 300_000);
  afterAll(() => made.forEach((b) => b.dispose()));
  return { f, track, city: async (units = CITY_UNITS) => track(await cityBackend(units)) };
}

/** What a receiving office's report header and footer need (the consolidated R2 is exported too). */
const SIGNERS = { headName: '王建国', statsHeadName: '李明', preparerName: '张丽', phone: '0817-2222333' };

/** A fresh city office, 南充市 (511300), with its counties (CITY_UNITS) as report units. */
export async function cityBackend(units = CITY_UNITS): Promise<TestBackend> {
  const b = tempBackend();
  await b.ok('setup.init', {
    office: {
      level: '市',
      countyName: '南充市',
      countyCode: '511300',
      cityName: '南充市',
      cityCode: '5113',
      unitName: '南充市污普办',
      ...SIGNERS,
    },
    admin: { name: 'admin', password: 'demo1234' },
  } as never);
  addUnits(b, units);
  return b;
}

/** A fresh province office, 四川省 (510000), taking in its cities' consolidated reports. */
export async function provinceBackend(units: { code: string; name: string }[]): Promise<TestBackend> {
  const b = tempBackend();
  await b.ok('setup.init', {
    office: { level: '省', countyName: '四川省', countyCode: '510000', unitName: '四川省污普办', ...SIGNERS },
    admin: { name: 'admin', password: 'demo1234' },
  } as never);
  addUnits(b, units);
  return b;
}

function addUnits(b: TestBackend, units: { code: string; name: string }[]) {
  const at = new Date().toISOString();
  const insert = b.db.prepare(
    'INSERT INTO report_units (code, name, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  units.forEach((u, i) => insert.run(u.code, u.name, i, at, at));
}

/** A call at a given moment (China time), as the clerk's admin. */
export const atTime = (iso: string): CallCtx => ({ ...adminCtx, now: () => new Date(iso) });

export type Received = OutputOf<'intake.receive'>;

export async function receive(
  b: TestBackend,
  fileName: string,
  bytes: Buffer,
  ctx: CallCtx = nowCtx,
  extra: Partial<InputOf<'intake.receive'>> = {},
): Promise<Received> {
  const r = await b.dispatch('intake.receive', { fileName, base64: bytes.toString('base64'), ...extra }, ctx);
  if (!r.ok) throw new Error(`intake.receive failed: ${r.error.code} ${r.error.message}`);
  return r.data as Received;
}

/** Rows of received_reports, for "nothing changed" checks. */
export const filedRows = (b: TestBackend) =>
  b.db.prepare('SELECT * FROM received_reports ORDER BY id').all() as Record<string, unknown>[];
