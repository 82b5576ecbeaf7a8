// Data safety through the UI, as a 管理员: make a backup in 系统设置 → 备份与恢复 and see it listed
// with its status, change a record, restore the backup (typing 恢复 to confirm) and see the change
// gone and the safety copy listed; download the data package; export the 操作日志 as an .xlsx;
// then on a "new PC" (a second server on an empty data file) open the package from the first-run
// wizard — encrypted, so it asks for the 恢复码 saved at the first run — and log in with the old operator.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startServer, type RunningServer } from './server';
import { fill, firstRun, listReady, loginAsFirstAdmin, nav, pageCall } from './ui';
import { newRecoveryCode } from '../../core/recoveryCode';

const OFFICE = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县第二次全国污染源普查领导小组办公室',
};

// The second test opens the package the first one downloads.
test.describe.configure({ mode: 'serial' });

let server: RunningServer;
/** The 恢复码 the first run saved: the package is encrypted under it. */
let recoveryCode = '';
// A fresh data file of its own: restoring replaces the whole data.
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const api = pageCall;

async function townshipNames(page: Page): Promise<string> {
  await nav(page, 'regions');
  await listReady(page, 'township-list');
  return (await page.getByTestId('township-list').innerText()).replace(/\s+/g, ' ');
}

async function openBackups(page: Page) {
  await nav(page, 'settings');
  await page.getByTestId('tab-backups').click();
  await expect(page.getByTestId('backup-list')).toHaveAttribute('data-state', 'ready');
}

const packagePath = () => join(server.dataDir, '迁移.cdpkg');
const rowOf = (page: Page, reason: string) => page.getByTestId('backup-list').locator('tr', { hasText: reason });

test('back up, change, restore, and export the audit log', async ({ page }) => {
  await page.goto(server.url);

  await test.step('first run, and one township', async () => {
    await expect(page.getByTestId('setup-wizard')).toBeVisible();
    await expect(page.getByTestId('setup-restore-package')).toBeVisible();
    recoveryCode = await firstRun(page, OFFICE);
    expect((await api(page, 'township.create', { code: '511323100', name: '锦屏镇' })).ok).toBe(true);
    expect(await townshipNames(page)).toContain('锦屏镇');
  });

  await test.step('立即备份: listed with its time, reason, size and status', async () => {
    await openBackups(page);
    await expect(page.getByTestId('backup-folder')).toContainText('CensusDesk备份');
    await expect(rowOf(page, '手动')).toHaveCount(0);
    await page.getByTestId('backup-now').click();
    const row = rowOf(page, '手动');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('backup-status')).toHaveText('完好');
    await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await expect(row).toContainText(/\d+ KB/);
    // 校验 runs the full check again.
    await row.getByRole('button', { name: /校验/ }).click();
    await expect(page.getByText(/校验通过：/)).toBeVisible();
  });

  await test.step('change a record after the backup', async () => {
    const list = (await api(page, 'township.list', {})) as { data: { rows: { id: number }[] } };
    expect((await api(page, 'township.update', { id: list.data.rows[0].id, name: '锦屏街道' })).ok).toBe(true);
    const names = await townshipNames(page);
    expect(names).toContain('锦屏街道');
  });

  await test.step('restore the backup: a strong confirmation, then the change is gone', async () => {
    await openBackups(page);
    await rowOf(page, '手动').getByTestId('backup-restore').click();
    const ok = page.getByRole('button', { name: '确认恢复' });
    await expect(page.getByText('恢复前，程序会先把当前数据另存一份安全副本')).toBeVisible();
    await expect(ok).toBeDisabled();
    await page.getByTestId('replace-confirm-word').fill('恢复');
    await ok.click();
    await expect(page.locator('.ant-modal-confirm-title')).toHaveText(
      /^已从 .+ 的备份恢复，恢复前的数据已另存为 .+_恢复前\.db$/,
    );
    await page.getByRole('button', { name: '重新载入' }).click();
    // The page loads again where it was, now listing the safety copy made before the restore.
    await expect(page.getByTestId('backup-list')).toHaveAttribute('data-state', 'ready');
    await expect(rowOf(page, '恢复前').getByTestId('backup-status')).toHaveText('完好');
    const names = await townshipNames(page);
    expect(names).toContain('锦屏镇');
    expect(names).not.toContain('锦屏街道');
  });

  await test.step('导出数据包: the browser downloads the .cdpkg', async () => {
    await nav(page, 'settings');
    await page.getByTestId('tab-package').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('package-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^蓬安县_数据包_\d{8}-\d{6}\.cdpkg$/);
    // Encrypted under the office's key: no plain SQLite header.
    expect(
      readFileSync(await download.path())
        .subarray(0, 15)
        .toString('latin1'),
    ).not.toBe('SQLite format 3');
    await download.saveAs(packagePath());
  });

  await test.step('export the audit log as an .xlsx', async () => {
    await nav(page, 'audit');
    await listReady(page, 'audit-list');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    const text = JSON.stringify(rows);
    // The restore is in the log, and so is the backup made before it.
    expect(text).toContain('恢复');
    expect(text).toContain('备份');
  });
});

test('a new PC opens the package from the first-run wizard and the old admin logs in', async ({ page }) => {
  const newPc = await startServer();
  try {
    await page.goto(newPc.url);
    await expect(page.getByTestId('setup-wizard')).toBeVisible();
    await page.getByTestId('setup-package-open-file').setInputFiles(packagePath());
    await page.getByRole('button', { name: '开始恢复' }).click();
    // The package is encrypted: its 恢复码, asked in a dialog; a wrong one is refused at the field.
    await expect(page.getByTestId('setup-package-code-ask')).toBeVisible();
    await fill(page, 'setup-package-code', newRecoveryCode(randomBytes(16)));
    await page.locator('#setup-package-code').press('Enter');
    await expect(page.getByTestId('setup-package-code-error')).toContainText('恢复码不正确');
    await fill(page, 'setup-package-code', recoveryCode.replace(/-/g, ' '));
    await page.locator('#setup-package-code').press('Enter');
    await loginAsFirstAdmin(page);
    expect(await townshipNames(page)).toContain('锦屏镇');
  } finally {
    await newPc.stop();
  }
});
