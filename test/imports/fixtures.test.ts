// The shared fixtures (test/fixtures/README.md) imported through dispatch: every file gives
// exactly the outcome its README and .expected.json state, and nothing is written before commit.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, fixture, FIXTURES, preview, upload, type Preview } from './helpers';

/** How each defect kind of the .expected.json files reads in the row's Chinese reason. */
const REASON: Record<string, RegExp> = {
  checksum: /公民身份号码校验位错误/,
  'id-as-number': /公民身份号码被Excel按数字存储，末位已丢失/,
  duplicate: /与第\d+行重复：公民身份号码/,
  phone: /手机格式不正确：1234567/,
  'name-missing': /姓名不能为空/,
};

interface Expected {
  ok: number;
  errors: { row: number; kind: string }[];
}
const expected = (name: string) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Expected;

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

function expectOutcome(p: Preview, exp: Expected) {
  expect(p.counts.valid).toBe(exp.ok);
  expect(p.counts.errors).toBe(exp.errors.length);
  const rejected = [...new Set(p.errors.map((e) => e.row))];
  expect(rejected).toEqual(exp.errors.map((e) => e.row));
  for (const { row, kind } of exp.errors) {
    const reasons = p.errors.filter((e) => e.row === row);
    expect(reasons.length, `第${row}行`).toBe(1);
    expect(reasons[0].message, `第${row}行（${kind}）`).toMatch(REASON[kind]);
  }
}

describe('roster-county-style (.xlsx and .xls): title, 填报单位, grouped two-row header, blank row, signatures', () => {
  for (const [file, exp] of [
    ['roster-county-style.xlsx', 'roster-county-style.expected.json'],
    ['roster-county-style.xls', 'roster-county-style.xls.expected.json'],
  ]) {
    it(`${file}: 55 valid, the 5 defects rejected with their row numbers and reasons`, async () => {
      const before = b.snapshot();
      const p = await preview(b, 'person', file, fixture(file));
      expectOutcome(p, expected(exp));
      expect(p.header).toEqual({ first: 3, last: 4 });
      expect(p.dataRows).toMatchObject({ count: 60, first: 5, last: 65, endedAt: 67 });
      expect(p.columns.find((c) => c.letter === 'E')).toMatchObject({
        header: '基本信息/公民身份号码',
        field: 'idNumber',
      });
      expect(p.columns.find((c) => c.letter === 'J')).toMatchObject({
        header: '工作信息/负责乡镇（街道）',
        field: 'township',
      });
      // Each reason names the column as the sheet does.
      expect(p.errors.find((e) => e.row === 20)).toMatchObject({ column: 'I', header: '工作信息/联系电话' });
      expect(p.errors.find((e) => e.row === 16)?.message).toContain('511323197907226200');
      expect(b.snapshot()).toEqual(before); // a preview writes nothing
    });
  }

  it('the .xls gives the same rows, values and reasons as the .xlsx', async () => {
    const a = await preview(b, 'person', 'a.xlsx', fixture('roster-county-style.xlsx'));
    const c = await preview(b, 'person', 'a.xls', fixture('roster-county-style.xls'));
    expect(c.rows.map((r) => [r.row, r.action, r.values, r.errors.map((e) => e.message)])).toEqual(
      a.rows.map((r) => [r.row, r.action, r.values, r.errors.map((e) => e.message)]),
    );
  });

  it('commits the 55 valid rows only, with the quirks normalised, in one audited transaction', async () => {
    const up = await upload(b, 'person', '花名册.xlsx', fixture('roster-county-style.xlsx'));
    await b.ok('import.preview', { importId: up.importId });
    const auditBefore = (await b.ok('audit.list', { pageSize: 1 })).total;
    const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(done).toMatchObject({
      created: 55,
      updated: 0,
      rejected: 5,
      total: 60,
      fileName: '花名册.xlsx',
      fileHash: up.fileHash,
    });

    const people = (await b.ok('person.list', { pageSize: 100 })).rows;
    expect(people).toHaveLength(55);
    const byName = (name: string) => people.find((p) => p.name === name)!;
    expect(byName('梁福').idNumber).toBe('51132319600727002X'); // row 8: lowercase x
    expect(byName('杨海刚').mobile).toBe('13069756041'); // row 10: full-width digits
    expect(byName('赵强海').mobile).toBe('15269738394'); // row 12: spaces
    expect(byName('何彬')).toBeDefined(); // row 25: half- and full-width spaces around the name
    expect(new Set(people.map((p) => p.hireStart))).toEqual(new Set(['2018-03-05'])); // every date format
    expect(byName('金华').townshipName).toBe('龙云镇');
    expect(byName('赵强海').roles).toEqual(['普查指导员']);
    expect(people.map((p) => p.idNumber)).not.toContain('511323197907226200'); // never the damaged number
    expect(people.filter((p) => p.idNumber === '511323198202100033')).toHaveLength(1);

    // The import's own entry, after one entry per person it created.
    const audit = await b.ok('audit.list', { pageSize: 5 });
    expect(audit.total).toBe(auditBefore + 1 + 55);
    expect(audit.rows.slice(1).map((e) => e.action)).toEqual(Array(4).fill('import.create'));
    const entry = audit.rows[0];
    expect(entry).toMatchObject({ action: 'import', entity: 'import', entityId: done.historyId });
    expect(JSON.stringify(entry.after)).toContain(up.fileHash);
    expect(entry.after).toMatchObject({ fileName: '花名册.xlsx', created: 55, rejected: 5, total: 60 });
    expect((await b.ok('audit.verify', {})).ok).toBe(true);
  });
});

