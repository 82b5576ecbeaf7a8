// 报表导出 on the demo county: the 合同跟踪表 and the 培训签到表 chosen with their pickers, downloaded
// and read back with exceljs; the 合同跟踪表's title changed in 系统设置 → 报表表头表尾 shows in the
// next export; 导出Excel beside 打印 on a session's and a contract's page; in the browser one 打印 button.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startServer, type RunningServer } from './server';
import { fill, nav, pick, shot } from './ui';
import { CONTRACT_NODES } from '../../core/reports/layouts/money';
import { SIGN_IN } from '../../core/reports/layouts/people';

const CONTRACT_NO = 'PAWP-2018-001';
const SESSION = '普查软件系统操作培训班';

let server: RunningServer;
// The demo county in a data file of its own (`serve --demo`), signed in as its 管理员.
test.beforeAll(async () => {
  server = await startServer({ extraArgs: ['--demo'] });
});
test.afterAll(async () => {
  await server?.stop();
});

async function titleCell(download: Download, sheetName: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheetName);
  expect(ws, `工作表「${sheetName}」`).toBeTruthy();
  return String(ws!.getCell('A1').value);
}

async function chooseReport(page: Page, label: string) {
  await page.getByTestId('report-choice').getByText(label, { exact: true }).click();
}

async function exportTracking(page: Page): Promise<Download> {
  await nav(page, 'reports');
  await chooseReport(page, '合同跟踪表');
  await pick(page, 'report-contract', CONTRACT_NO, { search: CONTRACT_NO });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
  return download;
}

test('export the 合同跟踪表 and the 培训签到表, with wording from the settings', async ({ page }) => {
  await page.goto(server.url);
  await fill(page, 'login-name', 'admin');
  await fill(page, 'login-password', 'demo1234');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();

  await test.step('合同跟踪表 needs a contract, then downloads with its title', async () => {
    await nav(page, 'reports');
    await chooseReport(page, '合同跟踪表');
    await page.getByTestId('report-export').click();
    await expect(page.getByTestId('report-error')).toContainText('请选择合同');
    await pick(page, 'report-contract', CONTRACT_NO, { search: CONTRACT_NO });
    await shot(page, 'reports-01-tracking-picker');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toBe(`蓬安县_合同跟踪表_${CONTRACT_NO}.xlsx`);
    expect(await titleCell(download, CONTRACT_NODES.sheetName)).toBe('第二次全国污染源普查第三方服务合同履约跟踪表');
  });

  await test.step('培训签到表 through the session picker', async () => {
    await chooseReport(page, '培训签到表');
    await page.getByTestId('report-export').click();
    await expect(page.getByTestId('report-error')).toContainText('请选择培训班');
    await pick(page, 'report-session', SESSION, { search: '系统操作' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toBe(`蓬安县_培训签到表_${SESSION}.xlsx`);
    expect(await titleCell(download, SIGN_IN.sheetName)).toBe(`${SESSION}签到表`);
  });

  await test.step('the 合同跟踪表 title edited in 报表表头表尾 shows in the next export', async () => {
    await nav(page, 'settings');
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('report-texts').getByText('合同跟踪表', { exact: true }).click();
    await fill(page, 'report-R5-tracking-title', '{合同编号}合同履约跟踪表');
    await shot(page, 'reports-02-tracking-wording');
    await page.getByTestId('report-R5-tracking-save').click();
    await expect(page.getByText('已保存')).toBeVisible();
    const download = await exportTracking(page);
    expect(await titleCell(download, CONTRACT_NODES.sheetName)).toBe(`${CONTRACT_NO}合同履约跟踪表`);
  });

  await test.step('R2 has a 表号 per sheet: set for 进度调度表 only, it shows on that sheet of a draft', async () => {
    await nav(page, 'settings');
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('report-texts').getByText('R2 工作进度月报', { exact: true }).click();
    await fill(page, 'report-R2-tableNoProgress', '川污普月2表');
    await shot(page, 'reports-03-monthly-table-numbers');
    // The previous step's 已保存 must be gone, so the one awaited below is this save's.
    await expect(page.getByText('已保存')).toHaveCount(0, { timeout: 10_000 });
    await page.getByTestId('report-R2-save').click();
    await expect(page.getByText('已保存')).toBeVisible();
    await nav(page, 'reports');
    await chooseReport(page, 'R2 工作进度月报');
    const month = page.getByPlaceholder('选择月份');
    await month.click();
    await month.fill('2018年10月');
    await month.press('Enter');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export-draft').click(),
    ]);
    expect(download.suggestedFilename()).toBe('蓬安县_工作进度月报_2018年10月_草稿.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const row2 = (name: string) => (wb.getWorksheet(name)!.getRow(2).values as unknown[]).filter(Boolean).join('|');
    expect(row2('进度调度表')).toContain('表　　号：川污普月2表');
    expect(row2('经费情况')).not.toContain('表　　号');
    expect(String(wb.getWorksheet('进度调度表')!.getCell('A1').value)).toMatch(/「草稿」$/);
  });

  await test.step('a session’s page: 导出Excel beside 打印签到表, one print button in the browser', async () => {
    await page.goto(`${new URL(server.url).origin}/#/training/6`);
    await expect(page.getByTestId('training-detail')).toBeVisible();
    await expect(page.getByTestId('print-signin')).toBeVisible();
    await expect(page.getByTestId('print-signin-pdf')).toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-signin').click()]);
    expect(download.suggestedFilename()).toBe(`蓬安县_培训签到表_${SESSION}.xlsx`);
  });

  await test.step('a contract’s page: 导出Excel beside 打印合同跟踪表, with the edited title', async () => {
    await page.goto(`${new URL(server.url).origin}/#/contracts/1`);
    await expect(page.getByTestId('contract-detail')).toContainText(CONTRACT_NO);
    await expect(page.getByTestId('print-tracking')).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-tracking').click()]);
    expect(download.suggestedFilename()).toBe(`蓬安县_合同跟踪表_${CONTRACT_NO}.xlsx`);
    expect(await titleCell(download, CONTRACT_NODES.sheetName)).toBe(`${CONTRACT_NO}合同履约跟踪表`);
  });
});
