// Issue #15: "duplicate-ID messages name the holder only to roles that may reveal" — the imports
// too. A sheet row whose 公民身份号码 is stored under another name must not tell a 录入员 (who may not
// reveal by default) whose number it is: not in the roster preview (the update's 姓名 “from”, the
// holder's 人员编号), not in the device register's holder check, not through an area's refusal
// (“张三不是普查员”) in the census-district import. 管理员 keeps the answers it had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallCtx, Operator } from '../../backend/context';
import type { InputOf, OutputOf } from '../../core/api';
import { tempBackend, type TestBackend } from '../helpers/backend';
import { sheet } from '../imports/make';
import { idFor, staffWorkspace, type Staff } from './fixtures';

let b: TestBackend;
let staff: Staff;
const HOLDER = '王秀英';
const holderId = idFor(1);
const supervisorId = idFor(2);

beforeAll(async () => {
  b = tempBackend();
  staff = await staffWorkspace(b);
  const as = { operator: staff.admin };
  for (const [name, idNumber, roles] of [
    [HOLDER, holderId, ['普查员']],
    ['赵建国', supervisorId, ['普查指导员']],
  ] as const) {
    const r = await b.dispatch('person.create', { name, idNumber, roles: [...roles] }, as);
    if (!r.ok) throw new Error(r.error.message);
  }
  for (const [method, input] of [
    ['township.create', { code: '511323100', name: '锦屏镇' }],
    ['village.create', { code: '511323100201', name: '白鹤村', townshipId: 1 }],
  ] as const) {
    const r = await b.dispatch(method, input as never, as);
    if (!r.ok) throw new Error(r.error.message);
  }
});
afterAll(() => b.dispose());

type Preview = OutputOf<'import.preview'>;

async function preview(operator: Operator, kind: InputOf<'import.upload'>['kind'], bytes: Buffer): Promise<Preview> {
  const ctx: CallCtx = { operator, checkOutput: true, session: `s-${operator.name}` };
  const contentBase64 = bytes.toString('base64');
  const up = await b.dispatch('import.upload', { kind, fileName: 'sheet.xlsx', contentBase64, trainingId: null }, ctx);
  if (!up.ok) throw new Error(up.error.message);
  const p = await b.dispatch(
    'import.preview',
    { importId: (up.data as OutputOf<'import.upload'>).importId, pageSize: 100 },
    ctx,
  );
  if (!p.ok) throw new Error(p.error.message);
  return p.data as Preview;
}

/** Stages a sheet as 管理员, previewed by nobody yet; its import id. */
async function uploadAsAdmin(bytes: Buffer): Promise<string> {
  const contentBase64 = bytes.toString('base64');
  const input = { kind: 'person' as const, fileName: 'sheet.xlsx', contentBase64, trainingId: null };
  const up = await b.dispatch('import.upload', input, { operator: staff.admin });
  if (!up.ok) throw new Error(up.error.message);
  return (up.data as OutputOf<'import.upload'>).importId;
}

/** Everything the preview says about its rows, as one text to search for the holder. */
const said = (p: Preview) => JSON.stringify({ rows: p.rows, errors: p.errors });

