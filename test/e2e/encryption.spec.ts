// Encryption at rest through the clerk's UI (issue #15), in Chromium at 1366×768 against the real
// server on a fresh, non-demo data file: the first-run wizard's 保存恢复码 step (the code read off
// the page, a wrong group refused, the two groups asked typed back), the file encrypted (安全设置 says
// 已加密 with the key's id); the server restarted on the same file starts closed, the page asks
// 输入恢复码, a malformed and a wrong code are refused in Chinese, the right one (typed with spaces)
// opens it, and after the login the data is there. A second test leaves the wizard at its 保存恢复码
// step (the browser closed): the file stays plain, 安全设置 says 未加密, and the dashboard's
// 「数据未加密」 opens the same step there, which encrypts it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { newRecoveryCode, recoveryCodeGroups } from '../../core/recoveryCode';
import { test, expect } from './fixtures';
import { askedGroups, saveRecoveryCode, shownRecoveryCode, typeGroups } from './recovery';
import { startServer, type RunningServer } from './server';
import { OFFICE, fill, loginAsFirstAdmin, nav, pageApi, shot } from './ui';

test.use({ viewport: { width: 1366, height: 768 } }); // the office laptop

const SQLITE_HEADER = 'SQLite format 3';
const header = (file: string) => readFileSync(file).subarray(0, SQLITE_HEADER.length).toString('latin1');

/** The wizard up to its 保存恢复码 step: the office, no townships, the first 管理员. */
async function wizardToRecoveryCode(page: Page): Promise<void> {
  await expect(page.getByTestId('setup-wizard')).toBeVisible();
  for (const [field, value] of Object.entries(OFFICE)) await fill(page, `setup-office-${field}`, value);
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-towns')).toBeVisible();
  await page.getByTestId('setup-towns-none').click();
  await page.getByTestId('setup-next').click();
  await fill(page, 'setup-admin-name', 'admin');
  await fill(page, 'setup-admin-password', 'census2018');
  await fill(page, 'setup-admin-confirm', 'census2018');
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('recovery-step')).toHaveAttribute('data-phase', 'show');
}

async function openSafety(page: Page): Promise<void> {
  await nav(page, 'settings');
  await page.getByTestId('tab-safety').click();
  await expect(page.getByTestId('encryption-card')).toBeVisible();
}

async function townshipNames(page: Page): Promise<string[]> {
  const list = await pageApi<{ rows: { name: string }[] }>(page, 'township.list', { pageSize: 100 });
  return list.rows.map((t) => t.name);
}

