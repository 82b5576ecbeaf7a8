// Issue 14 item 3: grids that take Excel, at the office laptop's 1366×768. A block is pasted the way
// Excel puts it on the clipboard (text/plain: cells split by tabs, rows ended by \r\n, numbers as
// shown, 1,200), by a paste event carrying a DataTransfer, into 进度调度表, 签到与考核, a pay run's
// lines and a city office's 下级县（区）. Each cell is read as if typed: a cell that cannot be read is
// marked on its own and the save waits for it; nothing is stored until 保存, and what is stored is
// read back through the API. Shift+click marks cells and Ctrl+C copies them out as the same text.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { saveRecoveryCode } from './recovery';
import { fill, OFFICE, overlaysGone, pageApi, pick } from './ui';
import { idCheckChar } from '../../core/validate/idNumber';

test.use({ viewport: { width: 1366, height: 768 } });

/** Pastes text into a cell as the browser does for Ctrl+V with that text on the clipboard. */
async function paste(cell: Locator, text: string): Promise<void> {
  await cell.focus();
  await cell.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** What Ctrl+C in the focused cell puts on the clipboard. */
async function copied(cell: Locator): Promise<string> {
  return cell.evaluate((el) => {
    const data = new DataTransfer();
    el.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
}

/**
 * The first-run wizard as ui.ts's firstRun, taking whatever steps stand between the office and its
 * 管理员 as offered (the county's townships step, issue 14 item 5, is being added meanwhile).
 */
async function firstRun(page: Page): Promise<void> {
  await expect(page.getByTestId('setup-wizard')).toBeVisible();
  for (const [field, value] of Object.entries(OFFICE)) await fill(page, `setup-office-${field}`, value);
  await toAdmin(page);
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

/** From the wizard's current step on to its 管理员 step (admin / census2018), its 保存恢复码, and in. */
async function toAdmin(page: Page): Promise<void> {
  const admin = page.locator('#setup-admin-name');
  const steps = page.locator('.ant-steps-item-active');
  while (!(await admin.isVisible())) {
    const step = await steps.textContent();
    await page.getByTestId('setup-next').click();
    await expect(admin.or(steps.filter({ hasNotText: step ?? '' })).first()).toBeVisible();
  }
  await fill(page, 'setup-admin-name', 'admin');
  await fill(page, 'setup-admin-password', 'census2018');
  await fill(page, 'setup-admin-confirm', 'census2018');
  await page.getByTestId('setup-next').click();
  await saveRecoveryCode(page);
}

const origin = (url: string) => new URL(url).origin;

function idNumber(seq: number): string {
  const body = `51132319800101${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

async function addPeople(page: Page, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, name] of names.entries()) {
    const p = await pageApi<{ id: number }>(page, 'person.create', {
      name,
      roles: ['普查员'],
      idNumber: idNumber(11 + 2 * i),
    });
    ids.push(p.id);
  }
  return ids;
}

interface TableRow {
  rowCode: string;
  displayName: string;
  computed: boolean;
  c1: number | null;
  c2: number | null;
  c3: number | null;
  c4: number | null;
  c8: number | null;
  c9: number | null;
  c10: number | null;
}

test('进度调度表: a 2×4 block lands in 2×4 cells, rates skipped, a bad cell marked, saved and read back', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page);
  const period = '2018-06';
  const before = await pageApi<{ rows: TableRow[] }>(page, 'progress.get', { period, townshipId: null });
  const [first, second] = before.rows.filter((r) => !r.computed);
  await page.goto(`${origin(server.url)}/#/progress?tab=figures&period=${period}`);
  const grid = page.getByTestId('figures-grid');
  await expect(grid).toBeVisible();
  const input = (row: TableRow, col: string) => grid.locator(`[data-cell="${row.rowCode}:${col}"] input`);
  const td = (row: TableRow, col: string) => grid.locator(`td[data-cell="${row.rowCode}:${col}"]`);

  await test.step('a 2×4 block from Excel, thousands separators and full-width digits as shown', async () => {
    await paste(input(first, 'c1'), '120\t100\t80\t60\r\n1,200\t１０００\t800\t600\r\n');
    await expect(input(first, 'c1')).toHaveValue('120');
    await expect(input(first, 'c4')).toHaveValue('60');
    await expect(input(second, 'c1')).toHaveValue('1200');
    await expect(input(second, 'c2')).toHaveValue('1000');
    await expect(input(second, 'c4')).toHaveValue('600');
    // Not in one cell, and nothing beyond the block.
    await expect(input(first, 'c5')).toHaveValue('');
    await expect(page.getByTestId('figures-status')).toHaveText('尚未填报');
  });

  await test.step('a block across column 9 (a rate) skips it; a cell that is no count is marked alone', async () => {
    await paste(input(first, 'c8'), '50\t99.9\t12 3\r\n');
    await expect(input(first, 'c8')).toHaveValue('50');
    await expect(input(first, 'c10')).toHaveValue('12 3');
    await expect(td(first, 'c10')).toHaveClass(/violation/);
    await expect(td(first, 'c10')).toHaveAttribute('title', /整数/);
    // Saving is refused while it stands, and nothing is stored.
    await page.keyboard.press('Control+s');
    await expect(page.getByText('有数字无法识别，请按红色提示修改')).toBeVisible();
    const still = await pageApi<{ status: string | null }>(page, 'progress.get', { period, townshipId: null });
    expect(still.status).toBeNull();
    await input(first, 'c10').fill('40');
    await expect(td(first, 'c10')).not.toHaveAttribute('title', /整数/);
  });

  await test.step('Shift+click marks a rectangle; Ctrl+C copies it as Excel’s text', async () => {
    await input(first, 'c1').click();
    await input(second, 'c2').click({ modifiers: ['Shift'] });
    await expect(grid.locator('[data-selected]')).toHaveCount(4);
    expect(await copied(input(first, 'c1'))).toBe('120\t100\r\n1200\t1000\r\n');
  });

  await test.step('saved by Ctrl+S and read back', async () => {
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('figures-status')).toHaveText('草稿');
    const saved = await pageApi<{ rows: TableRow[] }>(page, 'progress.get', { period, townshipId: null });
    const a = saved.rows.find((r) => r.rowCode === first.rowCode)!;
    const b = saved.rows.find((r) => r.rowCode === second.rowCode)!;
    expect([a.c1, a.c2, a.c3, a.c4, a.c8, a.c10]).toEqual([120, 100, 80, 60, 50, 40]);
    expect([b.c1, b.c2, b.c3, b.c4]).toEqual([1200, 1000, 800, 600]);
  });
});

interface Attendance {
  name: string;
  signedIn: boolean;
  score: number | null;
  passed: boolean | null;
  note: string | null;
}

test('签到与考核: a column of scores lands one per person, a score out of range is marked, saved and read back', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page);
  const people = await addPeople(page, ['张伟', '李娜', '王强']);
  const session = await pageApi<{ id: number }>(page, 'training.create', {
    name: '普查员入户调查培训班',
    kind: '入户调查技术规定',
    hostLevel: '县',
    startDate: '2018-07-10',
    endDate: '2018-07-11',
  });
  await pageApi(page, 'attendance.addPeople', { sessionId: session.id, personIds: people });
  await page.goto(`${origin(server.url)}/#/training/${session.id}`);
  const grid = page.getByTestId('attendance-grid');
  await expect(grid.getByLabel('王强成绩')).toBeVisible();
  const names = await grid.locator('[data-grid-col="name"]').allTextContents();
  expect(names).toHaveLength(3);
  const scoreOf = { 张伟: '88', 李娜: '1000', 王强: '95' } as Record<string, string>;
  const list = async () =>
    (
      await pageApi<{ rows: Attendance[] }>(page, 'attendance.list', {
        filters: { sessionId: session.id },
        pageSize: 100,
      })
    ).rows;

  await test.step('a column of scores and 是否合格, as copied from Excel', async () => {
    const block = names.map((n) => `${scoreOf[n]}\t${n === '王强' ? '不合格' : ''}\r\n`).join('');
    await paste(grid.getByLabel(`${names[0]}成绩`), block);
    for (const n of ['张伟', '王强']) await expect(grid.getByLabel(`${n}成绩`)).toHaveValue(scoreOf[n]);
    // The score signs the person in; a verdict pasted beside it overrules the pass mark.
    await expect(grid.getByLabel('张伟签到')).toBeChecked();
    await expect(grid.locator('[data-grid-col="passed"]').nth(names.indexOf('张伟'))).toContainText('合格');
    await expect(grid.locator('[data-grid-col="passed"]').nth(names.indexOf('王强'))).toContainText('不合格');
    // 1000 is out of range: marked on its own cell, the old value kept.
    const bad = grid.locator('[data-grid-col="score"]').nth(names.indexOf('李娜'));
    await expect(bad).toHaveClass(/grid-cell-error/);
    await expect(bad).toHaveAttribute('title', '成绩应在0到100之间');
    await expect(grid.getByLabel('李娜成绩')).toHaveValue('');
  });

  await test.step('nothing is saved before 保存, and the save waits for the marked cell', async () => {
    expect((await list()).every((r) => r.score === null)).toBe(true);
    await page.keyboard.press('Control+s');
    await expect(page.getByText('有粘贴的内容无法识别（红框），请改正后再保存')).toBeVisible();
    expect((await list()).every((r) => r.score === null)).toBe(true);
    await grid.getByLabel('李娜成绩').fill('79');
    await expect(grid.locator('.grid-cell-error')).toHaveCount(0);
  });

  await test.step('saved and read back', async () => {
    await page.getByTestId('attendance-save').click();
    await expect(page.getByText('已保存签到与考核')).toBeVisible();
    const rows = await list();
    const by = new Map(rows.map((r) => [r.name, r]));
    expect(by.get('张伟')).toMatchObject({ signedIn: true, score: 88, passed: true });
    expect(by.get('李娜')).toMatchObject({ signedIn: true, score: 79, passed: true });
    expect(by.get('王强')).toMatchObject({ signedIn: true, score: 95, passed: false });
  });

  await test.step('copied out as Excel’s text', async () => {
    await grid.getByLabel(`${names[0]}成绩`).click();
    await grid
      .locator('[data-grid-col="name"]')
      .nth(2)
      .click({ modifiers: ['Shift'] });
    // From 成绩 back to 姓名: 姓名, 类别, 签到 and 成绩, as the sheet shows them.
    const expected = names.map((n) => `${n}\t普查员\t√\t${n === '李娜' ? '79' : scoreOf[n]}\r\n`).join('');
    expect(await copied(grid.getByLabel(`${names[0]}成绩`))).toBe(expected);
  });
});

