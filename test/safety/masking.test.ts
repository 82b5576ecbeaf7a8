// Sensitive fields leave the backend masked for every role; revealing one needs the right role and
// is audited; a masked value from a form is never written back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Operator } from '../../backend/context';
import { maskBankCard, maskSensitive } from '../../backend/masking';
import { idFor, sandbox, staffWorkspace, type Sandbox, type Staff } from './fixtures';

let box: Sandbox;
let staff: Staff;
const ID = idFor(123);
const CARD = '6222021234567890';
const MASKED_ID = `5113**********${ID.slice(-4)}`;

beforeEach(async () => {
  box = sandbox();
  staff = await staffWorkspace(box.b);
});
afterEach(() => box.dispose());

const as = (operator: Operator) => ({ operator });
async function call<T = Record<string, unknown>>(operator: Operator, method: string, input: unknown): Promise<T> {
  const r = await box.b.dispatch(method, input, as(operator));
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}
const refusal = async (operator: Operator, method: string, input: unknown) => {
  const r = await box.b.dispatch(method, input, as(operator));
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
};
const stored = (id: number) =>
  box.b.db
    .prepare('SELECT id_number AS idNumber, bank_account AS bankAccount, mobile FROM people WHERE id = ?')
    .get(id);
const newPerson = () =>
  call<{ id: number; idNumber: string }>(staff.clerk, 'person.create', {
    name: '张三',
    roles: ['普查员'],
    idNumber: ID,
    bankAccount: CARD,
    mobile: '13800138000',
  });

describe('masked for every role', () => {
  it('in create, get and list answers; 手机 stays readable', async () => {
    const created = await newPerson();
    expect(created).toMatchObject({ idNumber: MASKED_ID, bankAccount: '6222********7890' });
    for (const who of [staff.admin, staff.clerk, staff.viewer]) {
      expect(await call(who, 'person.get', { id: created.id })).toMatchObject({
        idNumber: MASKED_ID,
        bankAccount: '6222********7890',
        mobile: '13800138000',
      });
      const list = await call<{ rows: Record<string, unknown>[] }>(who, 'person.list', {});
      expect(list.rows[0]).toMatchObject({ idNumber: MASKED_ID, bankAccount: '6222********7890' });
    }
    expect(stored(created.id)).toEqual({ idNumber: ID, bankAccount: CARD, mobile: '13800138000' });
  });

  it('inside the audit log’s before/after', async () => {
    await newPerson();
    const log = await call<{ rows: { entity: string; after: Record<string, unknown> }[] }>(staff.admin, 'audit.list', {
      filters: { entity: 'person' },
    });
    expect(log.rows[0].after).toMatchObject({ idNumber: MASKED_ID, bankAccount: '6222********7890' });
    expect(JSON.stringify(log.rows)).not.toContain(ID);
  });

  it('by field name wherever it sits, including nested lines', () => {
    const out = maskSensitive({
      lines: [{ idNumber: ID, bankAccount: CARD, personIdNumber: ID, note: ID }],
      bankAccount: null,
    });
    expect(out).toEqual({
      lines: [{ idNumber: MASKED_ID, bankAccount: '6222********7890', personIdNumber: MASKED_ID, note: ID }],
      bankAccount: null,
    });
    expect(maskBankCard('12345678')).toBe('********');
    expect(maskBankCard('510012345678')).toBe('5100****5678');
  });
});

describe('masked values from a form', () => {
  it('are ignored on update: the stored numbers stay, the rest is saved', async () => {
    const created = await newPerson();
    const form = await call<Record<string, unknown>>(staff.clerk, 'person.get', { id: created.id });
    const { id, idNumber, bankAccount } = form;
    const saved = await call(staff.clerk, 'person.update', { id, idNumber, bankAccount, note: '改了备注' });
    expect(saved).toMatchObject({ note: '改了备注', idNumber: MASKED_ID });
    expect(stored(created.id)).toEqual({ idNumber: ID, bankAccount: CARD, mobile: '13800138000' });
    // A new full number is still saved.
    await call(staff.clerk, 'person.update', { id, bankAccount: '6222029999999999' });
    expect(stored(created.id)).toMatchObject({ idNumber: ID, bankAccount: '6222029999999999' });
  });

  it('are refused on create, naming the field, and nothing is written', async () => {
    const before = box.b.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    const e = await refusal(staff.clerk, 'person.create', { name: '李四', roles: ['普查员'], idNumber: MASKED_ID });
    expect(e).toMatchObject({
      code: 'MASKED_VALUE',
      message: '公民身份号码是隐藏了部分数字的显示值，不能保存，请输入完整号码',
      issues: [{ path: 'idNumber' }],
    });
    expect(box.b.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 });
    expect(box.b.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
  });
});

