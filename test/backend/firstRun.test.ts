// A county office's first run (issue #14 item 5): the townships and villages kept from the division
// dataset and the work plan chosen, in setup.init's one audited write; 标准时点 moved later with
// the deadlines (office.moveReferenceDate); row 11's 行政村 in a first progress table; the
// first-day checklist.
import { describe, expect, it } from 'vitest';
import { tempBackend } from '../helpers/backend';
import { tempBackendEachTest } from '../helpers/eachTest';
import { PENGAN_OFFICE } from '../helpers/offices';
import { townFiles } from '../../scripts/divisionTowns';
import { administrativeVillages, countyTowns, townFileName, type TownFile } from '../../core/divisions/towns';
import { DEFAULT_MILESTONES } from '../../db/schema/workplan';

const b = tempBackendEachTest();

const office = PENGAN_OFFICE;
const admin = { name: 'admin', password: 'secret123' };

const sichuan = JSON.parse(townFiles().find((f) => f.fileName === townFileName('51'))!.content) as TownFile;
const penganTowns = countyTowns(sichuan, '511323');

describe('the division dataset', () => {
  it('gives 蓬安县 its townships and villages under their codes, names as the registries write them', () => {
    expect(penganTowns.length).toBeGreaterThan(10);
    for (const t of penganTowns) {
      expect(t.code).toMatch(/^511323\d{3}$/);
      for (const v of t.villages) expect(v.code.startsWith(t.code)).toBe(true);
    }
    const names = penganTowns.flatMap((t) => t.villages.map((v) => v.name));
    expect(names.some((n) => /委员会$|委会$/.test(n))).toBe(false);
    expect(names.filter((n) => n.endsWith('村')).length).toBeGreaterThan(100);
  });
});

describe('setup.init for a county', () => {
  it('creates the kept townships and villages with the office, in one audited write', async () => {
    const kept = penganTowns.slice(0, 3).map((t, i) => (i === 1 ? { ...t, villages: t.villages.slice(1) } : t));
    await b.ok('setup.init', { office, admin, townships: kept });
    const townships = await b.ok('township.list', {});
    expect(townships.rows.map((t) => [t.code, t.name])).toEqual(kept.map((t) => [t.code, t.name]));
    const villages = await b.ok('village.list', { pageSize: 1000 });
    expect(villages.total).toBe(kept.reduce((n, t) => n + t.villages.length, 0));
    const log = await b.ok('audit.list', {});
    expect(log.rows.map((r) => r.action)).toEqual(['setup']);
    const after = log.rows[0].after as { townships: { code: string; villages: string[] }[] };
    expect(after.townships.map((t) => t.code)).toEqual(kept.map((t) => t.code));
    expect(after.townships[1].villages).toHaveLength(kept[1].villages.length);
  });

  it('refuses a township outside the county or a village outside its township, naming the row, writing nothing', async () => {
    const before = b.snapshot();
    const [t] = penganTowns;
    const e = await b.err('setup.init', {
      office,
      admin,
      townships: [
        t,
        { code: '511302001', name: '外县镇', villages: [] },
        { ...penganTowns[1], villages: [{ code: `${t.code}201`, name: '错村' }] },
      ],
    });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['townships.1.code', 'townships.2.villages.0.code']);
    expect(e.issues[0].message).toBe('乡镇（街道）代码 511302001（外县镇）不属于本县（511323）');
    expect(b.snapshot()).toEqual(before);
  });

  it('moves the second pollution census plan to the 标准时点, or starts with none', async () => {
    await b.ok('setup.init', { office: { ...office, referenceDate: '2026-12-31' }, admin, workPlan: '二污普工作要点' });
    const list = await b.ok('milestone.list', { pageSize: 100, sort: { field: 'seq', dir: 'asc' } });
    expect(list.rows.map((m) => m.deadline)).toEqual(
      DEFAULT_MILESTONES.map(([, , , d]) => (d === null ? null : d.replace(/^2018/, '2027').replace(/^2019/, '2028'))),
    );
    const log = await b.ok('audit.list', {});
    expect(log.rows[0].after).toMatchObject({ workPlan: { plan: '二污普工作要点', shiftedDays: 3287 } });

    const other = tempBackend();
    try {
      await other.ok('setup.init', { office, admin, workPlan: '空白' });
      expect((await other.ok('milestone.list', {})).total).toBe(0);
    } finally {
      other.dispose();
    }
  });
});

