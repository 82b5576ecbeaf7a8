// Issue #12 end to end, on the demo county: a period's progress table with a rule broken is
// exported as a draft (sending it is refused, with the reason); the rule is fixed, the table marked
// 已上报 and v1 sent; a figure is corrected and v2 sent with its reason; then v1's file, one cell
// edited (exceljs, as a clerk in Excel would), is checked in 报表导出 → 核对报表, which names the
// changed cells by address, prints, and finds nothing wrong in v2 as sent.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startServer, type RunningServer } from './server';
import { fill, nav, shot } from './ui';

let server: RunningServer;
let dir: string;
test.beforeAll(async () => {
  server = await startServer({ extraArgs: ['--demo'] });
  dir = mkdtempSync(join(tmpdir(), 'submission-e2e-'));
});
test.afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A month well before the demo's progress data (its last three months), long ended. */
const now = new Date();
const back = new Date(now.getFullYear() - 1, now.getMonth(), 1);
const PERIOD = `${back.getFullYear()}-${String(back.getMonth() + 1).padStart(2, '0')}`;
const PERIOD_TEXT = `${PERIOD.slice(0, 4)}年${PERIOD.slice(5, 7)}月`;
const FILE = `蓬安县_工作进度月报_${PERIOD_TEXT}`;
const ROW = '工业企业和产业活动单位';

async function progressTable(page: Page) {
  await page.goto(`${new URL(server.url).origin}/#/progress?tab=figures&period=${PERIOD}`);
  const grid = page.getByTestId('figures-grid');
  await expect(grid).toBeVisible();
  return (label: string) => grid.getByLabel(`${ROW} ${label}`, { exact: true });
}

async function save(page: Page) {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('figures-status')).toHaveText('草稿');
}

async function markReported(page: Page) {
  await page.getByTestId('figures-report').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('figures-status')).toHaveText('已上报');
}

/** 报表导出 with 工作进度月报 and the period chosen. */
async function monthlyReport(page: Page) {
  await nav(page, 'reports');
  await page.getByTestId('report-choice').getByText('R2 工作进度月报', { exact: true }).click();
  const month = page.locator('[data-testid="report-period"] input, input[data-testid="report-period"]').first();
  await month.click();
  await month.fill(PERIOD_TEXT);
  await month.press('Enter');
  await expect(page.getByTestId('submission-status')).not.toContainText('请先选择报告期');
}

async function download(page: Page, testId: string): Promise<{ name: string; path: string }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])) as [
    Download,
    unknown,
  ];
  const path = join(dir, file.suggestedFilename());
  writeFileSync(path, readFileSync(await file.path()));
  return { name: file.suggestedFilename(), path };
}

