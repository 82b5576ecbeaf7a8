// 质量与督办 on the office laptop (1366 × 768), from a fresh office: a 质量核查 record entered and
// edited in its form moves the progress table's columns 13–14 once the period takes them from the
// records; the problem ledger's overdue items on the dashboard open as a list of as many, and the
// ledger fills R2's 存在问题 with a draft the clerk edits, saves and exports.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { OFFICE, dashboard, date, fill, firstRun, listReady, nav, pageApi, pick, saveForm, shot } from './ui';

const PERIOD = '2018-06';

async function openFigures(page: Page, origin: string) {
  await page.goto(`${origin}/#/progress?tab=figures&period=${PERIOD}`);
  await expect(page.getByTestId('figures-grid')).toBeVisible();
}

const cell = (page: Page, rowCol: string) => page.locator(`[data-cell="${rowCol}"]`);

test.beforeEach(async ({ page, server }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await firstRun(page, OFFICE);
});

test('a 质量核查 record entered in its form shows in the progress table’s columns 13–14', async ({ page, server }) => {
  const origin = new URL(server.url).origin;

  await test.step('the period takes columns 13–14 from the quality records', async () => {
    await openFigures(page, origin);
    await page.getByLabel('工业企业和产业活动单位 名录库底册数').fill('120');
    await page.getByTestId('figures-save').click();
    await expect(page.getByText('已保存草稿')).toBeVisible();
    await expect(cell(page, '02:c13').locator('input')).toHaveCount(1);
    await page.getByTestId('quality-source').getByText('取自质量核查记录').click();
    await expect(cell(page, '02:c13').locator('input')).toHaveCount(0);
    await expect(cell(page, '02:c13')).toHaveText('');
  });

  await test.step('enter a record in 质量与督办', async () => {
    await nav(page, 'quality');
    await listReady(page, 'quality-list');
    await page.getByTestId('qualityCheck-new').click();
    await fill(page, 'qualityCheck-period', PERIOD);
    await pick(page, 'qualityCheck-stage', '清查');
    await pick(page, 'qualityCheck-rowCode', '02 工业企业和产业活动单位');
    await date(page, 'qualityCheck-checkDate', '2018-06-20');
    await fill(page, 'qualityCheck-checker', '县污普办 王秀英');
    await fill(page, 'qualityCheck-sampledCount', '30');
    await fill(page, 'qualityCheck-errorCount', '2');
    await fill(page, 'qualityCheck-correctedCount', '2');
    await shot(page, 'quality-01-record-form');
    await saveForm(page);
    await listReady(page, 'quality-list');
    await expect(page.getByTestId('quality-list')).toContainText('6.7%');
    await expect(page.getByTestId('quality-list')).toContainText('全县');
  });

  await test.step('columns 13–14 of row 02 and of 合计 follow', async () => {
    await openFigures(page, origin);
    await expect(cell(page, '02:c13')).toHaveText('30');
    await expect(cell(page, '02:c14')).toHaveText('2');
    await expect(cell(page, '01:c13')).toHaveText('30');
    await expect(page.getByLabel('工业企业和产业活动单位 名录库底册数')).toHaveValue('120');
    await shot(page, 'quality-02-figures-from-records');
  });

  await test.step('editing the record moves them again', async () => {
    await nav(page, 'quality');
    await listReady(page, 'quality-list');
    await page.getByTestId('quality-list').getByText('县污普办 王秀英').click();
    await expect(page.getByTestId('quality-detail')).toBeVisible();
    await page.getByTestId('qualityCheck-edit').click();
    await fill(page, 'qualityCheck-sampledCount', '45');
    await saveForm(page);
    await expect(page.getByTestId('quality-rate')).toHaveText('4.4%');
    await openFigures(page, origin);
    await expect(cell(page, '02:c13')).toHaveText('45');
  });

  await test.step('back to 手工填报, the typed columns return and can be typed', async () => {
    await page.getByTestId('quality-source').getByText('手工填报').click();
    await expect(cell(page, '02:c13').locator('input')).toHaveValue('');
    await page.getByLabel('工业企业和产业活动单位 质量核查抽查数').fill('8');
    await expect(cell(page, '01:c13')).toHaveText('8');
  });
});

