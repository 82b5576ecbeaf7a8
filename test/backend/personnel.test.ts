import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { tempBackend, adminCtx, type TestBackend } from '../helpers/backend';
import type { InputOf } from '../../core/api';
import { insertPeople, type NewPersonRow } from '../../db/entities/personnel';
import { makeId, setOffice } from './budgetFixtures';

let b: TestBackend;

// Valid 18-digit IDs (makeId): odd sequence → 男, even → 女.
const ID_M = makeId('19800101', '123'); // 男, 1980-01-01
const ID_F = makeId('19900215', '246'); // 女, 1990-02-15

/**
 * Until the training and contracts areas land their tables, minimal stand-ins let the people view
 * resolve. Attendance is written directly (foreign keys off, any other NOT NULL column filled) so
 * the fixture keeps working once the real training_attendance table exists.
 */
function standIns(db: Database) {
  db.exec(
    'CREATE TABLE IF NOT EXISTS agencies (id INTEGER PRIMARY KEY, name TEXT NOT NULL, credit_code TEXT, created_at TEXT, updated_at TEXT)',
  );
  db.exec(
    'CREATE TABLE IF NOT EXISTS training_attendance (id INTEGER PRIMARY KEY, person_id INTEGER, session_id INTEGER, signed_in INTEGER, passed INTEGER)',
  );
}
function attend(db: Database, personId: number, signedIn: 0 | 1, passed: 0 | 1 | null) {
  const values: Record<string, unknown> = { person_id: personId, session_id: 1, signed_in: signedIn, passed };
  const cols = db.prepare('PRAGMA table_info(training_attendance)').all() as {
    name: string;
    type: string;
    notnull: number;
    dflt_value: unknown;
    pk: number;
  }[];
  for (const c of cols) {
    if (c.name in values || c.pk || !c.notnull || c.dflt_value !== null) continue;
    values[c.name] = /_at$/.test(c.name) ? '2018-07-01T00:00:00.000Z' : /INT|REAL|NUM/i.test(c.type) ? 0 : '';
  }
  db.pragma('foreign_keys = OFF');
  const keys = Object.keys(values);
  db.prepare(`INSERT INTO training_attendance (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(
    ...keys.map((k) => values[k]),
  );
  db.pragma('foreign_keys = ON');
}

const person = (extra: Record<string, unknown> = {}) =>
  ({ name: '张三', roles: ['普查员'], idNumber: ID_M, ...extra }) as InputOf<'person.create'>;

beforeEach(() => {
  b = tempBackend();
  standIns(b.db);
  setOffice(b.db);
});
afterEach(() => b.dispose());

describe('person: create, get, update with derived values', () => {
  it('stores a normalised person, derives sex, birth date and 人员编号, and reads it back', async () => {
    const t = await b.ok('township.create', { code: '511323100', name: '相如镇' });
    const p = await b.ok('person.create', {
      name: ' 张三 ',
      roles: ['普查指导员', '普查员', '普查员'],
      idNumber: ID_M.slice(0, 17) + ID_M[17].toLowerCase(),
      mobile: '１３８ ００１３ ８０００',
      townshipId: t.id,
      ethnicity: '汉族',
      hireStart: '2018.3.5',
      insuranceAmount: 50_000_000,
      payRate: 20_000,
      payBasis: '元/天',
      bankAccount: '6222 0212 3456 7890',
    });
    expect(p).toMatchObject({
      personCode: '51132320001', // first role entered: 普查指导员 → digit 2
      name: '张三',
      roles: ['普查员', '普查指导员'], // de-duplicated, in the order domain.md lists roles
      idNumber: ID_M,
      sex: '男',
      birthDate: '1980-01-01',
      mobile: '13800138000',
      townshipName: '相如镇',
      villageName: null,
      supervisorName: null,
      hireStart: '2018-03-05',
      status: '在岗',
      bankAccount: '6222021234567890',
      districtIds: [],
      trainingStatus: '未培训',
      insuranceValid: false,
    });
    expect(await b.ok('person.get', { id: p.id })).toEqual(p);
    const q = await b.ok('person.create', person({ idNumber: ID_F, roles: ['普查员'] }));
    expect(q).toMatchObject({ personCode: '51132310001', sex: '女', birthDate: '1990-02-15' });
  });

  it('numbers each role prefix on from its highest code and accepts a given code', async () => {
    await b.ok('person.create', person({ personCode: '51132310041' }));
    const next = await b.ok('person.create', person({ idNumber: ID_F }));
    expect(next.personCode).toBe('51132310042');
    const expert = await b.ok('person.create', person({ idNumber: makeId('19700101', '011'), roles: ['专家'] }));
    expect(expert.personCode).toBe('51132350001');
  });

  it('updates only what is given, re-derives sex and birth date, replaces roles, keeps a blanked code', async () => {
    const p = await b.ok('person.create', person({ employer: '县环保局', roles: ['普查员'] }));
    const u = await b.ok('person.update', {
      id: p.id,
      idNumber: ID_F,
      roles: ['专家', '污普办工作人员'],
      personCode: '',
    });
    expect(u).toMatchObject({
      sex: '女',
      birthDate: '1990-02-15',
      employer: '县环保局',
      roles: ['污普办工作人员', '专家'],
      personCode: p.personCode,
    });
    const roles = b.db.prepare('SELECT role FROM person_roles WHERE person_id = ? ORDER BY role').all(p.id);
    expect(roles).toHaveLength(2);
    const audit = b.db.prepare(`SELECT action FROM audit_log WHERE entity = 'person' ORDER BY id`).all() as {
      action: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('fills the township from the village and lists assigned census districts', async () => {
    const t = await b.ok('township.create', { code: '511323100', name: '相如镇' });
    const v = await b.ok('village.create', { townshipId: t.id, code: '511323100201', name: '白鹤村' });
    const p = await b.ok('person.create', person({ roles: ['村(居)联络员', '普查员'], villageId: v.id }));
    expect(p).toMatchObject({ townshipId: t.id, villageName: '白鹤村', personCode: '51132340001' });
    const d1 = await b.ok('district.create', {
      code: '511323100201001',
      name: '一区',
      townshipId: t.id,
      basis: '行政村',
      enumeratorIds: [p.id],
    });
    const d2 = await b.ok('district.create', {
      code: '511323100201002',
      name: '二区',
      townshipId: t.id,
      basis: '行政村',
      enumeratorIds: [p.id],
    });
    expect((await b.ok('person.get', { id: p.id })).districtIds).toEqual([d1.id, d2.id]);
  });
});

describe('person: rules that refuse and leave the data untouched', () => {
  const refused = async (method: string, input: unknown, message: string, path?: string) => {
    const before = b.snapshot();
    const e = await b.err(method, input);
    expect(e.message).toBe(message);
    if (path) expect(e.issues.map((i) => i.path)).toContain(path);
    expect(b.snapshot()).toEqual(before);
    return e;
  };

  it('rejects bad input with messages naming the field', async () => {
    await refused('person.create', { roles: ['普查员'], idNumber: ID_M }, '姓名不能为空', 'name');
    await refused('person.create', { name: 123, roles: ['普查员'], idNumber: ID_M }, '姓名应为文本', 'name');
    await refused('person.create', { name: '张三', idNumber: ID_M }, '人员类别不能为空', 'roles');
    await refused('person.create', person({ roles: [] }), '人员类别至少选择1项', 'roles');
    await refused(
      'person.create',
      person({ roles: ['司机'] }),
      '人员类别应为以下之一：普查员、普查指导员、污普办工作人员、乡镇(街道)联络员、村(居)联络员、专家、第三方机构人员',
      'roles.0',
    );
    await refused(
      'person.create',
      person({ idNumber: '110105194912310021' }),
      '公民身份号码校验位错误：应为 X，实为 1',
      'idNumber',
    );
    await refused('person.create', person({ idNumber: undefined }), '公民身份号码不能为空', 'idNumber');
    await refused(
      'person.create',
      person({ mobile: '1234567' }),
      '手机格式不正确：1234567（应为11位手机号）',
      'mobile',
    );
    await refused(
      'person.create',
      person({ politicalStatus: '党员' }),
      '政治面貌应为以下之一：中共党员、中共预备党员、共青团员、民主党派、无党派人士、群众',
    );
    await refused('person.create', person({ insuranceAmount: 12.5 }), '保额应为以分为单位的整数');
    await refused('person.create', person({ hireStart: '2018-02-30' }), '聘用开始日期不是有效日期：2018-02-30');
    await refused(
      'person.create',
      person({ personCode: '5113231001' }),
      '人员编号格式不正确（11位数字：6位县级区划代码+1位人员类别码+4位序号）',
    );
    await refused('person.create', person({ sex: '男' }), '无法识别的字段：sex');
  });

  it('refuses references to missing records', async () => {
    await refused('person.create', person({ townshipId: 99 }), '所属乡镇（街道）不存在（编号 99）', 'townshipId');
    await refused('person.create', person({ villageId: 99 }), '所属村（社区）不存在（编号 99）', 'villageId');
    await refused('person.create', person({ supervisorId: 99 }), '所属普查指导员不存在（编号 99）', 'supervisorId');
    await refused(
      'person.create',
      person({ roles: ['第三方机构人员'], agencyId: 99 }),
      '所属第三方机构不存在（编号 99）',
      'agencyId',
    );
    await refused('person.get', { id: 99 }, '人员不存在（编号 99）');
    await refused('person.update', { id: 99, name: '李四' }, '人员不存在（编号 99）');
  });

  it('enforces who may have a supervisor, an agency and a village', async () => {
    const s = await b.ok('person.create', person({ name: '王五', roles: ['普查员'] }));
    await refused(
      'person.create',
      person({ idNumber: ID_F, supervisorId: s.id }),
      '王五不是普查指导员，不能作为所属普查指导员',
      'supervisorId',
    );
    const sup = await b.ok(
      'person.create',
      person({ name: '赵六', idNumber: makeId('19850505', '331'), roles: ['普查指导员'] }),
    );
    await refused(
      'person.create',
      person({ idNumber: ID_F, roles: ['专家'], supervisorId: sup.id }),
      '只有普查员可以指定所属普查指导员',
      'supervisorId',
    );
    await refused(
      'person.update',
      { id: sup.id, supervisorId: sup.id, roles: ['普查员', '普查指导员'] },
      '不能将本人设为自己的所属普查指导员',
    );
    b.db
      .prepare(
        `INSERT INTO agencies (id, name, credit_code, created_at, updated_at) VALUES (7, '某环境咨询公司', '91350100M000100Y43', '', '')`,
      )
      .run();
    await refused(
      'person.create',
      person({ idNumber: ID_F, agencyId: 7 }),
      '只有第三方机构人员可以指定所属第三方机构',
      'agencyId',
    );
    const staff = await b.ok(
      'person.create',
      person({ idNumber: makeId('19950303', '771'), roles: ['第三方机构人员'], agencyId: 7 }),
    );
    expect(staff).toMatchObject({ agencyId: 7, personCode: '51132360001' });
    const t1 = await b.ok('township.create', { code: '511323100', name: '相如镇' });
    const t2 = await b.ok('township.create', { code: '511323200', name: '金溪乡' });
    const v = await b.ok('village.create', { townshipId: t1.id, code: '511323100201', name: '白鹤村' });
    await refused(
      'person.create',
      person({ idNumber: ID_F, townshipId: t2.id, villageId: v.id }),
      '所属村（社区）“白鹤村”不在所属乡镇（街道）“金溪乡”内',
      'villageId',
    );
    await b.ok('person.leave', { id: sup.id, leftDate: '2018-06-01' });
    await refused(
      'person.create',
      person({ idNumber: ID_F, supervisorId: sup.id }),
      '赵六已离岗，不能作为所属普查指导员',
    );
  });

  it('checks dates, status, pay and uniqueness', async () => {
    await refused('person.create', person({ status: '离岗' }), '在岗状态为离岗时须填写离岗日期', 'leftDate');
    await refused('person.create', person({ leftDate: '2018-06-01' }), '在岗人员不应填写离岗日期', 'leftDate');
    await refused(
      'person.create',
      person({ hireStart: '2018-03-01', hireEnd: '2018-02-28' }),
      '聘用结束日期不能早于聘用开始日期',
      'hireEnd',
    );
    await refused(
      'person.create',
      person({ insuranceStart: '2018-03-01', insuranceEnd: '2018-02-28' }),
      '保险截止日期不能早于保险起始日期',
      'insuranceEnd',
    );
    await refused(
      'person.create',
      person({ payRate: 20_000 }),
      '填写劳务报酬标准时须同时选择报酬计算方式（元/天或元/户）',
      'payBasis',
    );
    await refused(
      'person.create',
      person({ payBasis: '元/户' }),
      '选择报酬计算方式时须同时填写劳务报酬标准',
      'payRate',
    );
    const p = await b.ok('person.create', person());
    await refused(
      'person.create',
      person({ name: '李四' }),
      `公民身份号码 ${ID_M} 已登记为张三（人员编号 51132310001）`,
      'idNumber',
    );
    await refused(
      'person.create',
      person({ idNumber: ID_F, personCode: p.personCode }),
      '人员编号 51132310001 已被张三使用',
      'personCode',
    );
    await refused(
      'person.create',
      person({ idNumber: ID_F, personCode: '51132410001' }),
      '人员编号 51132410001 应以本县区划代码 511323 开头',
      'personCode',
    );
    await refused(
      'person.update',
      { id: p.id, hireStart: '2018-05-01', hireEnd: '2018-04-01' },
      '聘用结束日期不能早于聘用开始日期',
    );
  });

  it('asks for 单位信息 before it can generate a code, but takes a given one', async () => {
    b.db.exec('DELETE FROM office_profile');
    const e = await refused(
      'person.create',
      person(),
      '尚未填写单位信息，无法生成人员编号：请先在“单位信息”中填写县级区划代码，或手工填写人员编号',
    );
    expect(e.code).toBe('NO_OFFICE_PROFILE');
    expect((await b.ok('person.create', person({ personCode: '51132310001' }))).personCode).toBe('51132310001');
  });

  it('refuses to drop a role that others still rely on', async () => {
    const sup = await b.ok('person.create', person({ name: '赵六', roles: ['普查指导员'] }));
    await b.ok('person.create', person({ idNumber: ID_F, supervisorId: sup.id }));
    await refused(
      'person.update',
      { id: sup.id, roles: ['专家'] },
      '赵六仍是1名普查员的所属普查指导员，不能取消其“普查指导员”类别',
      'roles',
    );
  });
});

describe('person: leaving and deleting', () => {
  it('person.leave keeps the record, marks it 离岗 and is audited; returning to duty clears the date', async () => {
    const p = await b.ok('person.create', person({ hireStart: '2018-03-01' }));
    const before = b.snapshot();
    const e = await b.err('person.leave', { id: p.id, leftDate: '2018-02-01' });
    expect(e.message).toBe('离岗日期不能早于聘用开始日期');
    expect(b.snapshot()).toEqual(before);
    const left = await b.ok('person.leave', { id: p.id, leftDate: '2018年9月30日', reason: '调回原单位' });
    expect(left).toMatchObject({ status: '离岗', leftDate: '2018-09-30', leftReason: '调回原单位' });
    const last = b.db
      .prepare('SELECT action, entity, entity_id AS id FROM audit_log ORDER BY audit_log.id DESC LIMIT 1')
      .get();
    expect(last).toEqual({ action: 'leave', entity: 'person', id: p.id });
    expect((await b.err('person.leave', { id: p.id, leftDate: '2018-10-01' })).message).toBe('张三已于2018-09-30离岗');
    expect((await b.err('person.leave', { id: 99, leftDate: '2018-10-01' })).message).toBe('人员不存在（编号 99）');
    expect((await b.err('person.leave', { id: p.id })).message).toBe('离岗日期不能为空');
    const back = await b.ok('person.update', { id: p.id, status: '在岗' });
    expect(back).toMatchObject({ status: '在岗', leftDate: null, leftReason: null });
  });

  it('deletes a person nobody refers to, with their roles', async () => {
    const p = await b.ok('person.create', person());
    expect(await b.ok('person.delete', { id: p.id })).toEqual({ id: p.id });
    expect((await b.err('person.get', { id: p.id })).code).toBe('NOT_FOUND');
    expect(b.db.prepare('SELECT count(*) AS n FROM person_roles').get()).toEqual({ n: 0 });
  });

  it('refuses to delete a supervisor or an assigned enumerator, naming what refers to them', async () => {
    const sup = await b.ok('person.create', person({ name: '赵六', roles: ['普查指导员'] }));
    const p = await b.ok('person.create', person({ idNumber: ID_F, supervisorId: sup.id }));
    const t = await b.ok('township.create', { code: '511323100', name: '相如镇' });
    await b.ok('district.create', {
      code: '511323100201001',
      name: '一区',
      townshipId: t.id,
      basis: '行政村',
      enumeratorIds: [p.id],
    });
    const before = b.snapshot();
    const e1 = await b.err('person.delete', { id: sup.id });
    expect(e1).toMatchObject({ code: 'IN_USE', message: '无法删除人员：仍有1 条人员引用它，请先处理这些记录' });
    const e2 = await b.err('person.delete', { id: p.id });
    expect(e2.message).toBe('无法删除人员：仍有1 条普查小区人员安排引用它，请先处理这些记录');
    expect(b.snapshot()).toEqual(before);
  });
});

describe('person.list: search, filters, sort', () => {
  it('searches name (contains), 人员编号 and ID (prefix) and applies every filter', async () => {
    const t1 = await b.ok('township.create', { code: '511323100', name: '相如镇' });
    const t2 = await b.ok('township.create', { code: '511323200', name: '金溪乡' });
    const v = await b.ok('village.create', { townshipId: t1.id, code: '511323100201', name: '白鹤村' });
    const sup = await b.ok(
      'person.create',
      person({ name: '赵六', roles: ['普查指导员'], idNumber: makeId('19850505', '331'), townshipId: t1.id }),
    );
    const a = await b.ok(
      'person.create',
      person({
        name: '张小明',
        townshipId: t1.id,
        villageId: v.id,
        supervisorId: sup.id,
        insuranceStart: '2018-01-01',
        insuranceEnd: '2099-12-31',
      }),
    );
    const c = await b.ok(
      'person.create',
      person({
        name: '李张氏',
        idNumber: makeId('19700707', '442', '110105'),
        townshipId: t2.id,
        insuranceStart: '2018-01-01',
        insuranceEnd: '2018-12-31',
      }),
    );
    const d = await b.ok(
      'person.create',
      person({ name: '王五', roles: ['专家'], idNumber: makeId('19600101', '559') }),
    );
    await b.ok('person.leave', { id: d.id, leftDate: '2018-10-01' });
    attend(b.db, a.id, 1, 1);
    attend(b.db, c.id, 1, 0);
    attend(b.db, sup.id, 0, null);

    const ids = async (input: Record<string, unknown>) =>
      (await b.ok('person.list', input as never)).rows.map((r) => r.id);
    expect(await ids({ q: '张' })).toEqual([a.id, c.id]);
    expect(await ids({ q: '小明' })).toEqual([a.id]);
    expect(await ids({ q: '5113232' })).toEqual([sup.id]); // 人员编号 prefix
    expect(await ids({ q: '110105' })).toEqual([c.id]); // ID prefix
    expect(await ids({ q: '1001' })).toEqual([]); // the middle of a code or ID is not a match
    expect(await ids({ q: '%' })).toEqual([]);
    expect(await ids({ filters: { role: '普查员' } })).toEqual([a.id, c.id]);
    expect(await ids({ filters: { role: '专家' } })).toEqual([d.id]);
    expect(await ids({ filters: { townshipId: t1.id } })).toEqual([a.id, sup.id]);
    expect(await ids({ filters: { villageId: v.id } })).toEqual([a.id]);
    expect(await ids({ filters: { status: '离岗' } })).toEqual([d.id]);
    expect(await ids({ filters: { supervisorId: sup.id } })).toEqual([a.id]);
    expect(await ids({ filters: { trainingStatus: '考核合格' } })).toEqual([a.id]);
    expect(await ids({ filters: { trainingStatus: '已培训' } })).toEqual([c.id]);
    expect(await ids({ filters: { trainingStatus: '未培训' } })).toEqual([sup.id, d.id]);
    expect(await ids({ filters: { role: '普查员', hasSupervisor: false } })).toEqual([c.id]);
    expect(await ids({ filters: { hasSupervisor: true } })).toEqual([a.id]);
    expect(await ids({ filters: { insuranceValid: true } })).toEqual([a.id]);
    expect(await ids({ filters: { insuranceValid: false } })).toEqual([c.id, sup.id, d.id]);
    expect(await ids({ q: '张', filters: { townshipId: t2.id } })).toEqual([c.id]);

    expect(await ids({ sort: { field: 'name', dir: 'asc' } })).toEqual([a.id, c.id, d.id, sup.id]); // code-point order: 张 李 王 赵
    expect(await ids({ sort: { field: 'birthDate', dir: 'desc' } })).toEqual([sup.id, a.id, c.id, d.id]);
    expect(await ids({ sort: { field: 'personCode', dir: 'desc' } })).toEqual([d.id, sup.id, c.id, a.id]);
    expect(await ids({ sort: { field: 'status', dir: 'desc' } })).toEqual([d.id, sup.id, a.id, c.id]); // 离 > 在, ties by id
    const page2 = await b.ok('person.list', { pageSize: 3, page: 2 });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.rows.map((r) => r.id)).toEqual([d.id]);

    const e = await b.err('person.list', { filters: { role: '司机' } });
    expect(e.message).toBe(
      '人员类别应为以下之一：普查员、普查指导员、污普办工作人员、乡镇(街道)联络员、村(居)联络员、专家、第三方机构人员',
    );
    expect((await b.err('person.list', { sort: { field: 'mobile' } })).message).toBe(
      '排序字段应为以下之一：personCode、name、birthDate、status',
    );
    expect((await b.err('person.list', { filters: { hasSupervisor: 'no' } })).message).toBe(
      '是否已有普查指导员应为是或否',
    );
  });

  it('gives the same answers when filters match thousands (bulk insert, the broad query plans)', async () => {
    // 2400 普查员 and 100 专家: past the threshold where filters stop driving an index.
    const rows: NewPersonRow[] = Array.from({ length: 2500 }, (_, i) => {
      const expert = i >= 2400;
      const idNumber = makeId('19800101', String(i % 1000).padStart(3, '0'), `5113${10 + Math.floor(i / 1000)}`);
      const seq = String(expert ? i - 2399 : i + 1).padStart(4, '0');
      return {
        personCode: `511323${expert ? 5 : 1}${seq}`,
        name: i % 10 === 0 ? `张${i}` : `李${i}`,
        sex: i % 2 ? '男' : '女',
        birthDate: '1980-01-01',
        idNumber,
        roles: expert ? ['专家'] : ['普查员'],
      };
    });
    const ids = b.db.transaction(() => insertPeople(b.db, rows))();
    expect(ids).toHaveLength(2500);
    expect(await b.ok('person.get', { id: ids[2400] })).toMatchObject({
      roles: ['专家'],
      personCode: '51132350001',
      status: '在岗',
      trainingStatus: '未培训',
    });

    const list = (input: Record<string, unknown>) => b.ok('person.list', input as never);
    const all = await list({ filters: { role: '普查员' } });
    expect(all.total).toBe(2400);
    expect(all.rows[0]).toMatchObject({ personCode: '51132310001', roles: ['普查员'] });
    expect((await list({ filters: { role: '专家' } })).total).toBe(100);
    expect((await list({ q: '5113' })).total).toBe(2500);
    expect((await list({ q: '5113231' })).total).toBe(2400); // broad: checked along the sort index
    const narrow = await list({ q: '51132310', sort: { field: 'personCode', dir: 'desc' } });
    expect(narrow.total).toBe(999); // narrow: index ranges
    expect(narrow.rows[0].personCode).toBe('51132310999');
    expect((await list({ q: '5113', filters: { role: '专家' } })).total).toBe(100);
    expect((await list({ q: '５１１３１２' })).total).toBe(500); // full-width digits: IDs from region 511312
    const named = await list({
      q: '张',
      filters: { role: '普查员' },
      sort: { field: 'name', dir: 'asc' },
      pageSize: 5,
    });
    expect(named.total).toBe(240);
    expect(named.rows.map((r) => r.name)).toEqual(['张0', '张10', '张100', '张1000', '张1010']);
    expect((await list({ filters: { trainingStatus: '未培训', status: '在岗' } })).total).toBe(2500);

    // A role alone is counted from the role index; with another filter the count is the query's.
    await b.ok('person.leave', { id: ids[5], leftDate: '2018-06-01', reason: '调离' });
    expect((await list({ filters: { role: '普查员' } })).total).toBe(2400);
    expect((await list({ filters: { role: '普查员', status: '在岗' } })).total).toBe(2399);
    expect((await list({ filters: { role: '普查员', status: '离岗' } })).rows.map((r) => r.id)).toEqual([ids[5]]);
    // Names are matched literally through the name index: LIKE wildcards typed by a clerk are text.
    const withOne = rows.filter((r) => r.name.includes('李1')).length;
    expect((await list({ q: ' 李1 ' })).total).toBe(withOne);
    expect((await list({ q: '李%' })).total).toBe(0);
    expect((await list({ q: '李_' })).total).toBe(0);
  });

  it('judges insurance against the caller’s clock', async () => {
    const p = await b.ok('person.create', person({ insuranceStart: '2018-03-01', insuranceEnd: '2018-12-31' }));
    const at = (iso: string) => ({ ...adminCtx, now: () => new Date(`${iso}T12:00:00`) });
    const get = async (iso: string) => {
      const r = await b.dispatch('person.get', { id: p.id }, at(iso));
      return r.ok && (r.data as { insuranceValid: boolean }).insuranceValid;
    };
    expect(await get('2018-02-28')).toBe(false);
    expect(await get('2018-03-01')).toBe(true);
    expect(await get('2018-12-31')).toBe(true);
    expect(await get('2019-01-01')).toBe(false);
    const listed = await b.dispatch('person.list', { filters: { insuranceValid: true } }, at('2018-06-01'));
    expect(listed.ok && (listed.data as { total: number }).total).toBe(1);
  });
});
