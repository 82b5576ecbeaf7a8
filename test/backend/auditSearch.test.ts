// 操作日志 as the clerk reads it (issue 14): the search matches the Chinese words on screen (「合同」,
// 「删除」, a person's name), not only the English codes, and each entry names its object.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBackend } from '../helpers/backend';
import { demoBackend } from '../reports/helpers';
import { actionLabel, entityLabel, objectText } from '../../core/auditLabels';

let b: TestBackend;
beforeAll(async () => {
  b = await demoBackend(new Date('2026-11-30T09:00:00'));
}, 120_000);
afterAll(() => b.dispose());

const search = (q: string, filters: Record<string, unknown> = {}) =>
  b.ok('audit.list', { q, filters, pageSize: 500 } as never);

describe('audit.list search', () => {
  it('finds by 合同 every contract entry the code finds, and only entries that show 合同', async () => {
    const byCode = await search('contract');
    const byWord = await search('合同');
    const contracts = byCode.rows.filter((r) => r.entity === 'contract');
    expect(contracts.length).toBeGreaterThan(0);
    const found = new Set(byWord.rows.map((r) => r.id));
    for (const r of contracts) expect(found.has(r.id)).toBe(true);
    // Each row found shows 合同 in a column of the list: 对象类别, 操作 or 对象.
    for (const r of byWord.rows)
      expect([entityLabel(r.entity), actionLabel(r.action), objectText(r)].join(' '), String(r.id)).toContain('合同');
  });

  it('finds entries by the action word and by the object’s name', async () => {
    const posted = await search('发放入账');
    expect(posted.total).toBeGreaterThan(0);
    expect(posted.rows.every((r) => r.action === 'post')).toBe(true);

    const person = (await b.ok('person.list', { pageSize: 1 } as never)).rows[0] as { id: number; name: string };
    const byName = await search(person.name, { entity: 'person' });
    expect(byName.rows.some((r) => r.entityId === person.id)).toBe(true);
    expect(byName.rows.every((r) => r.objectName?.includes(person.name))).toBe(true);
  });

  it('names each entry’s object, not only its number', async () => {
    const nodes = await b.ok('audit.list', { filters: { entity: 'contractNode' }, pageSize: 5 } as never);
    expect(nodes.rows.length).toBeGreaterThan(0);
    for (const r of nodes.rows) expect(r.objectName).toBeTruthy();
    const people = await b.ok('audit.list', { filters: { entity: 'person' }, pageSize: 5 } as never);
    for (const r of people.rows) expect(r.objectName).toMatch(/\S/);
  });

  it('still treats % and _ as plain characters', async () => {
    expect((await search('%')).total).toBe(0);
  });
});