interface PayRun {
  id: number;
  title: string;
  lines: { personId: number; quantity: number; rate: number }[];
}

test('劳务报酬发放: pasted names, days and rates become lines, an unknown name is marked, saved and read back', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page);
  const [zhang, li, wang] = await addPeople(page, ['张伟', '李娜', '王强']);
  const items = await pageApi<{ rows: { id: number; name: string; isCategory: boolean }[] }>(page, 'budgetItem.list', {
    filters: { isCategory: false },
    pageSize: 100,
  });
  const item = items.rows[0];
  await page.goto(`${origin(server.url)}/#/budget?tab=payruns`);
  await page.getByRole('button', { name: '新增发放表' }).click();
  await page.locator('#payrun-period').fill('2018-07');
  await page.locator('#payrun-title').fill('7月普查员劳务报酬');
  await pick(page, 'payrun-budgetItemId', item.name, { search: item.name });
  await page.getByRole('button', { name: '添加人员' }).click();
  const lines = page.getByTestId('payrun-lines');
  const cell = (row: number, col: string) => lines.locator(`[data-grid-row="${row}"][data-grid-col="${col}"]`);

  await test.step('three rows pasted into the one empty line add two more', async () => {
    await paste(cell(0, 'personId').locator('input'), '张伟\t2\t150\r\n李娜\t1.5\t1,200\r\n赵六\t3\t200\r\n');
    await expect(lines.getByLabel('第3行天数/件数')).toHaveValue('3');
    await expect(cell(0, 'personId')).toContainText('张伟');
    await expect(cell(1, 'personId')).toContainText('李娜');
    await expect(cell(1, 'amount')).toHaveText('1,800.00');
    // Nobody on the roster is called 赵六: that cell is marked, the save waits.
    await expect(cell(2, 'personId')).toHaveAttribute('title', '花名册中没有「赵六」');
    await page.getByTestId('form-save').click();
    await expect(page.getByTestId('form-drawer')).toBeVisible();
    expect((await pageApi<{ total: number }>(page, 'payRun.list', {})).total).toBe(0);
  });

  await test.step('the name chosen by hand; saved and read back', async () => {
    const select = cell(2, 'personId').locator('input');
    await select.click();
    await select.fill('王强');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '王强' })
      .first()
      .click();
    await expect(cell(2, 'personId')).not.toHaveAttribute('title', /赵六/);
    await page.getByTestId('form-save').click();
    await overlaysGone(page);
    const runs = await pageApi<{ rows: { id: number }[] }>(page, 'payRun.list', {});
    expect(runs.rows).toHaveLength(1);
    const run = await pageApi<PayRun>(page, 'payRun.get', { id: runs.rows[0].id });
    expect(run.lines.map((l) => [l.personId, l.quantity, l.rate])).toEqual([
      [zhang, 2, 15_000],
      [li, 1.5, 120_000],
      [wang, 3, 20_000],
    ]);
  });
});

