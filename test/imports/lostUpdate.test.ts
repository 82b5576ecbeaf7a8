// No lost updates: a commit writes only what the clerk saw. A record changed by someone else since
// the preview refuses the commit (PREVIEW_STALE naming the sheet rows and the people), nothing is
// written, and a fresh preview shows the change before it can be overwritten. Also: the copy made
// before an import is never thinned away by the backup tiers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { makeId, sheet } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

const A = makeId('19800101', '123');
const B = makeId('19850505', '246');
const HEADER = ['姓名', '公民身份号码', '工作单位', '人员类别', '手机'];

async function seed() {
  const a = await b.ok('person.create', { name: '张三', idNumber: A, roles: ['普查员'], employer: '县统计局' });
  const c = await b.ok('person.create', { name: '李四', idNumber: B, roles: ['普查员'], employer: '县水务局' });
  return { a: a.id, c: c.id };
}

describe('a record changed by another operator after the preview', () => {
  it('refuses the commit naming the rows, writes nothing; a new preview shows the change and commits it', async () => {
    const ids = await seed();
    // The sheet still has the old 工作单位: the preview shows only 手机 changing.
    const bytes = sheet([
      HEADER,
      ['张三', A, '县统计局', '普查员', '13800000001'],
      ['李四', B, '县水务局', '普查员', '13800000002'],
    ]);
    const up = await upload(b, 'person', '花名册.xlsx', bytes);
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.rows.map((r) => r.changes.map((c) => c.label))).toEqual([['手机'], ['手机']]);

    // Another operator moves 张三 to another unit.
    await b.ok('person.update', { id: ids.a, employer: '县生态环境局' });
    const before = b.snapshot();
    const e = await b.err('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(e.code).toBe('PREVIEW_STALE');
    expect(e.message).toMatch(/第2行（张三，51132310001）：预览后“工作单位”已被修改/);
    expect(e.message).toMatch(/请重新预览/);
    expect(e.issues).toEqual([{ path: 'rows.2', message: expect.stringContaining('第2行（张三') }]);
    expect(b.snapshot()).toEqual(before);
    expect((await b.ok('person.get', { id: ids.a })).employer).toBe('县生态环境局');
    expect((await b.ok('person.get', { id: ids.a })).mobile).toBeNull();

    // Previewed again: the clerk now sees the sheet would put back the old unit, and confirms it.
    const again = await b.ok('import.preview', { importId: up.importId });
    expect(again.rows[0].changes.map((c) => [c.label, c.from, c.to])).toEqual([
      ['工作单位', '县生态环境局', '县统计局'],
      ['手机', null, '13800000001'],
    ]);
    expect((await b.ok('import.commit', { importId: up.importId, onExisting: 'update' })).updated).toBe(2);
    expect(await b.ok('person.get', { id: ids.a })).toMatchObject({ employer: '县统计局', mobile: '13800000001' });
  });

  it('keeps the other operator’s value when the sheet does not fill that cell', async () => {
    const ids = await seed();
    const bytes = sheet([HEADER, ['张三', A, null, '普查员', '13800000001']]);
    const up = await upload(b, 'person', '花名册.xlsx', bytes);
    await b.ok('import.preview', { importId: up.importId });
    await b.ok('person.update', { id: ids.a, employer: '县生态环境局' });
    // Nothing the row writes changed: the commit goes through and the new unit stays.
    expect((await b.ok('import.commit', { importId: up.importId, onExisting: 'update' })).updated).toBe(1);
    expect(await b.ok('person.get', { id: ids.a })).toMatchObject({ employer: '县生态环境局', mobile: '13800000001' });
  });

  it('a changed field the row also changes: refused, though the row would still be an update', async () => {
    const ids = await seed();
    const up = await upload(
      b,
      'person',
      '花名册.xlsx',
      sheet([HEADER, ['张三', A, '县统计局', '普查员', '13800000001']]),
    );
    await b.ok('import.preview', { importId: up.importId });
    await b.ok('person.update', { id: ids.a, mobile: '13900000009' });
    const e = await b.err('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(e.code).toBe('PREVIEW_STALE');
    expect(e.message).toMatch(/第2行（张三，51132310001）：预览后“手机”已被修改/);
    expect((await b.ok('person.get', { id: ids.a })).mobile).toBe('13900000009');
  });

  it('an agency: the same for every kind', async () => {
    const agency = await b.ok('agency.create', { name: '四川蜀清环境咨询有限公司', creditCode: '91350100M000100Y43' });
    const up = await upload(
      b,
      'agency',
      'agencies.xlsx',
      sheet([
        ['机构名称', '统一社会信用代码', '联系人', '电话'],
        ['四川蜀清环境咨询有限公司', '91350100M000100Y43', '赵经理', '0838-1234567'],
      ]),
    );
    await b.ok('import.preview', { importId: up.importId });
    await b.ok('agency.update', { id: agency.id, contactName: '钱经理' });
    const e = await b.err('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(e).toMatchObject({ code: 'PREVIEW_STALE', issues: [{ path: 'rows.2' }] });
    expect(e.message).toMatch(/第2行（四川蜀清环境咨询有限公司，91350100M000100Y43）：预览后“联系人”已被修改/);
    expect((await b.ok('agency.get', { id: agency.id })).contactName).toBe('钱经理');
  });
});

describe('the copy made before an import', () => {
  it('is kept like the one made before a restore: months of daily backups never prune it', async () => {
    const up = await upload(b, 'person', '花名册.xlsx', sheet([HEADER, ['张三', A, '县统计局', '普查员', null]]));
    await b.ok('import.preview', { importId: up.importId });
    await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    const [made] = (await b.ok('backup.list', { filters: { reason: '导入前' } })).rows;
    expect(made).toBeDefined();
    // A backup now and then (backup.now thins the folder each time), months later.
    const { writeBackup } = await import('../../backend/backups/write');
    const dataPath = join(b.dir, 'census.db');
    const backupDir = join(b.dir, 'backups');
    const start = Date.parse(made.createdAt);
    for (let d = 1; d < 40; d++) writeBackup(backupDir, dataPath, dataPath, '每日', new Date(start + d * 86_400_000));
    await b.ok('backup.now', {});
    expect(existsSync(made.path)).toBe(true);
    expect((await b.ok('backup.list', { filters: { reason: '导入前' } })).rows.map((r) => r.file)).toEqual([made.file]);
  }, 60_000);
});
