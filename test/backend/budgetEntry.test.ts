// Budget entry as the edit form sends it (issue #14): every field comes back, the stored amount included,
// so an amount that was never typed must still follow new 单价 × 数量; categories without items take money.
import { describe, expect, it } from 'vitest';
import { tempBackendEachTest } from '../helpers/eachTest';
import { itemNamed, setOffice } from './budgetFixtures';

const b = tempBackendEachTest((fresh) => setOffice(fresh.db));

/** What the edit form sends: every field of the record, empty ones as null. */
async function formSave(id: number, changes: Record<string, unknown>) {
  const r = await b.ok('budgetItem.get', { id });
  const fields = ['parentId', 'name', 'year', 'fundingLevel', 'approvalNo', 'basis', 'unitPrice', 'quantity'] as const;
  const rest = ['unit', 'times', 'amount', 'sortOrder', 'note'] as const;
  const sent = Object.fromEntries([...fields, ...rest].map((k) => [k, (r as Record<string, unknown>)[k] ?? null]));
  return b.ok('budgetItem.update', { ...sent, ...changes, id } as never);
}

describe('budget item amounts as the form sends them', () => {
  it('a built-in line at 0 follows 单价 × 数量 typed alone, and later figures while the amount is their basis', async () => {
    const line = await itemNamed(b, '交通补助');
    expect(line).toMatchObject({ amount: 0, unitPrice: null, quantity: null });
    const first = await formSave(line.id, { unitPrice: 5000, quantity: 120 });
    expect(first.amount).toBe(600_000);
    const more = await formSave(line.id, { quantity: 150, times: 2 });
    expect(more.amount).toBe(1_500_000);
  });

  it('keeps an amount the clerk typed, and a 0 kept while the figures stay as they are', async () => {
    const line = await itemNamed(b, '通讯补助');
    const typed = await formSave(line.id, { unitPrice: 5000, quantity: 120, amount: 550_000 });
    expect(typed.amount).toBe(550_000);
    // Not the basis of the earlier figures: typed, so it stays when the figures change.
    expect((await formSave(line.id, { quantity: 200 })).amount).toBe(550_000);
    // A typed 0 beside unchanged figures stays 0.
    expect((await formSave(line.id, { amount: 0 })).amount).toBe(0);
    // Cleared: from the figures again.
    expect((await formSave(line.id, { amount: null })).amount).toBe(1_000_000);
  });

  it('keeps a typed amount on a line without figures when only the note changes', async () => {
    const line = await itemNamed(b, '误餐补助');
    expect((await formSave(line.id, { amount: 300_000 })).amount).toBe(300_000);
    expect((await formSave(line.id, { note: '按实结算' })).amount).toBe(300_000);
  });
});

describe('categories without items', () => {
  it('are listed as bookable and take allocations and expenditures; categories with items are not', async () => {
    const bookable = await b.ok('budgetItem.list', { filters: { bookable: true }, pageSize: 100 });
    const names = bookable.rows.map((r) => r.name);
    expect(names).toContain('培训费');
    expect(names).toContain('交通补助');
    expect(names).not.toContain('人员劳务');
    // The 9 items and the 10 categories without items.
    expect(bookable.total).toBe(19);
    const training = await itemNamed(b, '培训费');
    await b.ok('allocation.create', { budgetItemId: training.id, date: '2018-04-01', amount: 2_000_000 });
    const spent = await b.ok('expenditure.create', {
      budgetItemId: training.id,
      date: '2018-04-02',
      amount: 800_000,
      summary: '培训场地',
    });
    expect(spent.budgetItemId).toBe(training.id);
    expect(await b.ok('budgetItem.get', { id: training.id })).toMatchObject({ allocated: 2_000_000, spent: 800_000 });
  });
});
