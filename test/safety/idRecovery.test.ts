// The recovery attack of issue #15, run as a 只读 operator through dispatch: read the masked number
// and the birth date from person.list, work out the few numbers the check digit allows, and confirm
// each with the list's ID search. It recovers none of 300 people; complete-number lookups are
// audited and limited per session; duplicate-number refusals name the holder only to revealers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallCtx, Operator } from '../../backend/context';
import { idCheckChar } from '../../core/validate/idNumber';
import { insertPeople, type NewPersonRow } from '../../db/entities/personnel';
import { tempBackend, type TestBackend } from '../helpers/backend';
import { staffWorkspace, type Staff } from './fixtures';

const PEOPLE = 300;
let b: TestBackend;
let staff: Staff;
const ids: string[] = [];

/** A small seeded generator, so the people (and so the attack's path) are the same every run. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

beforeAll(async () => {
  b = tempBackend();
  staff = await staffWorkspace(b);
  const r = rng(15);
  const rows: NewPersonRow[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    // Digits 5-6 (the county inside the city) vary, so they are hidden by the mask like the date.
    const region = `5113${String(1 + Math.floor(r() * 98)).padStart(2, '0')}`;
    const day = new Date(Date.UTC(1960 + Math.floor(r() * 40), 0, 1 + Math.floor(r() * 365)));
    const birth = day.toISOString().slice(0, 10);
    const body = `${region}${birth.replace(/-/g, '')}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
    const id = body + idCheckChar(body);
    ids.push(id);
    rows.push({
      personCode: `511323${String(10001 + i).padStart(5, '0')}`,
      name: `人员${i}`,
      sex: Number(id[16]) % 2 ? ('男' as const) : ('女' as const),
      birthDate: birth,
      idNumber: id,
      roles: ['普查员' as const],
    });
  }
  b.db.transaction(() => insertPeople(b.db, rows))();
});
afterAll(() => b.dispose());

const as = (operator: Operator, session = 'attacker'): CallCtx => ({ operator, checkOutput: true, session });

interface Row {
  id: number;
  name: string;
  idNumber: string;
  birthDate: string;
}

async function list(ctx: CallCtx, q?: string) {
  const r = await b.dispatch('person.list', { q, pageSize: 1000 }, ctx);
  return r;
}

/** The attack as the issue describes it: masked number + birth date + ID search over the candidates. */
async function attack(ctx: CallCtx): Promise<{ recovered: Set<string>; refused: number; calls: number }> {
  const seen = await list(ctx);
  if (!seen.ok) throw new Error(seen.error.message);
  const recovered = new Set<string>();
  let refused = 0;
  let calls = 0;
  for (const p of (seen.data as { rows: Row[] }).rows) {
    const m = /^(\d{4})\*+(\d{3}[\dX])$/.exec(p.idNumber);
    const date = /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate) ? p.birthDate.replace(/-/g, '') : null;
    if (!m || !date) continue; // nothing to build candidates from
    for (let xx = 0; xx < 100; xx++) {
      const body = `${m[1]}${String(xx).padStart(2, '0')}${date}${m[2].slice(0, 3)}`;
      if (idCheckChar(body) !== m[2][3]) continue;
      calls++;
      // The prefix search confirms a candidate: its first 17 characters find the person, or not.
      const r = await list(ctx, body);
      if (!r.ok) {
        refused++;
        continue;
      }
      const rows = (r.data as { rows: Row[] }).rows;
      if (rows.some((x) => x.id === p.id)) recovered.add(body + m[2][3]);
    }
  }
  return { recovered, refused, calls };
}

