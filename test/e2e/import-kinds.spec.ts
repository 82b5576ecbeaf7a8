// Importing kinds other than the roster through the UI: villages from a workbook whose data sits
// on its second sheet under a title (the sheet is chosen for the clerk, switched by hand and back,
// the header rows named by hand and detected again), with one refused row; then agencies from the
// 第三方机构 tab, and the same agency file again (warned, nothing new); last, the attendance of a
// training session from the session's page.
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { creditCodeCheckChar } from '../../core/validate/creditCode';
import { idCheckChar } from '../../core/validate/idNumber';
import { test, expect } from './fixtures';
import { addTownship } from './entry';
import { startServer, type RunningServer } from './server';
import { firstRun, listReady, nav, pageApi, shot } from './ui';

const openDropdown = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
const credit = (first17: string) => first17 + creditCodeCheckChar(first17);

let server: RunningServer;
// A fresh data file of its own, started once for the file.
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function workbook(sheets: { name: string; rows: (string | number | null)[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Chooses an option of an antd select given its test id, and waits for the check it starts. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(openDropdown).locator('.ant-select-item-option', { hasText: text }).first().click();
  await expect(page.locator(openDropdown)).toHaveCount(0);
  await expect(page.getByTestId('import-busy')).toHaveCount(0);
}

const api = pageApi;

async function setUp(page: Page): Promise<void> {
  await page.goto(server.url);
  const office = {
    countyName: '蓬安县',
    countyCode: '511323',
    cityName: '南充市',
    cityCode: '5113',
    unitName: '蓬安县污普办',
  };
  await firstRun(page, office);
}

test('villages from the second sheet, then agencies, through the import screens', async ({ page }) => {
  await setUp(page);
  const villages = await workbook([
    {
      name: '汇总',
      rows: [
        ['乡镇', '村（社区）名称', '户数'],
        ['锦屏镇', '合计', 120],
      ],
    },
    {
      name: '村名单',
      rows: [
        ['蓬安县村（社区）名单'],
        ['村（居）代码', '村（社区）名称', '所属乡镇（街道）'],
        ['511323100201', '白马村', '锦屏镇'],
        ['511323100202', '青龙村', '锦屏镇'],
        ['5113231', '短码村', '锦屏镇'],
        ['511323100203', '石梁社区', '锦屏镇'],
      ],
    },
  ]);

  await test.step('a township, then 导入 on the villages tab shows the columns expected', async () => {
    await nav(page, 'regions');
    await addTownship(page, '511323100', '锦屏镇');
    await listReady(page, 'township-list');
    await expect(page.getByTestId('list-count')).toHaveText('共 1 个');
    await page.getByTestId('tab-villages').click();
    await page.getByTestId('village-import').click();
    await expect(page.getByTestId('import-page')).toHaveAttribute('data-kind', 'village');
    await expect(page.getByTestId('expected-code')).toHaveText('*村（居）代码');
    await expect(page.getByTestId('expected-name')).toHaveText('*村（社区）名称');
  });

  await test.step('the sheet with the data is chosen, though it is the second one', async () => {
    await page.getByTestId('import-file').setInputFiles({
      name: '村名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: villages,
    });
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-new', '3');
    await expect(page.getByTestId('import-sheet')).toContainText('村名单');
    await expect(page.getByTestId('import-data-rows')).toContainText('第 2 行（自动识别）');
    await shot(page, 'import-kinds-01-villages');
  });

  await test.step('another sheet by hand: a required column is missing, nothing can be imported; back again', async () => {
    await choose(page, 'import-sheet', '汇总');
    await expect(page.getByTestId('import-sheet')).toContainText('汇总');
    await expect(page.getByTestId('import-problems')).toContainText('缺少“村（居）代码”列');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await choose(page, 'import-sheet', '村名单');
    await expect(page.getByTestId('import-problems')).toHaveCount(0);
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-new', '3');
  });

  await test.step('header rows named by hand (the title row), then detected again', async () => {
    await page.getByLabel('表头首行').fill('1');
    await page.getByLabel('表头末行').fill('1');
    await page.getByTestId('import-header-apply').click();
    await expect(page.getByTestId('import-busy')).toHaveCount(0);
    await expect(page.getByTestId('import-data-rows')).toContainText('第 1 行（手工指定）');
    await expect(page.getByTestId('import-problems')).toBeVisible();
    await page.getByLabel('表头末行').fill('3');
    await expect(page.getByTestId('import-header-problem')).toHaveCount(0);
    await page.getByTestId('import-header-apply').click();
    await expect(page.getByTestId('import-error')).toHaveAttribute('data-code', 'BAD_HEADER_ROWS');
    await expect(page.getByTestId('import-error')).toContainText('表头最多两行');
    await page.getByTestId('import-header-auto').click();
    await expect(page.getByTestId('import-busy')).toHaveCount(0);
    await expect(page.getByTestId('import-data-rows')).toContainText('第 2 行（自动识别）');
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-errors', '1');
  });

  await test.step('the refused row: its sheet row, column and reason', async () => {
    const errors = page.getByTestId('import-errors');
    await expect(errors.locator('tbody tr')).toHaveCount(1);
    const cells = errors.locator('tbody tr').first().locator('td');
    await expect(cells.nth(0)).toHaveText('5');
    await expect(cells.nth(1)).toContainText('A');
    await expect(cells.nth(2)).toContainText('村（居）代码');
    await page.getByTestId('import-show').getByText('有错误 1').click();
    await expect(page.getByTestId('import-rows')).toHaveAttribute('data-total', '1');
    await expect(page.getByTestId('import-rows').locator('tbody')).toContainText('短码村');
    await page.getByTestId('import-rows').scrollIntoViewIfNeeded();
    await shot(page, 'import-kinds-02-rows');
  });

  await test.step('commit, and the villages are in their list', async () => {
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-created', '3');
    await shot(page, 'import-kinds-03-villages-done');
    await page.getByTestId('import-view-list').click();
    await listReady(page, 'village-list');
    await expect(page.getByTestId('list-count')).toHaveText('共 3 个');
    await expect(page.getByTestId('village-list')).toContainText('石梁社区');
  });

  const agencies = await workbook([
    {
      name: '机构',
      rows: [
        ['单位名称', '统一社会信用代码', '联系人', '联系电话'],
        ['四川环科检测有限公司', credit('91511300MA62A1B2C'), '王明', '0817-2223334'],
        ['南充绿源环保科技有限公司', credit('91511302MA63C4D5E'), '赵丽', '13990001111'],
      ],
    },
  ]);

  await test.step('agencies from the 第三方机构 tab', async () => {
    await nav(page, 'contracts');
    await page.getByTestId('tab-agencies').click();
    await page.getByTestId('agency-import').click();
    await expect(page.getByTestId('import-page')).toHaveAttribute('data-kind', 'agency');
    await page.getByTestId('import-file').setInputFiles({
      name: '机构.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: agencies,
    });
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-new', '2');
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-errors', '0');
    await expect(page.getByTestId('import-mapping-source')).toHaveAttribute('data-source', 'guess');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-created', '2');
    await page.getByTestId('import-view-list').click();
    await listReady(page, 'agency-list');
    await expect(page.getByTestId('list-count')).toHaveText('共 2 家');
    await expect(page.getByTestId('agency-list')).toContainText('南充绿源环保科技有限公司');
  });

  await test.step('the same agency file again: warned, every row unchanged, nothing to import', async () => {
    await page.getByTestId('agency-import').click();
    await page.getByTestId('import-file').setInputFiles({
      name: '机构.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: agencies,
    });
    await expect(page.getByTestId('import-duplicate')).toContainText('已经导入过 1 次');
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-unchanged', '2');
    await expect(page.getByTestId('import-mapping-source')).toHaveAttribute('data-source', 'remembered');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expect(page.getByTestId('import-nothing')).toBeVisible();
  });

  await test.step('attendance of a training session, from the session page', async () => {
    const body = '51132319800101123';
    const idNumber = body + idCheckChar(body);
    await api(page, 'person.create', { name: '张三', idNumber, roles: ['普查员'] });
    const session = await api<{ id: number }>(page, 'training.create', {
      name: '清查培训',
      kind: '清查技术',
      hostLevel: '县',
      startDate: '2018-07-01',
      endDate: '2018-07-02',
    });
    await page.evaluate((id) => (location.hash = `#/training/${id}`), session.id);
    await expect(page.getByTestId('training-detail')).toBeVisible();
    await page.getByTestId('attendance-import').click();
    await expect(page.getByTestId('import-page')).toHaveAttribute('data-kind', 'attendance');
    await expect(page.locator('.page-title')).toHaveText('导入签到与考核：清查培训');
    const sheet = await workbook([
      {
        name: '签到表',
        rows: [
          ['清查培训签到表'],
          ['姓名', '身份证号', '工作单位', '签到'],
          ['张三', idNumber, null, '√'],
          ['王镇长', null, '锦屏镇人民政府', '√'],
        ],
      },
    ]);
    await page.getByTestId('import-file').setInputFiles({
      name: '签到表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: sheet,
    });
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-new', '2');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-created', '2');
    await page.getByTestId('import-view-list').click();
    await expect(page.getByTestId('training-detail')).toBeVisible();
    await expect(page.getByTestId('training-detail')).toContainText('王镇长');
    await expect(page.getByTestId('training-detail')).toContainText('张三');
  });
});
