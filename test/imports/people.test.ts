// People as they are: a 15-digit legacy ID is shown with its warning and is the same person as its
// 18-digit form (GB 11643: 19 inserted after the area code, check character computed) — on import
// and on person.create; a landline under 联系电话 is stored as 固定电话 instead of refusing the person.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { legacyIdTo18, otherIdForm } from '../../core/validate/idNumber';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, preview } from './helpers';
import { makeId, sheet } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

/** Born 1980-01-01, order 123 (odd: 男), issued before 1999. */
const OLD = '511323800101123';
const NEW = legacyIdTo18(OLD);
const HEADER = ['姓名', '公民身份号码', '人员类别', '联系电话'];
const masked = (id: string) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

async function commit(bytes: Buffer) {
  const p = await preview(b, 'person', '花名册.xlsx', bytes);
  const done = await b.ok('import.commit', { importId: p.importId, onExisting: 'update', acceptDuplicateFile: true });
  return { p, done };
}

describe('GB 11643: the 18-digit form of a 15-digit ID', () => {
  it('inserts 19 before the year and computes the check character; and back', () => {
    expect(legacyIdTo18('110105491231002')).toBe('11010519491231002X');
    expect(otherIdForm('11010519491231002X')).toBe('110105491231002');
    expect(otherIdForm(OLD)).toBe(NEW);
    // Born in 2001: there is no 15-digit form.
    expect(otherIdForm('110105200101010016')).toBeNull();
  });
});

describe('a 15-digit ID', () => {
  it('is imported with its warning in the preview', async () => {
    const { p, done } = await commit(sheet([HEADER, ['张三', OLD, '普查员', null]]));
    expect(p.rows[0].warnings).toEqual([
      {
        row: 2,
        column: 'B',
        header: '公民身份号码',
        field: 'idNumber',
        message: '公民身份号码为15位旧号码，请核对并更换为18位',
      },
    ]);
    expect(p).toMatchObject({ warningCount: 1, counts: { new: 1, errors: 0 } });
    expect(done.created).toBe(1);
    // The person page reads it as stored (masked, its length kept) and shows the warning.
    const [person] = (await b.ok('person.list', {})).rows;
    expect(person).toMatchObject({ idNumber: OLD, sex: '男', birthDate: '1980-01-01' });
  });

  it('and its 18-digit form in a later sheet are one person: the stored ID is replaced, visibly', async () => {
    await commit(sheet([HEADER, ['张三', OLD, '普查员', null]]));
    const { p, done } = await commit(sheet([HEADER, ['张三', NEW, '普查员', null]]));
    expect(p.counts).toMatchObject({ new: 0, update: 1 });
    expect(p.rows[0].changes).toEqual([
      { field: 'idNumber', label: '公民身份号码', from: masked(OLD), to: masked(NEW) },
    ]);
    expect(done).toMatchObject({ created: 0, updated: 1 });
    const people = (await b.ok('person.list', {})).rows;
    expect(people.map((x) => x.idNumber)).toEqual([NEW]);
  });

  it('given for a person stored with the 18-digit form: matched, the 18 digits kept', async () => {
    await b.ok('person.create', { name: '张三', idNumber: NEW, roles: ['普查员'], employer: '县统计局' });
    const { p, done } = await commit(
      sheet([
        ['姓名', '公民身份号码', '人员类别', '工作单位'],
        ['张三', OLD, '普查员', '县水务局'],
      ]),
    );
    expect(p.counts).toMatchObject({ new: 0, update: 1 });
    expect(p.rows[0].changes.map((c) => c.field)).toEqual(['employer']);
    expect(p.rows[0].warnings[0].message).toMatch(/15位旧号码，已按对应的18位号码匹配到张三/);
    expect(done.updated).toBe(1);
    expect((await b.ok('person.list', {})).rows).toMatchObject([{ idNumber: NEW, employer: '县水务局' }]);
  });

  it('and its 18-digit form twice in one sheet: the second row is a repeat', async () => {
    const p = await preview(
      b,
      'person',
      'a.xlsx',
      sheet([HEADER, ['张三', OLD, '普查员', null], ['张三', NEW, '普查员', null]]),
    );
    expect(p.errors.map((e) => [e.row, e.message])).toEqual([
      [3, '与第2行重复：公民身份号码相同（15位与18位号码视为同一人）'],
    ]);
  });

  it('person.create refuses the other form of a stored ID, naming the person', async () => {
    const first = await b.ok('person.create', { name: '张三', idNumber: OLD, roles: ['普查员'] });
    const e = await b.err('person.create', { name: '张三', idNumber: NEW, roles: ['普查员'] });
    expect(e.message).toMatch(new RegExp(`与张三（人员编号 ${first.personCode}）登记的15位号码属于同一人`));
    await b.ok('person.update', { id: first.id, idNumber: NEW }); // the person's own upgrade is fine
    const e2 = await b.err('person.create', { name: '张三', idNumber: OLD, roles: ['普查员'] });
    expect(e2.message).toMatch(/登记的18位号码属于同一人/);
    expect((await b.ok('person.list', {})).total).toBe(1);
  });
});

describe('固定电话', () => {
  it('a landline under 联系电话 goes to 固定电话, a mobile to 手机; neither refuses the person', async () => {
    const { p, done } = await commit(
      sheet([
        HEADER,
        ['张三', makeId('19800202', '231'), '普查员', '0838-1234567'],
        ['李四', NEW, '普查员', '13800000001'],
        ['王五', '11010519491231002X', '普查员', '（0817）2345678-801'],
      ]),
    );
    expect(p.errors).toEqual([]);
    expect(p.rows[0].values).toMatchObject({ landline: '0838-1234567' });
    expect(p.rows[0].warnings.map((w) => [w.column, w.message])).toEqual([
      ['D', '“0838-1234567”是固定电话，已存入固定电话'],
    ]);
    expect(done.created).toBe(3);
    const people = (await b.ok('person.list', {})).rows;
    const byName = Object.fromEntries(people.map((x) => [x.name, x]));
    expect(byName['张三']).toMatchObject({ mobile: null, landline: '0838-1234567' });
    expect(byName['李四']).toMatchObject({ mobile: '13800000001', landline: null });
    expect(byName['王五']).toMatchObject({ mobile: null, landline: '0817-2345678-801' });
  });

  it('its own column, and person.create, check it by the rule of domain.md', async () => {
    const p = await preview(
      b,
      'person',
      'a.xlsx',
      sheet([
        ['姓名', '公民身份号码', '人员类别', '手机', '固定电话'],
        ['张三', NEW, '普查员', '13800000001', '838-123'],
      ]),
    );
    expect(p.errors.map((e) => e.message)).toEqual(['固定电话格式不正确：838-123（应为区号-号码，如 0817-1234567）']);
    const e = await b.err('person.create', { name: '张三', idNumber: NEW, roles: ['普查员'], landline: '1234567' });
    expect(e.issues).toEqual([
      { path: 'landline', message: '固定电话格式不正确：1234567（应为区号-号码，如 0817-1234567）' },
    ]);
    const ok = await b.ok('person.create', { name: '张三', idNumber: NEW, roles: ['普查员'], landline: '08381234567' });
    expect(ok.landline).toBe('08381234567');
  });
});
