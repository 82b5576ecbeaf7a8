// Every record an import writes has its own audit entry, linked to the import's entry: a person's
// history (audit.list filtered by the person) shows what a sheet changed, 银行卡号 included, masked
// like every other entry. Through dispatch with checkOutput, so each commit is also held to its
// declared count: one entry for the import plus one per record created or updated.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallCtx } from '../../backend/context';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { makeId, sheet } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

const clerk: CallCtx = { operator: { id: null, name: '录入员甲', role: '录入员' }, checkOutput: true };
const A = makeId('19800101', '123');
const B = makeId('19850505', '246');
const C = makeId('19900909', '357');
const HEADER = ['姓名', '公民身份号码', '工作单位', '人员类别', '银行卡号'];

async function call(ctx: CallCtx, method: string, input: unknown) {
  const r = await b.dispatch(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as Record<string, unknown>;
}

async function importAs(ctx: CallCtx, rows: unknown[][], name: string) {
  const up = await call(ctx, 'import.upload', {
    kind: 'person',
    fileName: name,
    contentBase64: sheet([HEADER, ...rows]).toString('base64'),
  });
  await call(ctx, 'import.preview', { importId: up.importId });
  return call(ctx, 'import.commit', { importId: up.importId, onExisting: 'update' });
}

// Read from the store: a lookup by a complete number through person.list is itself audited.
const personId = async (idNumber: string) =>
  (b.db.prepare('SELECT id FROM people WHERE id_number = ?').get(idNumber) as { id: number }).id;
const historyOf = async (entity: string, id: number, ctx: CallCtx = clerk) =>
  (await call(ctx, 'audit.list', { filters: { entity, entityId: id } })).rows as Record<string, unknown>[];
const admin: CallCtx = { operator: { id: null, name: '管理员', role: '管理员' }, checkOutput: true, unmasked: true };

describe("a person's history shows what an import changed", () => {
  beforeEach(async () => {
    await importAs(
      clerk,
      [
        ['张三', A, '县统计局', '普查员', '6228480000000000001'],
        ['李四', B, '县水务局', '普查员', null],
      ],
      '花名册.xlsx',
    );
  });

  it('a 银行卡号 changed by a 录入员 through a sheet: an import.update entry with the changed fields, masked', async () => {
    const done = await importAs(
      clerk,
      [
        ['张三', A, '县统计局', '普查员', '6228480000000000999'],
        ['李四', B, '县生态环境局', '普查员', null],
        ['王五', C, '县统计局', '普查指导员', null],
      ],
      '花名册-5月.xlsx',
    );
    expect(done).toMatchObject({ created: 1, updated: 2 });
    const history = await historyOf('person', await personId(A));
    expect(history.map((e) => e.action)).toEqual(['import.update', 'import.create']);
    expect(history[0]).toMatchObject({
      operatorName: '录入员甲',
      before: { bankAccount: '6228***********0001' },
      after: { bankAccount: '6228***********0999', importHistoryId: done.historyId },
    });
    // Only what changed: no other field, no stamps.
    expect(Object.keys(history[0].before as object)).toEqual(['bankAccount']);

    // 管理员 with the full view (in-process, unmasked) sees the numbers themselves.
    const full = await historyOf('person', await personId(A), admin);
    expect(full[0]).toMatchObject({
      before: { bankAccount: '6228480000000000001' },
      after: { bankAccount: '6228480000000000999' },
    });

    const other = await historyOf('person', await personId(B));
    expect(other[0]).toMatchObject({
      action: 'import.update',
      before: { employer: '县水务局' },
      after: { employer: '县生态环境局', importHistoryId: done.historyId },
    });
  });

  it("a new person's entry holds what was stored; each names the import, whose own entry comes last", async () => {
    const before = (await b.ok('audit.list', {})).total;
    const done = await importAs(clerk, [['王五', C, '县统计局', '普查指导员', '6228480000000000777']], '新增.xlsx');
    const id = await personId(C);
    const [created] = await historyOf('person', id);
    expect(created).toMatchObject({
      action: 'import.create',
      entityId: id,
      before: null,
      after: {
        name: '王五',
        idNumber: `${C.slice(0, 4)}**********${C.slice(-4)}`,
        bankAccount: '6228***********0777',
        roles: ['普查指导员'],
        employer: '县统计局',
        importHistoryId: done.historyId,
      },
    });
    const audit = await b.ok('audit.list', { pageSize: 2 });
    expect(audit.total).toBe(before + 2);
    expect(audit.rows[0]).toMatchObject({ action: 'import', entity: 'import', entityId: done.historyId });
    expect((await b.ok('audit.verify', {})).ok).toBe(true);
  });

  it('unchanged and skipped rows write no entry', async () => {
    const before = (await b.ok('audit.list', {})).total;
    const up = await upload(
      b,
      'person',
      'skip.xlsx',
      sheet([HEADER, ['张三', A, '县统计局', '普查员', null], ['李四', B, '县生态环境局', '普查员', null]]),
    );
    await b.ok('import.preview', { importId: up.importId });
    const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'skip' });
    expect(done).toMatchObject({ created: 0, updated: 0, unchanged: 1, skipped: 1 });
    expect((await b.ok('audit.list', {})).total).toBe(before + 1);
  });
});

describe('other kinds', () => {
  it('an agency updated by a sheet has an entry with its changed fields', async () => {
    const agency = await b.ok('agency.create', { name: '四川蜀清环境咨询有限公司', creditCode: '91350100M000100Y43' });
    const up = await upload(
      b,
      'agency',
      'agencies.xlsx',
      sheet([
        ['机构名称', '统一社会信用代码', '联系人'],
        ['四川蜀清环境咨询有限公司', '91350100M000100Y43', '赵经理'],
      ]),
    );
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.counts).toMatchObject({ update: 1 });
    const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    const [entry] = await historyOf('agency', agency.id);
    expect(entry).toMatchObject({
      action: 'import.update',
      after: { importHistoryId: done.historyId },
    });
    expect(Object.keys(entry.after as object).sort()).toEqual(['contactName', 'importHistoryId']);
  });
});