describe('moving 标准时点', () => {
  it('moves the deadlines by as many days in one audited write, or only the date', async () => {
    await b.ok('setup.init', { office, admin });
    const before = (await b.ok('milestone.list', { pageSize: 100 })).rows;
    const r = await b.ok('office.moveReferenceDate', { referenceDate: '2018-01-10', shiftDeadlines: true });
    expect(r).toEqual({ referenceDate: '2018-01-10', shiftedDays: 10, milestonesMoved: 12 });
    expect((await b.ok('office.get', {}))?.referenceDate).toBe('2018-01-10');
    const after = (await b.ok('milestone.list', { pageSize: 100 })).rows;
    const first = after.find((m) => m.id === before[0].id)!;
    expect(first.deadline).toBe('2018-02-10');
    expect(after.filter((m) => m.deadline === null)).toHaveLength(2);
    const log = await b.ok('audit.list', {});
    expect(log.rows.map((x) => x.action)).toEqual(['moveReferenceDate', 'setup']);

    const same = await b.ok('office.moveReferenceDate', { referenceDate: '2018-01-20' });
    expect(same).toEqual({ referenceDate: '2018-01-20', shiftedDays: 0, milestonesMoved: 0 });
    expect((await b.ok('milestone.list', { pageSize: 100 })).rows.find((m) => m.id === first.id)?.deadline).toBe(
      '2018-02-10',
    );
  });

  it('is a 管理员’s and refuses an invalid date without writing', async () => {
    await b.ok('setup.init', { office, admin });
    const before = b.snapshot();
    const e = await b.err('office.moveReferenceDate', { referenceDate: '2018-02-30', shiftDeadlines: true });
    expect(e.message).toBe('标准时点不是有效日期：2018-02-30');
    const r = await b.dispatch(
      'office.moveReferenceDate',
      { referenceDate: '2018-01-10' },
      { operator: { id: null, name: '录入', role: '录入员' } },
    );
    expect(r.ok).toBe(false);
    expect(b.snapshot()).toEqual(before);
  });
});

describe('row 11 行政村 and the first-day checklist', () => {
  it('starts a first progress table with the registry’s 行政村 when the form asks, and reports read what was saved', async () => {
    const kept = penganTowns.slice(0, 2);
    await b.ok('setup.init', { office, admin, townships: kept });
    const n = kept.reduce((s, t) => s + administrativeVillages(t.villages), 0);
    expect(n).toBeGreaterThan(0);
    const row11 = (t: { rows: { rowCode: string; c1: number | null }[] }) => t.rows.find((r) => r.rowCode === '11')?.c1;
    expect(row11(await b.ok('progress.get', { period: '2018-06', townshipId: null, prefill: true }))).toBe(n);
    expect(row11(await b.ok('progress.get', { period: '2018-06', townshipId: null }))).toBeNull();
    const township = (await b.ok('township.list', {})).rows[0];
    expect(row11(await b.ok('progress.get', { period: '2018-06', townshipId: township.id, prefill: true }))).toBe(
      administrativeVillages(kept[0].villages),
    );
  });

  it('counts each step from empty to done', async () => {
    await b.ok('setup.init', { office, admin });
    const empty = await b.ok('dashboard.firstSteps', {});
    expect(empty.steps.map((s) => s.title)).toEqual(['区划', '人员', '机构与合同', '经费', '培训', '进度', '月报']);
    expect(empty).toMatchObject({ done: 0, total: 7 });
    await b.ok('township.create', { code: '511323100', name: '锦屏镇' });
    const one = await b.ok('dashboard.firstSteps', {});
    expect(one.done).toBe(1);
    expect(one.steps[0]).toMatchObject({ key: 'regions', count: 1, done: true, path: '/regions' });
  });
});