describe('imports name the holder of a number only to roles that may reveal', () => {
  const roster = sheet([
    ['姓名', '公民身份号码', '人员类别'],
    ['试探', holderId, '普查员'],
  ]);

  it('roster: a 录入员 is refused a row whose number is stored under another name, unnamed', async () => {
    const p = await preview(staff.clerk, 'person', roster);
    expect(p.rows[0].action).toBe('error');
    expect(p.errors[0].message).toContain('已登记在其他人员名下（当前角色无权查看是谁');
    expect(said(p)).not.toContain(HOLDER);
    expect(said(p)).not.toContain('51132310001'); // the holder's 人员编号 (the first generated)
  });

  it('roster: the same name is an update as before; 管理员 sees the rename as before', async () => {
    const same = await preview(
      staff.clerk,
      'person',
      sheet([
        ['姓名', '公民身份号码', '人员类别', '职务'],
        [HOLDER, holderId, '普查员', '会计'],
      ]),
    );
    expect(same.rows[0].action).toBe('update');
    const admin = await preview(staff.admin, 'person', roster);
    expect(admin.rows[0].action).toBe('update');
    expect(admin.rows[0].changes).toContainEqual(expect.objectContaining({ field: 'name', from: HOLDER, to: '试探' }));
  });

  it('roster: a preview checked for 管理员 is checked again for a 录入员 who previews (or asks for its errors) later', async () => {
    const importId = await uploadAsAdmin(roster);
    const previewAs = async (operator: Operator) => {
      const p = await b.dispatch('import.preview', { importId, pageSize: 100 }, { operator, checkOutput: true });
      if (!p.ok) throw new Error(p.error.message);
      return p.data as Preview;
    };
    expect((await previewAs(staff.admin)).rows[0].action).toBe('update');
    const errors = await b.dispatch('import.errors', { importId }, { operator: staff.clerk, checkOutput: true });
    expect(!errors.ok && errors.error.code).toBe('NOT_PREVIEWED');
    const clerk = await previewAs(staff.clerk);
    expect(clerk.rows[0].action).toBe('error');
    expect(said(clerk)).not.toContain(HOLDER);
  });

  it('roster: a 录入员 cannot confirm a preview checked for 管理员 (it would rename the holder); nothing is written', async () => {
    const importId = await uploadAsAdmin(roster);
    const p = await b.dispatch('import.preview', { importId, pageSize: 100 }, { operator: staff.admin });
    expect(p.ok && (p.data as Preview).rows[0].action).toBe('update');
    const before = b.db.prepare('SELECT * FROM people ORDER BY id').all();
    const audit = b.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const commit = await b.dispatch(
      'import.commit',
      { importId, onExisting: 'update', acceptDuplicateFile: true },
      { operator: staff.clerk, checkOutput: true },
    );
    expect(!commit.ok && commit.error.code).toBe('NOT_PREVIEWED');
    expect(b.db.prepare('SELECT * FROM people ORDER BY id').all()).toEqual(before);
    expect(b.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit);
  });

  it('devices: a holder named by number alone, or under another name, is not named to a 录入员', async () => {
    const devices = sheet([
      ['类别', '编号/账号', '领用人', '公民身份号码', '发放日期'],
      ['PAD', 'PAD-001', null, holderId, '2026-11-01'],
      ['PAD', 'PAD-002', '试探', holderId, '2026-11-01'],
      ['PAD', 'PAD-003', HOLDER, holderId, '2026-11-01'],
    ]);
    const clerk = await preview(staff.clerk, 'device', devices);
    expect(clerk.rows.map((r) => r.action)).toEqual(['error', 'error', 'new']);
    expect(said({ ...clerk, rows: clerk.rows.slice(0, 2) })).not.toContain(HOLDER);
    expect(clerk.errors.map((e) => e.message).join('\n')).toContain('请同时填写领用人姓名');
    const admin = await preview(staff.admin, 'device', devices);
    expect(admin.rows.map((r) => r.action)).toEqual(['new', 'error', 'new']);
    expect(admin.rows[0].values).toMatchObject({ personName: HOLDER });
    expect(admin.errors[0].message).toContain(`“${HOLDER}”不符`);
  });

  it('districts: a number whose holder lacks the role is refused without the area naming them', async () => {
    const districts = sheet([
      ['普查小区代码', '普查小区名称', '所属村（社区）', '划分依据', '普查员'],
      ['511323100201001', '白鹤村第1普查小区', '白鹤村', '行政村', supervisorId],
    ]);
    const clerk = await preview(staff.clerk, 'district', districts);
    expect(clerk.rows[0].action).toBe('error');
    expect(said(clerk)).not.toContain('赵建国');
    expect(clerk.errors[0].message).toContain('不是普查员（当前角色无权查看是谁');
    const admin = await preview(staff.admin, 'district', districts);
    expect(admin.errors[0].message).toContain('赵建国不是普查员');
  });
});
