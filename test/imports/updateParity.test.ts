// Stored people updated by a roster import are checked with the person rules person.update
// applies, answered from lookups loaded once, in sheet order after the sheet's new people (the
// order the commit writes them). These tests hold the import to person.update's verdict and words,
// and to what a person.update at each row's turn would have seen from the rows before it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { upload } from './helpers';
import { makeId, sheet } from './make';
import { RULE_CASES, ruleCounty, type RuleIds } from './personRules';

let b: TestBackend;
let ids: RuleIds & { self: number };
const ID = makeId('19881212', '135');
beforeEach(async () => {
  const county = await ruleCounty({ codeHolder: true });
  b = county.b;
  const self = await b.ok('person.create', {
    name: '周新',
    idNumber: ID,
    roles: ['普查员'],
    townshipId: county.townshipId,
  });
  ids = { ...county.ids, self: self.id };
});
afterEach(() => b.dispose());

async function previewRows(...rows: Record<string, unknown>[]) {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const up = await upload(b, 'person', 'a.xlsx', sheet([header, ...rows.map((r) => header.map((h) => r[h] ?? null))]));
  const p = await b.ok('import.preview', { importId: up.importId });
  return { up, p };
}

/** The rules of RULE_CASES an update row is held to here. */
const UPDATE_RULES = new Set([
  '人员编号 already used',
  '人员编号 of another county',
  'supervisor for someone who is not 普查员',
  'supervisor who is not 普查指导员',
  'supervisor who has left',
  'agency for someone who is not 第三方机构人员',
  '离岗 without a date',
  'hire end before start',
  'pay rate without its basis',
]);
const cases = RULE_CASES.filter((c) => UPDATE_RULES.has(c.what));

describe('an update row is refused exactly where person.update refuses, in its words', () => {
  for (const c of cases) {
    it(c.what, async () => {
      const { p } = await previewRows({ 姓名: '周新', 公民身份号码: ID, 人员类别: '普查员', ...c.row });
      const typed = await b.err('person.update', { id: ids.self, ...c.typed(ids) });
      expect(p.rows[0].action).toBe('error');
      // person.update's field note, as the preview's dry run through it used to show.
      expect(p.rows[0].errors.map((e) => e.message)).toContain(typed.issues[0]?.message ?? typed.message);
    });
  }

  it('and writes what person.update writes: a village alone brings its township', async () => {
    const { up, p } = await previewRows({
      姓名: '周新',
      公民身份号码: ID,
      人员类别: '普查员',
      所属村: '青龙村',
      工作单位: '县统计局',
    });
    expect(p.rows[0].action).toBe('update');
    await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    const imported = await b.ok('person.get', { id: ids.self });
    expect(imported).toMatchObject({ villageId: ids.village, townshipName: '巨龙镇', employer: '县统计局' });
    const [entry] = (await b.ok('audit.list', { filters: { entity: 'person', entityId: ids.self } })).rows;
    expect(entry.before).toEqual({ employer: null, townshipId: 2, villageId: null });
    expect(entry.after).toMatchObject({ employer: '县统计局', townshipId: 3, villageId: ids.village });
  });
});

