// Importing the county's roster through the UI (人员管理 → 导入): choose the file, fix a column's
// mapping and put it back, see the 5 refused rows, download them (an .xlsx with 错误原因), commit
// the 55 valid rows and find them in the roster; then export R1 from 报表导出.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { test, expect } from './fixtures';
import { PROJECT_ROOT, startServer, type RunningServer } from './server';
import { firstRun, listReady, nav, OFFICE, pageApi, pageCall, shot } from './ui';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/roster-county-style.xlsx');
const TOWNSHIPS: [string, string][] = [
  ['511323001', '相如街道'],
  ['511323100', '锦屏镇'],
  ['511323101', '巨龙镇'],
  ['511323102', '周口镇'],
  ['511323103', '罗家镇'],
  ['511323104', '河舒镇'],
  ['511323105', '利溪镇'],
  ['511323106', '龙云镇'],
  ['511323107', '睦坝镇'],
  ['511323200', '金溪乡'],
];
const openDropdown = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

let server: RunningServer;
// A fresh data file of its own, started once for the file.
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('import the county roster, download its errors, export R1', async ({ page }) => {
  await page.goto(server.url);

  await test.step('setup and the townships the file names', async () => {
    await firstRun(page, OFFICE);
    // Ten townships through the API the page itself uses (the township form is covered by first-day).
    const failed: string[] = [];
    for (const [code, name] of TOWNSHIPS)
      if (!(await pageCall(page, 'township.create', { code, name })).ok) failed.push(name);
    expect(failed).toEqual([]);
  });

  await test.step('choose the file and see the preview', async () => {
    await nav(page, 'people');
    await page.getByTestId('people-import').click();
    await expect(page.getByTestId('import-page')).toBeVisible();
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-new', '55');
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-errors', '5');
    await shot(page, 'import-01-preview');
  });

  await test.step('change a column’s mapping and put it back', async () => {
    const select = page.getByTestId('map-L');
    const original = (await select.innerText()).trim();
    expect(original).not.toBe('');
    await select.click();
    await page.locator(`${openDropdown} .ant-select-item-option[title="（不导入）"]`).click();
    await expect(page.getByTestId('import-busy')).toHaveCount(0);
    await expect(select).toContainText('（不导入）');
    await select.click();
    await page.locator(`${openDropdown} .ant-select-item-option[title="${original}"]`).click();
    await expect(page.getByTestId('import-busy')).toHaveCount(0);
    await expect(select).toContainText(original);
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-new', '55');
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-errors', '5');
  });

  await test.step('the refused rows, downloaded', async () => {
    const table = page.getByTestId('import-errors');
    await expect(table).toBeVisible();
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'import-02-errors');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-download-errors').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    expect(rows.some((r) => r.includes('错误原因'))).toBe(true);
  });

  await test.step('commit the valid rows and find them in the roster', async () => {
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-created', '55');
    await shot(page, 'import-03-done');
    await nav(page, 'people');
    await listReady(page, 'people-list');
    await expect(page.getByText('共 55 人')).toBeVisible();
  });

  await test.step('the same file again: warned, nothing new to import', async () => {
    await page.getByTestId('people-import').click();
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    await expect(page.getByTestId('import-duplicate')).toContainText('已经导入过 1 次');
    await expect(page.getByTestId('import-counts')).toHaveAttribute('data-new', '0');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await shot(page, 'import-04-duplicate');
  });

  await test.step('export R1 from 报表导出', async () => {
    await nav(page, 'reports');
    await expect(page.getByTestId('report-export-slot')).toBeVisible();
    await shot(page, 'report-01-export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/_普查人员花名册_.*\.xlsx$/);
    const wb = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
    expect(wb.SheetNames.length).toBeGreaterThan(0);
  });

  await test.step('export R2 for a month: a draft, then sent as v1, then the same version again from the history', async () => {
    const chooseMonth = async () => {
      await page.getByTestId('report-choice').getByText('R2 工作进度月报').click();
      const month = page.getByPlaceholder('选择月份');
      await month.click();
      await month.fill('2018年06月');
      await month.press('Enter');
      await expect(month).toHaveValue('2018年06月');
    };
    await page.getByTestId('report-choice').getByText('R2 工作进度月报').click();
    // 报告期 starts at 本期; emptied, the export asks for one.
    await expect(page.getByPlaceholder('选择月份')).not.toHaveValue('');
    await page.getByPlaceholder('选择月份').fill('');
    await page.getByTestId('report-export-draft').click();
    await expect(page.getByTestId('report-error')).toContainText('请选择报告期');
    await chooseMonth();
    // No progress table yet: a draft only, and the page says why before anyone tries to send.
    await expect(page.getByTestId('submission-status')).toContainText('草稿');
    await expect(page.getByTestId('submission-refusal')).toContainText('2018年06月的进度调度表尚未填报');
    await expect(page.getByTestId('report-export-official')).toBeDisabled();
    const [draft] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-draft').click()]);
    expect(draft.suggestedFilename()).toMatch(/_工作进度月报_2018年06月_草稿\.xlsx$/);
    await listReady(page, 'report-history');
    await expect(page.getByTestId('report-reexport')).toHaveCount(0);

    // The table filled in and marked 已上报 (off-screen), the month can be sent.
    await pageApi(page, 'progress.save', { period: '2018-06', figures: [], mainWork: '完成人员选聘' });
    await pageApi(page, 'progress.markReported', { period: '2018-06' });
    await nav(page, 'people');
    await nav(page, 'reports');
    await chooseMonth();
    await expect(page.getByTestId('report-export-official')).toHaveText(/正式报送（第1版）/);
    const [first] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export-official').click(),
    ]);
    expect(first.suggestedFilename()).toMatch(/_工作进度月报_2018年06月_v1\.xlsx$/);
    await expect(page.getByTestId('submission-status')).toContainText('已报送 第1版');
    await listReady(page, 'report-history');
    await expect(page.getByTestId('report-reexport')).toHaveCount(1);
    await shot(page, 'report-02-history');
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-reexport').click()]);
    expect(again.suggestedFilename()).toBe(first.suggestedFilename());
    expect(readFileSync(await again.path()).equals(readFileSync(await first.path()))).toBe(true);
  });

  await test.step('打印签到表 prints the print view from a frame', async () => {
    // The print dialog itself cannot be driven: every frame's print() is counted instead.
    await page.addInitScript(() => {
      window.print = () => {
        const top = window.parent as Window & { printed?: string[] };
        top.printed = [...(top.printed ?? []), document.title];
        window.dispatchEvent(new Event('afterprint'));
      };
    });
    const input = {
      name: '普查员入户调查培训',
      kind: '入户调查技术规定',
      hostLevel: '县',
      startDate: '2018-06-01',
      endDate: '2018-06-02',
    };
    const { id } = await pageApi<{ id: number }>(page, 'training.create', input);
    await page.evaluate((tid) => (location.hash = `#/training/${tid}`), id);
    await expect(page.getByTestId('training-detail')).toBeVisible();
    await page.getByTestId('print-signin').click();
    await expect
      .poll(() => page.evaluate(() => (window as Window & { printed?: string[] }).printed ?? []))
      .toEqual([expect.stringContaining('签到表')]);
    await expect(page.locator('iframe')).toHaveCount(0);
  });
});