test('draft, fix the rules, send v1, correct and send v2, then 核对 v1 edited by hand', async ({ page }) => {
  await page.goto(server.url);
  await fill(page, 'login-name', 'admin');
  await fill(page, 'login-password', 'demo1234');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();

  await test.step('the period’s progress table, one rule broken, saved as a draft', async () => {
    const cell = await progressTable(page);
    const figures = {
      名录库底册数: '120',
      清查数: '118',
      纳入普查: '110',
      入户应查数: '110',
      已入户数: '115',
      已填表数: '100',
    };
    for (const [label, value] of Object.entries(figures)) await cell(label).fill(value);
    await save(page);
    await expect(page.getByTestId('rule-list')).toContainText(
      '第02行（工业企业和产业活动单位）：已入户数 115 不能大于入户应查数 110',
    );
    await expect(page.getByTestId('figures-report')).toBeDisabled();
  });

  await test.step('a draft exports; sending is refused with the reason', async () => {
    await monthlyReport(page);
    await expect(page.getByTestId('submission-refusal')).toBeVisible();
    await expect(page.getByTestId('report-export-official')).toBeDisabled();
    await shot(page, 'submission-01-refused');
    const draft = await download(page, 'report-export-draft');
    expect(draft.name).toBe(`${FILE}_草稿.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(draft.path) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets.filter((w) => w.state === 'visible'))
      expect(String(ws.getCell('A1').value), ws.name).toContain('「草稿」');
    // The refusal is about the progress table: one click takes the clerk to this period's table.
    await page.getByTestId('submission-open-progress').click();
    await expect(page).toHaveURL(new RegExp(`#/progress\\?tab=figures&period=${PERIOD}$`));
    await expect(page.getByTestId('figures-grid')).toBeVisible();
  });

  let v1 = { name: '', path: '' };
  await test.step('the rule fixed and the table 已上报: v1 is sent', async () => {
    const cell = await progressTable(page);
    await cell('已入户数').fill('105');
    await save(page);
    await markReported(page);
    await monthlyReport(page);
    await expect(page.getByTestId('report-export-official')).toBeEnabled();
    v1 = await download(page, 'report-export-official');
    expect(v1.name).toBe(`${FILE}_v1.xlsx`);
    await expect(page.getByTestId('submission-status')).toContainText('已报送 第1版');
  });

  await test.step('a figure corrected: v2 is sent with its reason', async () => {
    const cell = await progressTable(page);
    await cell('名录库底册数').fill('121');
    await save(page);
    await markReported(page);
    await monthlyReport(page);
    await expect(page.getByTestId('report-export-official')).toBeDisabled();
    await page.getByTestId('submission-reason').fill('02行名录库底册数漏报1家，更正');
    const v2 = await download(page, 'report-export-official');
    expect(v2.name).toBe(`${FILE}_v2.xlsx`);
    await expect(page.getByTestId('submission-status')).toContainText('已报送 第2版');
    const history = page.getByTestId('report-history');
    await expect(history).toContainText('02行名录库底册数漏报1家，更正');
    await expect(history).toContainText(PERIOD_TEXT);
    await shot(page, 'submission-02-v2');
    // On the office laptop (1366 × 768) each version's 重新导出此版本 is on screen without scrolling sideways.
    await page.setViewportSize({ width: 1366, height: 768 });
    await history.scrollIntoViewIfNeeded();
    const reexports = history.getByTestId('report-reexport');
    await expect(reexports).toHaveCount(2);
    for (const button of await reexports.all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1366);
    }
  });

  await test.step('核对报表: v1 with one cell edited names the changed cells', async () => {
    // 进度调度表 C6: row 02's 名录库底册数 (120 in v1), typed over as 125.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(v1.path) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('进度调度表')!;
    expect(sheet.getCell('A6').value).toBe(ROW);
    expect(sheet.getCell('C6').value).toBe(120);
    sheet.getCell('C6').value = 125;
    const edited = join(dir, `${FILE}_v1_改.xlsx`);
    writeFileSync(edited, Buffer.from(await wb.xlsx.writeBuffer()));

    await nav(page, 'reports');
    await page.getByTestId('report-verify').click();
    await page.getByTestId('verify-file').setInputFiles(edited);
    await expect(page.getByTestId('verify-summary')).toContainText('第1版报送记录');
    const identity = page.getByTestId('verify-identity');
    await expect(identity).toContainText('蓬安县');
    await expect(identity).toContainText(PERIOD_TEXT);
    await expect(identity).toContainText('第1版');
    const findings = page.getByTestId('verify-findings');
    const sheet2 = findings.locator('[data-testid="verify-sheet"][data-sheet="进度调度表"]');
    await expect(sheet2.locator('[data-testid="verify-finding"][data-cell="C6"]')).toContainText(
      '报送时为 120，现为 125',
    );
    await expect(sheet2.locator('[data-testid="verify-finding"][data-cell="C5"]')).toContainText('应为各行之和');
    await expect(findings).toContainText('数据摘要与工作簿内容不符');
    await shot(page, 'submission-03-verify');
    await expect(page.getByTestId('verify-print')).toBeEnabled();
  });

  await test.step('核对报表: v1 as sent has nothing to report', async () => {
    await page.getByTestId('verify-file').setInputFiles(v1.path);
    await expect(page.getByTestId('verify-summary')).toContainText('未发现问题');
    await expect(page.getByTestId('verify-findings')).toHaveCount(0);
  });
});
