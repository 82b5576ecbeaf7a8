// Issue 14's "Smaller" list, as a clerk meets it on the demo county at 1366×768: 操作日志 found by
// the Chinese on screen and naming its objects; a search typed long ago shown as a tag, cleared by
// 清除全部筛选 and dropped when a dashboard check opens the list; 添加参训人员 without the last
// 人员类别; progress rules that say values; 报告期 starting at 本期; an import preview that shows
// the date it will store, not Excel's serial number.
import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startServer, type RunningServer } from './server';
import { fill, listReady, nav, overlaysGone, pageApi, shot } from './ui';
import { idCheckChar } from '../../core/validate/idNumber';

test.use({ viewport: { width: 1366, height: 768 } });

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ extraArgs: ['--demo'] });
});
test.afterAll(async () => {
  await server?.stop();
});

async function login(page: Page) {
  await page.goto(server.url);
  await fill(page, 'login-name', 'admin');
  await fill(page, 'login-password', 'demo1234');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

const search = (page: Page) => page.getByRole('textbox', { name: '搜索' });
const total = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-total'));

test('the smaller things a clerk meets, fixed', async ({ page }) => {
  await login(page);

  await test.step('操作日志: 合同 finds the contract entries, each named by what it is', async () => {
    await nav(page, 'audit');
    await listReady(page, 'audit-list');
    await search(page).fill('合同');
    await expect(page.getByTestId('audit-list')).toHaveAttribute('data-shown-q', '合同');
    await listReady(page, 'audit-list');
    expect(await total(page, 'audit-list')).toBeGreaterThan(0);
    // The contracts by name (蓬安县…项目), not a bare 对象编号.
    await expect(
      page
        .getByTestId('audit-list')
        .getByRole('cell', { name: /普查.*项目$/ })
        .first(),
    ).toBeVisible();
    await expect(page.getByTestId('audit-list').getByRole('columnheader', { name: '对象编号' })).toHaveCount(0);
    await shot(page, 'smaller-audit');
  });

  await test.step('an old search shows as a tag, and 清除全部筛选 clears it', async () => {
    await nav(page, 'people');
    await listReady(page, 'people-list');
    const everyone = await total(page, 'people-list');
    await search(page).fill('不存在的人');
    await expect(page.getByTestId('people-list')).toHaveAttribute('data-shown-q', '不存在的人');
    await listReady(page, 'people-list');
    await expect(page.getByTestId('filter-tag-search')).toHaveText('搜索：不存在的人');
    await page.getByTestId('filter-clear-all').click();
    await expect(page.getByTestId('filter-tags')).toHaveCount(0);
    await expect(search(page)).toHaveValue('');
    await expect(page.getByTestId('people-list')).toHaveAttribute('data-shown-q', '');
    await listReady(page, 'people-list');
    expect(await total(page, 'people-list')).toBe(everyone);
  });

  await test.step('a dashboard check opens the list with its own filters, not the old search', async () => {
    await search(page).fill('不存在的人');
    await expect(page.getByTestId('people-list')).toHaveAttribute('data-shown-q', '不存在的人');
    const check = await pageApi<{ checks: { id: string; count: number }[] }>(page, 'dashboard.checks', {});
    const count = check.checks.find((c) => c.id === 'enumeratorsWithoutSupervisor')!.count;
    expect(count).toBeGreaterThan(0);
    await nav(page, 'dashboard');
    await page.getByTestId('check-link-enumeratorsWithoutSupervisor').click();
    await expect(page.getByTestId('people-list')).toHaveAttribute('data-shown-q', '');
    await listReady(page, 'people-list');
    expect(await total(page, 'people-list')).toBe(count);
    await expect(search(page)).toHaveValue('');
    await expect(page.getByTestId('filter-tag-search')).toHaveCount(0);
    await expect(page.getByTestId('filter-tag-hasSupervisor')).toHaveText('未指定普查指导员');
    await shot(page, 'smaller-check-link');
  });

  await test.step('添加参训人员 starts without the last 人员类别 and says whom it lists', async () => {
    const sessions = await pageApi<{ rows: { id: number }[] }>(page, 'training.list', {});
    await page.goto(`${new URL(server.url).origin}/#/training/${sessions.rows[0].id}`);
    await expect(page.getByTestId('training-detail')).toBeVisible();
    await page.getByTestId('attendance-enrol').click();
    const dialog = page.getByRole('dialog', { name: '添加参训人员' });
    await expect(page.getByTestId('enrol-scope')).toHaveText('只列出在岗人员；已离岗的人员不能添加。');
    const role = dialog.locator('.ant-select').first();
    await role.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '普查指导员' }).click();
    await expect(page.getByTestId('enrol-scope')).toContainText(
      '只列出在岗的普查指导员；找不到某人时，请清除上面的“人员类别”',
    );
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await overlaysGone(page);
    await page.getByTestId('attendance-enrol').click();
    await expect(page.getByTestId('enrol-scope')).toHaveText('只列出在岗人员；已离岗的人员不能添加。');
    await expect(dialog.locator('.ant-select').first()).toContainText('全部类别');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await overlaysGone(page);
  });

  await test.step('a broken progress rule names the row and says the values', async () => {
    const periods = await pageApi<{ period: string; townshipId: number | null; status: string }[]>(
      page,
      'progress.periods',
      {},
    );
    const draft = periods.find((p) => p.townshipId === null && p.status === '草稿');
    expect(draft, '示例数据应有一期草稿').toBeDefined();
    await page.goto(`${new URL(server.url).origin}/#/progress?tab=figures&period=${draft!.period}`);
    const grid = page.getByTestId('figures-grid');
    await expect(grid).toBeVisible();
    const due = grid.getByLabel('规模化畜禽养殖场 入户应查数', { exact: true });
    const visited = grid.getByLabel('规模化畜禽养殖场 已入户数', { exact: true });
    const limit = Number(await due.inputValue());
    await visited.fill(String(limit + 5));
    await expect(page.getByTestId('rule-list')).toContainText(
      `第03行（规模化畜禽养殖场）：已入户数 ${limit + 5} 不能大于入户应查数 ${limit}`,
    );
  });

  await test.step('报告期 starts at 本期', async () => {
    await nav(page, 'reports');
    // Leaving the changed progress table asks first; the change is not kept.
    await page.getByRole('button', { name: '放弃修改' }).click();
    await page.getByTestId('report-choice').getByText('R2 工作进度月报', { exact: true }).click();
    const expected = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}年${String(d.getMonth() + 1).padStart(2, '0')}月`;
    });
    await expect(page.getByTestId('report-period')).toHaveValue(expected);
    await expect(page.getByTestId('submission-status')).not.toContainText('请先选择报告期');
  });

  await test.step('the import preview shows the date it will store, not Excel’s 43164', async () => {
    const body = '51132319850101123';
    const id = body + idCheckChar(body);
    const sheet = XLSX.utils.aoa_to_sheet([
      ['姓名', '性别', '公民身份号码', '人员类别', '聘用开始日期'],
      ['预览日期', '男', id, '普查员', 43164],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '花名册');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    await nav(page, 'people');
    await page.getByTestId('people-import').click();
    await expect(page.getByTestId('import-page')).toBeVisible();
    await page.getByTestId('import-file').setInputFiles({
      name: '新增人员.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
    const rows = page.getByTestId('import-rows');
    await expect(rows).toHaveAttribute('data-total', '1');
    await expect(rows.locator('tbody')).toContainText('2018-03-05');
    await expect(rows.locator('tbody')).not.toContainText('43164');
    await expect(rows.locator('td[title="文件中为：43164"]')).toHaveText('2018-03-05');
    await shot(page, 'smaller-import-preview');
  });
});
