// One demo county of a given size built with the county app itself, through dispatch as a clerk's
// entries would be: townships, villages, districts, people (50–600), the period's progress table
// (已上报), a budget with money in and out, a training with results, a contract for every other
// county, milestones some of which are overdue. Then its R2 exported through `report.export`:
// official v1, and on request a draft, a corrected v2 (with its reason) and the roster (R1).
// Figures differ by county (a seed per code), so a wrong sum cannot hide behind equal counties.
import { openBackend, type Backend } from '../../backend/app';
import type { CallCtx } from '../../backend/context';
import { caller, type Caller } from '../../backend/demo/call';
import { idNumber, mobile, personName, unit } from '../../backend/demo/people';
import { seededRandom, type Random } from '../../backend/demo/random';
import type { PersonRole } from '../../core/enums';
import type { InputOf } from '../../core/api';
import { EXPORTED_AT, PERIOD, type CountySpec } from './units';
import { loadMoney } from './countyMoney';

export interface CountyFile {
  fileName: string;
  bytes: Buffer;
}

export interface CountyFiles {
  v1?: CountyFile;
  v2?: CountyFile;
  draft?: CountyFile;
  roster?: CountyFile;
}

export interface CountyWants {
  official?: boolean;
  v2?: boolean;
  draft?: boolean;
  roster?: boolean;
}

const ADMIN = { name: 'admin', password: 'county-admin-1' };
const at = (iso: string): CallCtx => ({
  operator: { id: null, name: '生成器', role: '管理员' },
  now: () => new Date(iso),
  unmasked: true,
});

const TOWNSHIP_NAMES = [
  '城关镇',
  '东山镇',
  '西河镇',
  '南津镇',
  '北坝镇',
  '龙泉镇',
  '石溪镇',
  '金华镇',
  '太平乡',
  '永安乡',
];
const HEADS = ['李德明', '王秀英', '张建华', '刘志强', '陈海燕', '杨文斌', '赵春梅', '黄永红', '周晓东', '吴玉兰'];

/** Progress figures (进度调度表) of a county: 名录库底册数 per row code scaled by its size, the rest grown from it. */
function progressFigures(r: Random, people: number, share: number) {
  const BASE: Record<string, number> = {
    '02': 412,
    '03': 38,
    '04': 6,
    '05': 3,
    '06': 2,
    '07': 1,
    '08': 9,
    '09': 17,
    '10': 46,
    '11': 205,
    '12': 2,
    '13': 31,
  };
  const scale = people / 300;
  const row = (rowCode: string, c1: number) => {
    const c2 = Math.round(c1 * 1.04);
    const c4 = Math.round(c2 * 0.06);
    const c3 = c2 - c4;
    const c6 = c3;
    const c7 = Math.round(c6 * share);
    const c8 = Math.round(c7 * 0.96);
    const c10 = Math.round(c8 * 0.9 * share);
    const c11 = Math.round(c10 * 0.95);
    const c13 = Math.round(c10 * 0.05);
    const c14 = Math.round(c10 * 0.005);
    return { rowCode, c1, c2, c3, c4, c5: Math.round(c1 * 0.05), c6, c7, c8, c10, c11, c13, c14 };
  };
  const rows = Object.entries(BASE).map(([code, b]) =>
    row(code, Math.max(1, Math.round(b * scale * (0.8 + r.next() * 0.4)))),
  );
  // 05–08 are parts of 04: 04 is their sum plus units of its own, column by column, so no rule breaks by rounding.
  const parts = rows.filter((x) => ['05', '06', '07', '08'].includes(x.rowCode));
  const i04 = rows.findIndex((x) => x.rowCode === '04');
  const whole = { ...rows[i04] } as Record<string, number | string>;
  for (const p of parts)
    for (const [k, v] of Object.entries(p)) if (k !== 'rowCode') whole[k] = (whole[k] as number) + (v as number);
  rows[i04] = whole as (typeof rows)[number];
  return rows;
}

interface Places {
  townships: { id: number; name: string }[];
  villages: { id: number; townshipId: number; name: string }[];
}