describe('revealing in full', () => {
  it('is for 管理员 by default, audited without the value', async () => {
    const p = await newPerson();
    const shown = await call(staff.admin, 'sensitive.reveal', { entity: 'person', id: p.id, field: 'idNumber' });
    expect(shown).toEqual({ entity: 'person', id: p.id, field: 'idNumber', value: ID });
    const last = box.b.db
      .prepare(
        'SELECT operator_name AS who, action, entity, entity_id AS id, after_json AS after FROM audit_log ORDER BY audit_log.id DESC LIMIT 1',
      )
      .get() as Record<string, unknown>;
    expect(last).toMatchObject({ who: 'admin', action: 'reveal', entity: 'person', id: p.id });
    expect(JSON.parse(String(last.after))).toEqual({ field: 'idNumber', label: '公民身份号码' });
    expect(String(last.after)).not.toContain(ID);
  });

  it('extends to 录入员 only when an admin allows it, never to 只读', async () => {
    const p = await newPerson();
    const input = { entity: 'person', id: p.id, field: 'bankAccount' };
    const before = box.b.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    expect((await refusal(staff.clerk, 'sensitive.reveal', input)).message).toBe(
      '当前角色（录入员）无权执行“查看完整敏感信息”：需要管理员权限',
    );
    expect(box.b.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
    const e = await refusal(staff.admin, 'safety.saveSettings', { revealRoles: ['管理员', '只读'] });
    expect(e.code).toBe('INVALID_INPUT');
    expect((await refusal(staff.admin, 'safety.saveSettings', { revealRoles: ['录入员'] })).message).toBe(
      '可查看完整敏感信息的角色：管理员始终可以查看完整敏感信息',
    );
    await call(staff.admin, 'safety.saveSettings', { revealRoles: ['管理员', '录入员'] });
    expect(await call(staff.clerk, 'sensitive.reveal', input)).toMatchObject({ value: CARD });
    expect((await refusal(staff.viewer, 'sensitive.reveal', input)).code).toBe('FORBIDDEN');
  });

  it('of a record that does not exist says so and audits nothing', async () => {
    const before = box.b.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    expect(
      (await refusal(staff.admin, 'sensitive.reveal', { entity: 'person', id: 99, field: 'idNumber' })).message,
    ).toBe('人员不存在（编号 99）');
    expect(box.b.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
  });
});

describe('audit log export', () => {
  const sheetText = (base64: string) => {
    const book = XLSX.read(Buffer.from(base64, 'base64'));
    return XLSX.utils.sheet_to_csv(book.Sheets[book.SheetNames[0]]);
  };

  it('is masked unless a 管理员 asks for it in full, filters, and is audited either way', async () => {
    await newPerson();
    await call(staff.clerk, 'township.create', { code: '511323100', name: '相如镇' });
    const masked = await call<{ base64: string; count: number; fileName: string }>(staff.admin, 'audit.export', {
      filters: { entity: 'person' },
    });
    expect(masked.count).toBe(1);
    expect(masked.fileName).toMatch(/^操作日志_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const text = sheetText(masked.base64);
    expect(text).toContain('操作日志校验：完好');
    expect(text).toContain('新增,人员');
    expect(text).not.toContain(ID);
    const full = await call<{ base64: string }>(staff.admin, 'audit.export', {
      filters: { entity: 'person' },
      full: true,
    });
    expect(sheetText(full.base64)).toContain(ID);
    const exports = box.b.db
      .prepare(`SELECT after_json AS a FROM audit_log WHERE action = 'export' AND entity = 'audit' ORDER BY id`)
      .all() as { a: string }[];
    expect(exports.map((e) => JSON.parse(e.a).full)).toEqual([false, true]);
    expect((await refusal(staff.clerk, 'audit.export', {})).code).toBe('FORBIDDEN');
  });
});

describe('over HTTP', () => {
  it('answers are masked (transports never ask for full values)', async () => {
    const { startHttpServer } = await import('../../backend/transports/http');
    const p = await newPerson();
    const server = await startHttpServer({ backend: box.b, staticDir: box.dir });
    try {
      const post = (method: string, body: unknown, session?: string) =>
        fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-CensusDesk-Token': server.token,
            ...(session ? { 'X-CensusDesk-Session': session } : {}),
          },
          body: JSON.stringify(body),
        });
      const session = (await post('session.login', { name: 'admin', password: 'secret123' })).headers.get(
        'X-CensusDesk-Session',
      )!;
      const text = await (await post('person.get', { id: p.id }, session)).text();
      expect(text).toContain(MASKED_ID);
      expect(text).not.toContain(ID);
    } finally {
      await server.close();
    }
  });
});
