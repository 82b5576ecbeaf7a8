// 完整敏感信息 as a 管理员 (issue 12): R1 exported with full 公民身份号码 and 手机 after a confirmation
// that names the columns and the 操作日志; R6 from its pay run with full 银行卡号 for the bank; both
// exports in the 操作日志. The option is the one FullSensitiveOption renders.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startServer, type RunningServer } from './server';
import { fill, nav, shot } from './ui';
import { PAY_SHEET, ROSTER } from '../../core/reports/layouts/people';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ extraArgs: ['--demo'] });
});
test.afterAll(async () => {
  await server?.stop();
});

/** The body cells of one column (the rows numbered in 序号), as text. */
async function column(download: Download, sheetName: string, key: string, headerRows = 3): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheetName)!;
  const layout = sheetName === ROSTER.sheetName ? ROSTER : PAY_SHEET;
  const col = layout.columns.findIndex((c) => c.key === key) + 1;
  const out: string[] = [];
  ws.eachRow((row, r) => {
    const v = row.getCell(col).value;
    // 说明 and the signature line are merged across the sheet: exceljs gives every cell their text.
    if (r > headerRows && typeof row.getCell(1).value === 'number' && typeof v === 'string') out.push(v);
  });
  return out;
}

async function askFull(page: Page, columns: string) {
  await page.getByTestId('full-sensitive').click();
  const dialog = page.getByTestId('full-sensitive-confirm');
  await expect(dialog).toContainText(`将包含每个人完整的${columns}`);
  await expect(dialog).toContainText('记入操作日志');
  await shot(page, `full-sensitive-${columns.length}`);
  await page.getByRole('button', { name: /^确认.*完整信息$/ }).click();
  await expect(page.getByTestId('full-sensitive')).toBeChecked();
}

test('a 管理员 exports R1 and R6 with full numbers, confirmed and in the 操作日志', async ({ page }) => {
  await page.goto(server.url);
  await fill(page, 'login-name', 'admin');
  await fill(page, 'login-password', 'demo1234');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();

  await test.step('R1: the option, its confirmation, and a file with full 公民身份号码 and 手机', async () => {
    await nav(page, 'reports');
    await page.getByTestId('report-choice').getByText('R1 普查人员花名册', { exact: true }).click();
    await askFull(page, '公民身份号码、手机');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    const ids = await column(download, ROSTER.sheetName, 'idNumber');
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.every((v) => /^\d{17}[\dX]$/.test(v))).toBe(true);
    const mobiles = await column(download, ROSTER.sheetName, 'mobile');
    expect(mobiles.length).toBeGreaterThan(100);
    expect(mobiles.some((v) => v.includes('*'))).toBe(false);
  });

  await test.step('R6 from its pay run: full 银行卡号 for the bank', async () => {
    await nav(page, 'budget');
    await page.getByTestId('tab-payruns').click();
    await page.getByTestId('payrun-list').getByRole('row').filter({ hasText: '普查员劳动报酬' }).first().click();
    await askFull(page, '公民身份号码、银行卡号');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-paysheet').click()]);
    const cards = await column(download, PAY_SHEET.sheetName, 'bankAccount');
    expect(cards.length).toBe(60);
    expect(cards.some((v) => v.includes('*'))).toBe(false);
  });

  await test.step('both exports are in the 操作日志', async () => {
    await page.keyboard.press('Escape');
    await nav(page, 'audit');
    await expect(page.getByTestId('audit-list').getByText('导出完整敏感信息')).toHaveCount(2);
  });
});
