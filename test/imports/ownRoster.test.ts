// The app's own 普查人员花名册 (R1) read back by the roster import (issue 12): exported in full, it
// imports into an empty office with the same townships and every person comes back with every
// field R1 carries and the import knows; exported masked, it is refused with one message that says
// the numbers are masked and how to get a full export, not a row error per person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBackend, exportReport } from '../reports/helpers';
import { tempBackend, type TestBackend } from '../helpers/backend';
import { upload } from './helpers';

let demo: TestBackend;
beforeAll(async () => {
  demo = await demoBackend();
  // The demo has no landlines: give two people one, so 固定电话 makes the round trip too.
  const { rows } = await demo.ok('person.list', { page: 1, pageSize: 2 });
  for (const [i, p] of rows.entries())
    await demo.ok('person.update', { id: p.id, landline: `0817-123456${i}` } as never);
}, 60_000);
afterAll(() => demo?.dispose());

/** An empty office with the demo's profile and townships. */
async function emptyOffice(): Promise<TestBackend> {
  const b = tempBackend();
  const office = (await demo.ok('office.get', {}))!;
  const { id: _id, createdAt: _c, updatedAt: _u, ...profile } = office as Record<string, unknown>;
  await b.ok('office.save', profile as never);
  for (const t of (await demo.ok('township.list', { pageSize: 1000 })).rows)
    await b.ok('township.create', { code: t.code, name: t.name });
  return b;
}

async function everyone(b: TestBackend) {
  const all = [];
  for (let page = 1; ; page++) {
    const r = await b.ok('person.list', { page, pageSize: 1000 });
    all.push(...r.rows);
    if (all.length >= r.total) break;
  }
  return Promise.all(all.map((p) => b.ok('person.get', { id: p.id })));
}

/** What R1 carries and the import reads, per person (references by name or code). */
const KEYS = [
  'personCode',
  'name',
  'sex',
  'ethnicity',
  'idNumber',
  'roles',
  'politicalStatus',
  'education',
  'employer',
  'position',
  'source',
  'mobile',
  'landline',
  'townshipName',
  'supervisorCode',
  'certNo',
  'hireStart',
  'hireEnd',
  'note',
] as const;

async function comparable(b: TestBackend) {
  const people = await everyone(b);
  const codeOf = new Map(people.map((p) => [p.id, p.personCode]));
  return new Map(
    people.map((p) => {
      const r = p as unknown as Record<string, unknown>;
      const view: Record<string, unknown> = { ...r, supervisorCode: codeOf.get(r.supervisorId as number) ?? null };
      return [p.personCode, Object.fromEntries(KEYS.map((k) => [k, view[k] ?? null]))];
    }),
  );
}

describe('R1 read back by the roster import', () => {
  it('a full R1 imports into an empty office with every person intact', async () => {
    const out = await exportReport(demo, { reportId: 'R1', fullSensitive: true });
    const b = await emptyOffice();
    try {
      const up = await upload(b, 'person', out.fileName, out.bytes);
      const preview = await b.ok('import.preview', { importId: up.importId, pageSize: 10 });
      expect(preview.errors).toEqual([]);
      const before = await comparable(demo);
      expect(preview.counts).toMatchObject({ rows: before.size, valid: before.size, new: before.size });
      await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
      const after = await comparable(b);
      expect(after.size).toBe(before.size);
      for (const [code, person] of before) expect(after.get(code), String(code)).toEqual(person);
      // The demo has two 普查指导员 of one name: R1 named them with their 人员编号, and their people kept them.
      expect([...before.values()].some((p) => p.supervisorCode !== null)).toBe(true);
    } finally {
      b.dispose();
    }
  }, 120_000);

  it('a masked R1 is refused with one message saying the numbers are masked and how to export them in full', async () => {
    const out = await exportReport(demo, { reportId: 'R1' });
    const b = await emptyOffice();
    try {
      const up = await upload(b, 'person', out.fileName, out.bytes);
      const before = b.snapshot();
      const e = await b.err('import.preview', { importId: up.importId });
      expect(e.code).toBe('MASKED_NUMBERS');
      expect(e.message).toContain('公民身份号码、手机是隐藏了部分数字的显示值');
      expect(e.message).toContain('导出完整的公民身份号码、手机');
      expect(e.issues).toHaveLength(1);
      expect(b.snapshot()).toEqual(before);
    } finally {
      b.dispose();
    }
  }, 120_000);

  it('a single masked number among full ones stays an ordinary row error', async () => {
    const out = await exportReport(demo, { reportId: 'R1', fullSensitive: true, role: '普查指导员' });
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(out.bytes, { type: 'buffer' });
    const ws = wb.Sheets['花名册'];
    ws.H4 = { t: 's', v: '5113**********123X' };
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const b = await emptyOffice();
    try {
      const up = await upload(b, 'person', '花名册.xlsx', bytes);
      const preview = await b.ok('import.preview', { importId: up.importId });
      expect(preview.errorCount).toBe(1);
      expect(preview.errors[0]).toMatchObject({ row: 4, field: 'idNumber' });
    } finally {
      b.dispose();
    }
  }, 120_000);
});