describe('a 只读 operator cannot recover 公民身份号码', () => {
  it('recovers 0 of 300 with the masked number, the birth date and the ID search', async () => {
    const r = await attack(as(staff.viewer));
    const right = [...r.recovered].filter((id) => ids.includes(id));
    expect(right.length).toBe(0);
  });

  it('is a working attack: run by a role that may reveal (full date, ID prefixes), it recovers all 300', async () => {
    const r = await attack(as(staff.admin, 'admin'));
    expect([...r.recovered].filter((id) => ids.includes(id)).length).toBe(PEOPLE);
  });

  it('sees the birth year only, beside a masked number; an admin sees the date (and reveals the number, audited)', async () => {
    const viewer = await list(as(staff.viewer));
    const admin = await list(as(staff.admin));
    if (!viewer.ok || !admin.ok) throw new Error('list failed');
    const v = (viewer.data as { rows: Row[] }).rows[0];
    const a = (admin.data as { rows: Row[] }).rows[0];
    expect(v.birthDate).toMatch(/^\d{4}-\*\*-\*\*$/);
    expect(a.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(v.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const one = await b.dispatch('person.get', { id: v.id }, as(staff.viewer));
    expect(one.ok && (one.data as Row).birthDate).toMatch(/^\d{4}-\*\*-\*\*$/);
  });

  it('sorts by birth year only for them, so the order tells no dates', async () => {
    const sorted = async (ctx: CallCtx) => {
      const r = await b.dispatch('person.list', { sort: { field: 'birthDate', dir: 'asc' }, pageSize: 1000 }, ctx);
      if (!r.ok) throw new Error(r.error.message);
      return (r.data as { rows: Row[] }).rows.map((x) => x.id);
    };
    const byYearThenId = (await sorted(as(staff.admin)))
      .map((id) => ({ id, year: ids[id - 1].slice(6, 10) }))
      .sort((x, y) => x.year.localeCompare(y.year) || x.id - y.id)
      .map((x) => x.id);
    expect(await sorted(as(staff.viewer))).toEqual(byYearThenId);
  });

  it('finds a person by an ID prefix no more, but by the complete number, audited and limited per session', async () => {
    const id = ids[7];
    const prefix = await list(as(staff.viewer, 's1'), id.slice(0, 17));
    expect(prefix.ok && (prefix.data as { total: number }).total).toBe(0);
    // 人员编号 still match by prefix.
    const code = await list(as(staff.viewer, 's1'), '51132310');
    expect(code.ok && (code.data as { total: number }).total).toBe(PEOPLE);

    const audits = () =>
      (b.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'lookup'`).get() as { n: number }).n;
    const before = audits();
    const full = await list(as(staff.viewer, 's2'), id.toLowerCase());
    expect(full.ok && (full.data as { rows: Row[] }).rows.map((r) => r.name)).toEqual(['人员7']);
    expect(audits()).toBe(before + 1);
    const entry = b.db.prepare(`SELECT operator_name, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 1`).get();
    expect(entry).toMatchObject({ operator_name: 'viewer', entity: 'person' });
    // The entry, read back by the 只读 operator, shows the number masked like any other.
    const log = await b.dispatch('audit.list', { pageSize: 1 }, as(staff.viewer, 's2'));
    expect(JSON.stringify(log)).not.toContain(id);

    for (let i = 1; i < 10; i++) expect((await list(as(staff.viewer, 's2'), ids[i])).ok).toBe(true);
    const limited = await list(as(staff.viewer, 's2'), ids[11]);
    expect(limited.ok).toBe(false);
    if (!limited.ok) {
      expect(limited.error.code).toBe('LOOKUP_LIMIT');
      expect(limited.error.message).toMatch(/查询过于频繁.*请在\d+(秒|分钟)后再试/);
    }
    // Another session of the same operator still may; an admin is not limited.
    expect((await list(as(staff.viewer, 's3'), ids[11])).ok).toBe(true);
    for (let i = 0; i < 15; i++) expect((await list(as(staff.admin, 'a1'), ids[i])).ok).toBe(true);
  });

  it('names the holder of a number already registered only to roles that may reveal', async () => {
    const input = { name: '重复', idNumber: ids[20], roles: ['普查员'] };
    const admin = await b.dispatch('person.create', input, as(staff.admin));
    expect(!admin.ok && admin.error.message).toContain('人员20');
    await b.dispatch('safety.saveSettings', { revealRoles: ['管理员'] }, as(staff.admin));
    const clerk = await b.dispatch('person.create', input, as(staff.clerk));
    expect(!clerk.ok && clerk.error.code).toBe('DUPLICATE');
    expect(!clerk.ok && clerk.error.message).not.toContain('人员20');
    expect(!clerk.ok && clerk.error.message).toContain('已登记在其他人员名下');
  });
});