async function loadPlaces({ write }: Caller, spec: CountySpec): Promise<Places> {
  const count = Math.min(TOWNSHIP_NAMES.length, Math.max(2, Math.round(spec.people / 60)));
  const places: Places = { townships: [], villages: [] };
  for (let i = 0; i < count; i++) {
    const name = TOWNSHIP_NAMES[i];
    const code = `${spec.code}${name.endsWith('乡') ? 200 + i : 100 + i}`;
    const t = await write('township.create', { code, name });
    places.townships.push({ id: t.id, name });
    for (let k = 0; k < 2; k++) {
      const vname = `${name.slice(0, 2)}${k ? '二' : '一'}村`;
      const v = await write('village.create', { townshipId: t.id, code: `${code}${201 + k}`, name: vname });
      places.villages.push({ id: v.id, townshipId: t.id, name: vname });
      // Districts: a few per village, so 普查小区数 differs by county size.
      const districts = Math.max(1, Math.round(spec.people / count / 12));
      for (let d = 1; d <= districts; d++)
        await write('district.create', {
          code: `${code}${201 + k}${String(d).padStart(3, '0')}`,
          name: `${vname}第${d}普查小区`,
          townshipId: t.id,
          villageId: v.id,
          basis: '行政村',
          listingCount: 8 + ((d * 7 + k) % 40),
          status: '已划分',
        });
    }
  }
  return places;
}

/** The roster: liaisons per township and village, four office staff, the rest 普查员 and 普查指导员 (4:1). */
async function loadPeople({ write }: Caller, r: Random, spec: CountySpec, places: Places) {
  let seq = 0;
  const enumerators: number[] = [];
  const supervisors: number[] = [];
  const add = async (role: PersonRole, extra: Partial<InputOf<'person.create'>>) => {
    const sex = r.chance(0.55) ? '男' : '女';
    const field = role === '普查员' || role === '普查指导员';
    const p = await write('person.create', {
      name: personName(r),
      roles: [role],
      idNumber: idNumber(r, spec.code, seq++, sex),
      politicalStatus: r.pick(['中共党员', '群众', '共青团员'] as const),
      education: r.pick(['大学本科', '大学专科', '高中'] as const),
      employer: unit(r),
      source: r.pick(['抽调', '聘用'] as const),
      mobile: mobile(r),
      hireStart: '2018-03-01',
      hireEnd: '2019-03-31',
      // About one in twelve field workers has no insurance yet: 已参保 differs from the head count.
      ...(field && r.chance(0.92)
        ? {
            insuranceCompany: '中国人寿保险股份有限公司',
            insurancePolicyNo: `BX2018${spec.code}${String(seq).padStart(4, '0')}`,
            insuranceStart: '2018-03-01',
            insuranceEnd: '2019-02-28',
            insuranceAmount: 20_000_000,
          }
        : {}),
      ...extra,
    } as InputOf<'person.create'>);
    (role === '普查员' ? enumerators : role === '普查指导员' ? supervisors : []).push(p.id);
  };
  for (const t of places.townships)
    await add('乡镇(街道)联络员', { townshipId: t.id, employer: `${t.name}人民政府`, position: '副镇长' });
  for (const v of places.villages)
    await add('村(居)联络员', { townshipId: v.townshipId, villageId: v.id, employer: `${v.name}委员会` });
  for (let i = 0; i < 4; i++) await add('污普办工作人员', { employer: `${spec.name}生态环境局`, position: '科员' });
  const field = spec.people - seq;
  for (let i = 0; i < field; i++) {
    const t = places.townships[i % places.townships.length];
    await add(i % 5 === 0 ? '普查指导员' : '普查员', { townshipId: t.id });
  }
  return { enumerators, supervisors };
}

/** Past deadlines done, except one or two per county left open: 工作进度 shows them overdue. */
async function loadMilestones(c: Caller, r: Random) {
  const milestones = await c.call('milestone.list', { pageSize: 100 });
  let open = 0;
  for (const m of milestones.rows) {
    if (!m.deadline) continue;
    const past = m.deadline < '2018-10-31';
    const late = past && open < 2 && r.chance(0.15);
    if (late) open++;
    await c.write('milestone.update', {
      id: m.id,
      deadline: m.deadline,
      status: past && !late ? '已完成' : '进行中',
      completedDate: past && !late ? m.deadline : null,
      progressNote: past && !late ? '已按期完成' : null,
    });
  }
}

