// Every record an import creates or updates has its own audit entry, for every kind: the record as
// entity/entityId, only what changed, `importHistoryId` naming the import (the entityId of its
// 'import' entry), and sensitive values masked when the log is read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { makeId, sheet } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend({ townships: false });
});
afterEach(() => b.dispose());

type Kind = Parameters<typeof upload>[1];
type Entry = { action: string; entity: string; entityId: number | null; before: unknown; after: unknown };

/** Commits a sheet and returns the import's result and the entries it wrote, oldest first. */
async function importEntries(kind: Kind, bytes: Buffer, trainingId?: number) {
  const before = (await b.ok('audit.list', { pageSize: 1 })).total;
  const up = await upload(b, kind, `${kind}.xlsx`, bytes, trainingId ? { trainingId } : {});
  await b.ok('import.preview', { importId: up.importId });
  const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update', acceptDuplicateFile: true });
  const all = (await b.ok('audit.list', { pageSize: 1000 })).rows as unknown as Entry[];
  const entries = all.slice(0, all.length - before).reverse();
  return { done, entries };
}

const linked = (entries: Entry[], historyId: number) =>
  entries.filter((e) => (e.after as Record<string, unknown> | null)?.importHistoryId === historyId);

describe('one entry per record, for every kind', () => {
  it('townships: created and updated ones, then the import entry last', async () => {
    await b.ok('township.create', { code: '511323100', name: '锦屏镇' });
    const { done, entries } = await importEntries(
      'township',
      sheet([
        ['乡镇（街道）代码', '乡镇（街道）名称'],
        ['511323100', '锦屏镇（新）'],
        ['511323101', '巨龙镇'],
      ]),
    );
    expect(done).toMatchObject({ created: 1, updated: 1 });
    expect(entries.map((e) => [e.action, e.entity])).toEqual([
      ['import.update', 'township'],
      ['import.create', 'township'],
      ['import', 'import'],
    ]);
    expect(entries[0]).toMatchObject({
      before: { name: '锦屏镇' },
      after: { name: '锦屏镇（新）', importHistoryId: done.historyId },
    });
    expect(entries[2].entityId).toBe(done.historyId);
  });

  it('a contract with its nodes: one entry for the contract and one per node', async () => {
    await b.ok('agency.create', { name: '四川蜀清环境咨询有限公司', creditCode: '91350100M000100Y43' });
    const { done, entries } = await importEntries(
      'contract',
      sheet([
        ['合同编号', '合同名称', '第三方机构', '采购方式', '服务内容', '合同金额', '履约节点', '计划完成日期'],
        ['PA-1', '清查', '四川蜀清环境咨询有限公司', '询价', '普查清查', 10000, '进场', '2018-06-30'],
        ['PA-1', null, null, null, null, null, '完成', '2018-09-30'],
      ]),
    );
    expect(done.created).toBe(3);
    expect(linked(entries, done.historyId).map((e) => [e.action, e.entity])).toEqual([
      ['import.create', 'contract'],
      ['import.create', 'contractNode'],
      ['import.create', 'contractNode'],
    ]);
  });

  it('budget items', async () => {
    const { done, entries } = await importEntries(
      'budgetItem',
      sheet([
        ['类别', '科目名称', '预算金额（万元）'],
        ['人员劳务', '普查员劳动报酬', 72],
      ]),
    );
    expect(done.updated + done.created).toBe(1);
    const mine = linked(entries, done.historyId);
    expect(mine).toHaveLength(1);
    expect(mine[0].action).toMatch(/^import\.(create|update)$/);
  });

  it('training attendance: each row saved, its person named, the ID masked', async () => {
    const training = await b.ok('training.create', {
      name: '清查培训',
      kind: '清查技术',
      hostLevel: '县',
      startDate: '2018-07-01',
      endDate: '2018-07-02',
    });
    const id = makeId('19800101', '123');
    await b.ok('person.create', { name: '张三', idNumber: id, roles: ['普查员'], bankAccount: '6228480000000000001' });
    const { done, entries } = await importEntries(
      'attendance',
      sheet([
        ['姓名', '身份证号', '签到', '成绩'],
        ['张三', id, '√', 86],
        ['王镇长', null, '√', null],
      ]),
      training.id,
    );
    expect(done.created).toBe(2);
    const mine = linked(entries, done.historyId);
    expect(mine).toHaveLength(2);
    expect(JSON.stringify(mine)).not.toContain(id);
  });
});