test('the problem ledger gives R2’s 存在问题 a draft the clerk edits, saves and exports', async ({ page, server }) => {
  const origin = new URL(server.url).origin;

  await test.step('a 督办件 entered in the ledger, and a question sent back entered off-screen', async () => {
    await nav(page, 'quality');
    await page.getByTestId('tab-problems').click();
    await listReady(page, 'problem-list');
    await page.getByTestId('problem-new').click();
    await pick(page, 'problem-kind', '督办件');
    await date(page, 'problem-raisedDate', '2018-06-05');
    await fill(page, 'problem-source', '南充市污普办');
    await fill(page, 'problem-subject', '锦屏镇');
    await fill(page, 'problem-content', '清查进度滞后，清查数仅为底册数的六成');
    await date(page, 'problem-dueDate', '2018-06-20');
    await shot(page, 'quality-03-problem-form');
    await saveForm(page);
    await listReady(page, 'problem-list');
    await expect(page.getByTestId('problem-list')).toContainText('2018-001');
    await pageApi(page, 'problem.create', {
      kind: '审核退回',
      raisedDate: '2018-06-10',
      source: '县级审核',
      subject: '普查员 王五',
      content: '排放口坐标缺失',
    });
  });

  await test.step('the dashboard counts the open items past their due date, as many as the list it opens', async () => {
    const count = await dashboard(page);
    expect(await count('problemsOverdue')).toBe(1); // the 督办件 (due 2018-06-20); the question has no due date
    await page.getByTestId('check-link-problemsOverdue').click();
    await listReady(page, 'problem-list');
    await expect(page.getByTestId('list-count')).toHaveText('共 1 条');
    await expect(page.getByTestId('problem-list')).toContainText('逾期');
    await shot(page, 'quality-05-overdue-list');
  });

  const added = '已电话督促锦屏镇，承诺7月5日前完成清查。';
  await test.step('the draft fills 存在问题; the clerk adds a line and saves the table', async () => {
    await openFigures(page, origin);
    await page.getByTestId('problems-draft').click();
    const box = page.getByLabel('存在问题');
    await expect(box).toHaveValue(/【督办件】南充市污普办：锦屏镇——清查进度滞后/);
    await expect(box).toHaveValue(/【审核退回】.*问题1条，已办结0条，尚有1条正在核实/);
    await box.press('Control+End');
    await box.pressSequentially(`\n${added}`);
    await shot(page, 'quality-04-draft-problems');
    await page.getByTestId('figures-save').click();
    await expect(page.getByText('已保存草稿')).toBeVisible();
  });

  await test.step('R2 (draft) carries the edited text', async () => {
    await nav(page, 'reports');
    await page.getByTestId('report-choice').getByText('R2 工作进度月报', { exact: true }).click();
    const month = page.getByPlaceholder('选择月份');
    await month.click();
    await month.fill('2018年6月');
    await month.press('Enter');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export-draft').click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.getWorksheet('工作进度')!.eachRow((row) =>
      row.eachCell((c) => {
        texts.push(String(c.value ?? ''));
      }),
    );
    const problems = texts.find((t) => t.includes('【督办件】'));
    expect(problems).toContain(added);
  });

  await test.step('办结 from the item’s page: the reply and the day, and the dashboard check clears', async () => {
    await nav(page, 'quality');
    await page.getByTestId('tab-problems').click();
    await listReady(page, 'problem-list');
    await page.getByTestId('problem-list').getByText('2018-001').click();
    await page.getByTestId('problem-close').click();
    await page.keyboard.press('Control+s'); // without a reply the drawer stays open and says why
    await expect(page.getByText('办结时须填写办理情况及回复')).toBeVisible();
    await date(page, 'problem-resolvedDate', '2018-07-03');
    await fill(page, 'problem-resolution', '锦屏镇已于7月3日完成清查，书面报告已报市污普办');
    await saveForm(page);
    await expect(page.getByTestId('problem-status')).toHaveText('已办结');
    const count = await dashboard(page);
    expect(await count('problemsOverdue')).toBe(0);
  });
});