describe('each update row sees the rows before it, after the new people', () => {
  const A = makeId('19750101', '111');
  const B = makeId('19750202', '222');
  beforeEach(async () => {
    await b.ok('person.create', { name: '甲', idNumber: A, roles: ['普查员'], personCode: '51132310101' });
    await b.ok('person.create', { name: '乙', idNumber: B, roles: ['普查员'], personCode: '51132310102' });
  });
  const code = async (idNumber: string) => (await b.ok('person.list', { q: idNumber })).rows[0].personCode;

  it('a 人员编号 is free once an earlier row moved its holder away, not before', async () => {
    const taken = await previewRows(
      { 姓名: '甲', 公民身份号码: A, 人员类别: '普查员', 人员编号: '51132310102' },
      { 姓名: '乙', 公民身份号码: B, 人员类别: '普查员', 人员编号: '51132310103' },
    );
    expect(taken.p.rows.map((r) => r.action)).toEqual(['error', 'update']);
    expect(taken.p.rows[0].errors[0]).toMatchObject({ field: 'personCode', message: '人员编号已被使用' });

    const freed = await previewRows(
      { 姓名: '乙', 公民身份号码: B, 人员类别: '普查员', 人员编号: '51132310103' },
      { 姓名: '甲', 公民身份号码: A, 人员类别: '普查员', 人员编号: '51132310102' },
    );
    expect(freed.p.rows.map((r) => r.action)).toEqual(['update', 'update']);
    await b.ok('import.commit', { importId: freed.up.importId, onExisting: 'update' });
    expect([await code(A), await code(B)]).toEqual(['51132310102', '51132310103']);
  });

  it('a 人员编号 generated for a new row of the sheet is taken before the updates run', async () => {
    // 51132310102 is the highest 普查员 code: the new row gets 51132310103.
    const { p } = await previewRows(
      { 姓名: '甲', 公民身份号码: A, 人员类别: '普查员', 人员编号: '51132310103' },
      { 姓名: '丙', 公民身份号码: makeId('19760303', '333'), 人员类别: '普查员' },
    );
    expect(p.rows[1]).toMatchObject({ action: 'new', values: { personCode: '51132310103' } });
    expect(p.rows[0]).toMatchObject({ action: 'error', errors: [{ message: '人员编号已被使用' }] });
  });

  it('a 普查指导员 given 普查员 by a new row cannot drop the role in a later row', async () => {
    const { p } = await previewRows(
      { 姓名: '丙', 公民身份号码: makeId('19760303', '333'), 人员类别: '普查员', 所属普查指导员: '赵指导' },
      { 姓名: '赵指导', 公民身份号码: makeId('19700101', '111'), 人员类别: '普查员' },
    );
    expect(p.rows[0].action).toBe('new');
    expect(p.rows[1]).toMatchObject({
      action: 'error',
      errors: [{ field: 'roles', message: '赵指导仍是1名普查员的所属普查指导员，不能取消其“普查指导员”类别' }],
    });
  });

  it('a 普查指导员 who leaves in an earlier row cannot be assigned in a later one, but can in an earlier one', async () => {
    const supervisor = {
      姓名: '赵指导',
      公民身份号码: makeId('19700101', '111'),
      人员类别: '普查指导员',
      在岗状态: '离岗',
      离岗日期: '2018-07-01',
    };
    const assigned = { 姓名: '甲', 公民身份号码: A, 人员类别: '普查员', 所属普查指导员: '赵指导' };
    const late = await previewRows(supervisor, assigned);
    expect(late.p.rows[1]).toMatchObject({
      action: 'error',
      errors: [{ field: 'supervisor', message: '赵指导已离岗，不能作为所属普查指导员' }],
    });
    const early = await previewRows(assigned, supervisor);
    expect(early.p.rows.map((r) => r.action)).toEqual(['update', 'update']);
    const done = await b.ok('import.commit', { importId: early.up.importId, onExisting: 'update' });
    expect(done).toMatchObject({ updated: 2 });
    expect((await b.ok('person.list', { q: A })).rows[0].supervisorName).toBe('赵指导');
  });

  it('an update may name a new row of the same sheet as its 普查指导员', async () => {
    const D = makeId('19770404', '444');
    const { up, p } = await previewRows(
      { 姓名: '甲', 公民身份号码: A, 人员类别: '普查员', 所属普查指导员: D },
      { 姓名: '丁', 公民身份号码: D, 人员类别: '普查指导员' },
    );
    expect(p.rows.map((r) => r.action)).toEqual(['update', 'new']);
    await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    const d = (await b.ok('person.list', { q: D })).rows[0];
    const a = (await b.ok('person.list', { q: A })).rows[0];
    expect(a.supervisorId).toBe(d.id);
    const [entry] = (await b.ok('audit.list', { filters: { entity: 'person', entityId: a.id } })).rows;
    expect(entry).toMatchObject({
      action: 'import.update',
      before: { supervisorId: null },
      after: { supervisorId: d.id },
    });
  });
});