describe('roster-clean.xlsx and roster-clean-gbk.csv', () => {
  it('roster-clean.xlsx: 40 people, all valid', async () => {
    const p = await preview(b, 'person', 'roster-clean.xlsx', fixture('roster-clean.xlsx'));
    expect(p.counts).toMatchObject({ rows: 40, valid: 40, errors: 0, new: 40 });
    const up = await upload(b, 'person', 'roster-clean.xlsx', fixture('roster-clean.xlsx'));
    await b.ok('import.preview', { importId: up.importId });
    expect((await b.ok('import.commit', { importId: up.importId, onExisting: 'update' })).created).toBe(40);
    expect((await b.ok('person.list', {})).total).toBe(40);
  });

  it('roster-clean-gbk.csv: GB18030 decoded, other header names recognised, 25 people with readable names', async () => {
    const p = await preview(b, 'person', 'roster-clean-gbk.csv', fixture('roster-clean-gbk.csv'));
    expect(p.format).toBe('csv');
    expect(p.encoding).toBe('GB18030');
    expect(p.counts).toMatchObject({ rows: 25, valid: 25, errors: 0 });
    const mapped = Object.fromEntries(p.columns.map((c) => [c.header, c.field]));
    expect(mapped).toMatchObject({
      身份证号码: 'idNumber',
      手机号码: 'mobile',
      所在单位: 'employer',
      所在乡镇: 'township',
      类别: 'roles',
    });
    expect(p.rows[0].values).toMatchObject({ name: '陈琴', roles: ['普查指导员'], employer: '县水务局' });
    const up = await upload(b, 'person', 'roster-clean-gbk.csv', fixture('roster-clean-gbk.csv'));
    await b.ok('import.preview', { importId: up.importId });
    await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    const people = (await b.ok('person.list', { pageSize: 100 })).rows;
    expect(people).toHaveLength(25);
    expect(people.every((p) => /^[\u4e00-\u9fff]{2,4}$/.test(p.name))).toBe(true);
  });
});

describe('townships the roster names', () => {
  it('an unknown township is a row error naming it; the other rows import', async () => {
    const empty = await countyBackend({ townships: false });
    try {
      await empty.ok('township.create', { code: '511323100', name: '锦屏镇' });
      const p = await preview(empty, 'person', 'roster-clean.xlsx', fixture('roster-clean.xlsx'));
      const jinping = p.rows.filter((r) => r.cells[6] === '锦屏镇');
      expect(jinping.length).toBeGreaterThan(0);
      expect(jinping.every((r) => r.action === 'new')).toBe(true);
      const others = p.rows.filter((r) => r.cells[6] !== '锦屏镇');
      expect(others.every((r) => r.action === 'error')).toBe(true);
      expect(others[0].errors[0]).toMatchObject({
        column: 'G',
        message: expect.stringMatching(/^乡镇（街道）“.+”不存在/),
      });
    } finally {
      empty.dispose();
    }
  });
});