async function exportR2(b: Backend, ctx: CallCtx, mode: 'official' | 'draft', correctionReason?: string) {
  const r = await b.dispatch(
    'report.export',
    { reportId: 'R2', period: PERIOD, mode, ...(correctionReason ? { correctionReason } : {}) },
    ctx,
  );
  if (!r.ok) throw new Error(`report.export R2 ${mode}: ${r.error.code} ${r.error.message}`);
  const out = r.data as { fileName: string; base64?: string };
  return { fileName: out.fileName, bytes: Buffer.from(out.base64 ?? '', 'base64') };
}

/** Builds the county in a workspace of its own and exports the files asked for; the workspace is thrown away. */
export async function buildCounty(spec: CountySpec, wants: CountyWants = { official: true }): Promise<CountyFiles> {
  // In memory: a workspace thrown away afterwards needs no file, and its exports run on this thread
  // (pool.ts), so the export worker is not started afresh (about a second) for every county.
  const b = openBackend(':memory:');
  try {
    const ctx = at(EXPORTED_AT);
    const c = caller(b, ctx);
    await c.write('setup.init', {
      office: {
        countyName: spec.name,
        countyCode: spec.code,
        cityName: spec.cityName,
        cityCode: spec.cityCode,
        unitName: `${spec.name}第二次全国污染源普查领导小组办公室`,
        headName: HEADS[Number(spec.code) % HEADS.length],
        statsHeadName: HEADS[(Number(spec.code) + 3) % HEADS.length],
        preparerName: HEADS[(Number(spec.code) + 5) % HEADS.length],
        phone: `0817-${String(Number(spec.code) % 10_000_000).padStart(7, '1')}`,
      },
      admin: ADMIN,
    });
    const r = seededRandom(Number(spec.code));
    await loadMilestones(c, r);
    const places = await loadPlaces(c, spec);
    const staff = await loadPeople(c, r, spec, places);
    await loadMoney(c, r, spec, [...staff.supervisors, ...staff.enumerators], Number(spec.code) % 2 === 1);
    const figures = progressFigures(r, spec.people, 0.7);
    await c.write('progress.save', {
      period: PERIOD,
      figures,
      mainWork: `${spec.name}入户调查全面推进，已入户七成。`,
      problems: r.chance(0.5) ? '部分企业负责人不配合，入户难度大。' : null,
      nextPlan: '完成剩余入户调查，组织县级审核。',
    });
    await c.write('progress.markReported', { period: PERIOD });
    const out: CountyFiles = {};
    if (wants.draft) out.draft = await exportR2(b, ctx, 'draft');
    if (wants.official || wants.v2) out.v1 = await exportR2(b, ctx, 'official');
    if (wants.v2) {
      // The correction: 02's 已入户数 was short by three, found two days later.
      const ctx2 = at('2018-11-04T15:00:00+08:00');
      const c2 = caller(b, ctx2);
      const fixed = figures.map((f) => (f.rowCode === '02' ? { ...f, c7: f.c7 + 3 } : f));
      await c2.write('progress.save', {
        period: PERIOD,
        figures: fixed,
        mainWork: `${spec.name}入户调查全面推进，已入户七成。`,
        nextPlan: '完成剩余入户调查，组织县级审核。',
      });
      const status = await c2.call('progress.get', { period: PERIOD });
      if ((status as { status?: string }).status !== '已上报')
        await c2.write('progress.markReported', { period: PERIOD });
      out.v2 = await exportR2(b, ctx2, 'official', '工业企业和产业活动单位已入户数漏报3个，更正');
    }
    if (wants.roster) {
      const r1 = await b.dispatch('report.export', { reportId: 'R1' }, ctx);
      if (!r1.ok) throw new Error(`report.export R1: ${r1.error.message}`);
      const data = r1.data as { fileName: string; base64?: string };
      out.roster = { fileName: data.fileName, bytes: Buffer.from(data.base64 ?? '', 'base64') };
    }
    return out;
  } finally {
    b.close();
  }
}
