// Issue 14: budget entry at the office laptop's 1366×768. A built-in line (all at 0.00, no figures)
// edited by typing 单价 and 数量 only saves their product as its amount; a category without items
// (培训费) is offered as the line of an expenditure and takes it. Both read back through the API.
import { test, expect } from './fixtures';
import { OFFICE, date, fill, firstRun, listReady, nav, pageApi, pick, saveForm } from './ui';

test.use({ viewport: { width: 1366, height: 768 } });

interface Item {
  id: number;
  name: string;
  amount: number;
  unitPrice: number | null;
  quantity: number | null;
  spent: number;
}

const itemNamed = async (page: Parameters<typeof pageApi>[0], name: string) => {
  const list = await pageApi<{ rows: Item[] }>(page, 'budgetItem.list', { q: name, pageSize: 100 });
  const found = list.rows.find((r) => r.name === name);
  if (!found) throw new Error(`no budget item named ${name}`);
  return found;
};

test('a built-in line takes its amount from 单价 × 数量; 培训费 without items takes an expenditure', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  await nav(page, 'budget');
  const tree = page.getByTestId('budget-tree');
  await expect(tree).toBeVisible();

  const before = await itemNamed(page, '交通补助');
  expect(before).toMatchObject({ amount: 0, unitPrice: null, quantity: null });
  // The tree opens with its categories folded: unfold 补助 as the clerk does.
  await tree.locator('tr', { hasText: '补助' }).first().locator('.ant-table-row-expand-icon').click();
  await tree.locator('tr', { hasText: '交通补助' }).first().click();
  await expect(page.locator('#budgetItem-unitPrice')).toBeVisible();
  // No amount yet: the field is empty (留空则按单价×数量×次数/天数计算), not 0.00.
  await expect(page.locator('#budgetItem-amount')).toHaveValue('');
  await fill(page, 'budgetItem-unitPrice', '50');
  await fill(page, 'budgetItem-quantity', '120');
  await saveForm(page);
  const after = await itemNamed(page, '交通补助');
  expect(after).toMatchObject({ unitPrice: 5000, quantity: 120, amount: 600_000 });
  await expect(tree.locator('tr', { hasText: '交通补助' }).first()).toContainText('6,000.00');

  await page.getByRole('tab', { name: '支出' }).click();
  await listReady(page, 'expenditure-list');
  await page.getByTestId('expenditure-new').click();
  await pick(page, 'expenditure-budgetItemId', '培训费', { search: '培训' });
  await date(page, 'expenditure-date', '2018-07-12');
  await fill(page, 'expenditure-amount', '800');
  await fill(page, 'expenditure-summary', '培训场地及资料');
  await saveForm(page);
  const training = await itemNamed(page, '培训费');
  expect(training.spent).toBe(80_000);
  const spent = await pageApi<{ rows: { budgetItemId: number; amount: number; summary: string }[] }>(
    page,
    'expenditure.list',
    { filters: { budgetItemId: training.id } },
  );
  expect(spent.rows).toMatchObject([{ budgetItemId: training.id, amount: 80_000, summary: '培训场地及资料' }]);
});