test('the wizard encrypts a new office’s data; after a restart the 恢复码 opens it', async ({ page }) => {
  // The data file outside the server's own folder, so a second server opens the same file.
  const dir = mkdtempSync(join(tmpdir(), 'censusdesk-e2e-enc-'));
  const dataFile = join(dir, 'census.db');
  let server: RunningServer | null = await startServer({ dataFile });
  try {
    await page.goto(server.url);
    let code = '';

    await test.step('wizard → 保存恢复码: the code in 8 groups, 打印恢复码, a wrong group refused', async () => {
      await wizardToRecoveryCode(page);
      await expect(page.getByTestId('setup-wizard').locator('.ant-steps-item-active')).toContainText('保存恢复码');
      code = await shownRecoveryCode(page);
      const groups = recoveryCodeGroups(code);
      for (const [i, g] of groups.entries()) await expect(page.getByTestId(`recovery-group-${i + 1}`)).toHaveText(g);
      await expect(page.getByTestId('recovery-print')).toBeVisible();
      await expect(page.getByTestId('recovery-step')).toContainText('任何人（包括软件开发者）都无法找回');
      await shot(page, 'enc-01-recovery-code');
      await page.getByTestId('recovery-next').click();
      const [a, b] = await askedGroups(page);
      await expect(page.getByTestId('recovery-asked')).toContainText(
        `请对照打印或抄写的恢复码，输入第 ${a} 组和第 ${b} 组`,
      );
      // One group mistyped: said, nothing encrypted, and the clerk types again.
      const off = groups[b - 1] === '0000' ? '0001' : '0000';
      await typeGroups(page, groups[a - 1], off);
      await expect(page.getByTestId('recovery-mismatch')).toContainText(`第${b}组与恢复码不符`);
      expect(header(dataFile)).toBe(SQLITE_HEADER);
      await shot(page, 'enc-02-recovery-mismatch');
      // By keyboard this time: Enter moves to the second group, Enter there confirms.
      await page.locator('#recovery-confirm-0').fill(groups[a - 1]);
      await page.locator('#recovery-confirm-0').press('Enter');
      await expect(page.locator('#recovery-confirm-1')).toBeFocused();
      await page.keyboard.press('Control+a');
      await page.keyboard.type(groups[b - 1]);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('dashboard')).toBeVisible();
    });

    await test.step('encrypted: no SQLite header on disk; 安全设置 says 已加密 with the key id', async () => {
      expect(header(dataFile)).not.toBe(SQLITE_HEADER);
      await pageApi(page, 'township.create', { code: '511323100', name: '锦屏镇' });
      await openSafety(page);
      await expect(page.getByTestId('encryption-status')).toHaveText('已加密');
      await expect(page.getByTestId('encryption-key-id')).toHaveText(/^[0-9a-f]{8}$/);
      await expect(page.getByTestId('encryption-start')).toHaveCount(0);
      await shot(page, 'enc-03-safety-encrypted');
    });

    await test.step('the server restarts on the same file: the page asks 输入恢复码', async () => {
      await server!.stop();
      server = null;
      server = await startServer({ dataFile });
      await page.goto(server.url);
      await expect(page.getByTestId('unlock')).toBeVisible();
      await expect(page.getByTestId('login')).toHaveCount(0);
      await shot(page, 'enc-04-unlock');
    });

    await test.step('a malformed code and a wrong one are refused in Chinese', async () => {
      await fill(page, 'unlock-code', '1234 5678');
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByTestId('unlock-code-error')).toHaveText('恢复码应为32位数字（共8组，每组4位）');
      const digits = code.replace(/-/g, '');
      const last = digits.at(-1) === '9' ? '0' : String(Number(digits.at(-1)) + 1);
      await fill(page, 'unlock-code', digits.slice(0, -1) + last);
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByTestId('unlock-code-error')).toContainText('校验位不符');
      await fill(page, 'unlock-code', newRecoveryCode(randomBytes(16)));
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByTestId('unlock-code-error')).toContainText('恢复码不正确');
      await expect(page.getByTestId('unlock')).toBeVisible();
      await shot(page, 'enc-05-unlock-wrong');
    });

    await test.step('the right code (typed with spaces) opens it; after the login the data is there', async () => {
      await fill(page, 'unlock-code', recoveryCodeGroups(code).join(' '));
      await page.locator('#unlock-code').press('Enter');
      await loginAsFirstAdmin(page);
      expect(await townshipNames(page)).toContain('锦屏镇');
      await openSafety(page);
      await expect(page.getByTestId('encryption-status')).toHaveText('已加密');
    });

    await test.step('its data package, opened in 数据包 on another PC, asks for the 恢复码 in the dialog', async () => {
      await page.getByTestId('tab-package').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('package-export').click()]);
      const pkg = join(dir, '迁移.cdpkg');
      await download.saveAs(pkg);
      expect(header(pkg)).not.toBe(SQLITE_HEADER);
      await server!.stop();
      server = null;
      // Another PC: a fresh office left plain (the wizard closed at its 保存恢复码 step).
      server = await startServer();
      await page.goto(server.url);
      await wizardToRecoveryCode(page);
      await page.reload();
      await expect(page.getByTestId('dashboard')).toBeVisible();
      await nav(page, 'settings');
      await page.getByTestId('tab-package').click();
      await page.getByTestId('package-import-file').setInputFiles(pkg);
      await page.getByTestId('replace-confirm-word').fill('恢复');
      const ok = page.getByRole('button', { name: '确认恢复' });
      await ok.click();
      await expect(page.getByTestId('package-code-ask')).toContainText('请输入该数据包的恢复码');
      await fill(page, 'package-code', newRecoveryCode(randomBytes(16)));
      await ok.click();
      await expect(page.getByTestId('package-code-error')).toContainText('恢复码不正确');
      await shot(page, 'enc-07-package-code');
      await fill(page, 'package-code', code);
      await ok.click();
      await expect(page.locator('.ant-modal-confirm-title')).toContainText('已打开数据包 迁移.cdpkg');
      // The page loads again: still signed in when the package has the same 管理员, else the login.
      await page.locator('.ant-modal-confirm').getByRole('button').click();
      await expect(page.getByTestId('login').or(page.getByTestId('operator-name'))).toBeVisible();
      if (await page.getByTestId('login').isVisible()) {
        await fill(page, 'login-name', 'admin');
        await fill(page, 'login-password', 'census2018');
        await page.getByTestId('login-submit').click();
      }
      await expect(page.getByTestId('operator-name')).toHaveText('admin');
      expect(await townshipNames(page)).toContain('锦屏镇');
    });
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('left at the 保存恢复码 step the file stays plain; 安全设置 → 数据加密 runs the same step', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await wizardToRecoveryCode(page);

  await test.step('the browser closed mid-way: the office is there, the file plain, 安全设置 says 未加密', async () => {
    await page.reload();
    await expect(page.getByTestId('dashboard')).toBeVisible();
    expect(header(join(server.dataDir, 'census.db'))).toBe(SQLITE_HEADER);
    await openSafety(page);
    await expect(page.getByTestId('encryption-status')).toContainText('未加密');
    await expect(page.getByTestId('encryption-start')).toBeVisible();
    await shot(page, 'enc-06-safety-plain');
  });

  await test.step('the dashboard’s 「数据未加密」 opens the same step in 安全设置; then 已加密', async () => {
    await nav(page, 'dashboard');
    await page.getByTestId('check-link-dataNotEncrypted').click();
    await saveRecoveryCode(page);
    await expect(page.getByTestId('encryption-status')).toHaveText('已加密');
    expect(header(join(server.dataDir, 'census.db'))).not.toBe(SQLITE_HEADER);
    await nav(page, 'dashboard');
    await expect(page.getByTestId('dashboard')).toBeVisible();
    await expect(page.getByTestId('check-link-dataNotEncrypted')).toHaveCount(0);
  });
});