test('下级县（区）: names pasted down a column, rows past the last added and checked on save, read back', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByTestId('setup-wizard')).toBeVisible();
  await page.locator('#setup-office-level').getByText('市普查办', { exact: true }).click();
  await fill(page, 'setup-office-countyName', '南充市');
  await fill(page, 'setup-office-countyCode', '511300');
  await fill(page, 'setup-office-unitName', '南充市第二次全国污染源普查领导小组办公室');
  await page.getByTestId('setup-next').click();
  const units = page.getByTestId('setup-units');
  await expect(page.locator('#setup-code-8')).toHaveValue('511381');

  await test.step('a column of names, then two rows of code and name from the last row on', async () => {
    await paste(page.locator('#setup-name-0'), '顺庆区（城区）\r\n高坪区（新区）\r\n');
    await expect(page.locator('#setup-name-0')).toHaveValue('顺庆区（城区）');
    await expect(page.locator('#setup-name-1')).toHaveValue('高坪区（新区）');
    await expect(page.locator('#setup-code-1')).toHaveValue('511303');
    await paste(page.locator('#setup-code-8'), '511381\t阆中市\r\n511602\t广安区\r\n');
    await expect(units).toContainText('共 10 个');
    await expect(page.locator('#setup-name-9')).toHaveValue('广安区');
    // Checked as a typed row is, when saved: the wrong county is named by its row.
    await page.getByTestId('setup-next').click();
    await expect(page.getByText('第10行：县（区）代码511602不在本市（5113）之下（应以5113开头）')).toBeVisible();
    await units.getByRole('button', { name: '删除第10行' }).click();
    await expect(units).toContainText('共 9 个');
  });

  await test.step('saved with the office and read back', async () => {
    await toAdmin(page);
    await expect(page.getByTestId('city-home')).toBeVisible();
    const list = await pageApi<{ rows: { code: string; name: string }[] }>(page, 'unit.list', {});
    const byCode = new Map(list.rows.map((u) => [u.code, u.name]));
    expect(byCode.get('511302')).toBe('顺庆区（城区）');
    expect(byCode.get('511303')).toBe('高坪区（新区）');
    expect(byCode.get('511381')).toBe('阆中市');
    expect(byCode.has('511602')).toBe(false);
  });
});
