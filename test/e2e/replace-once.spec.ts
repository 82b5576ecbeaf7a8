// Replacing the data is asked once and done once: Enter pressed again while a restore or a package
// is on its way sends nothing more (the backend call is held back until the second Enter). In
// the browser, a package downloaded over the upload limit is followed by a warning that it cannot
// be opened through the browser, and how to open it instead.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startServer, type RunningServer } from './server';
import { firstRun, nav, pageApi } from './ui';
import { DOWNLOAD_PATH, downloadIdOf } from '../../core/schemas/files';

const OFFICE = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县污普办',
};
let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => server.stop());

/** Holds each call of `method` until `release()` (so a second Enter surely lands while the first call is on its way), and counts them. */
async function hold(page: Page, method: string) {
  let release = () => {};
  const released = new Promise<void>((done) => (release = done));
  const seen = { n: 0 };
  await page.route(`**/api/${method}`, async (route) => {
    seen.n++;
    await released;
    await route.continue();
  });
  return { seen, release };
}

/** Types the confirmation word and presses Enter twice: the second while the first call is held. */
async function enterTwice(page: Page, held: Awaited<ReturnType<typeof hold>>) {
  const word = page.getByTestId('replace-confirm-word');
  await word.fill('恢复');
  await word.press('Enter');
  await expect.poll(() => held.seen.n).toBe(1);
  await word.press('Enter');
  held.release();
}

test('Enter pressed twice in 从备份恢复 sends one backup.restore', async ({ page }) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  await pageApi(page, 'backup.now', {});
  await nav(page, 'settings');
  await page.getByTestId('tab-backups').click();
  await page.getByTestId('backup-restore').first().click();
  const held = await hold(page, 'backup.restore');
  await enterTwice(page, held);
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText(/^已从 .+ 的备份恢复/);
  expect(held.seen.n).toBe(1);
});

test('Enter pressed twice in 打开数据包 sends one package.import', async ({ page }) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  // Over HTTP the answer names a one-time download; the bytes come with a GET of it.
  const pkg = await pageApi<{ base64: string }>(page, 'package.export', { download: true });
  const res = await page.request.get(new URL(DOWNLOAD_PATH + downloadIdOf(pkg.base64), server.url).href);
  expect(res.status()).toBe(200);
  const file = join(server.dataDir, '迁移.cdpkg');
  writeFileSync(file, await res.body());
  await nav(page, 'settings');
  await page.getByTestId('tab-package').click();
  await page.getByTestId('package-import-file').setInputFiles(file);
  const held = await hold(page, 'package.import');
  await enterTwice(page, held);
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText(/^已打开数据包/);
  expect(held.seen.n).toBe(1);
});

test('a downloaded package over the upload limit is followed by a warning', async ({ page }) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  await nav(page, 'settings');
  await page.getByTestId('tab-package').click();
  await page.route('**/api/package.export', async (route) => {
    const res = await route.fetch();
    const json = await res.json();
    json.data.size = 15 * 1024 * 1024;
    await route.fulfill({ response: res, json });
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('package-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.cdpkg$/);
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('此数据包不能在浏览器中打开');
  await expect(page.locator('.ant-modal-confirm-content')).toContainText('npm run serve -- --data <数据包文件>');
});
