// The idle lock in the page (安全设置 → 闲置锁定时间): after the set minutes without a key or a click
// the workbench is covered by the lock screen, nothing of it readable; a wrong password is refused;
// the right one brings the workbench back as it was, the half-typed form included; a reload comes
// back locked. The page's clock is Playwright's, so the test does not wait out the minutes.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startServer, type RunningServer } from './server';
import { fill, nav, shot } from './ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ extraArgs: ['--demo'] });
});
test.afterAll(async () => {
  await server?.stop();
});

async function login(page: Page) {
  await fill(page, 'login-name', 'admin');
  await fill(page, 'login-password', 'demo1234');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

test('an idle page locks, keeps the unsaved form, and unlocks with the password', async ({ page, consoleErrors }) => {
  await page.clock.install();
  await page.goto(server.url);
  await login(page);

  await test.step('安全设置: lock after 5 minutes', async () => {
    await nav(page, 'settings');
    await page.getByTestId('tab-safety').click();
    await fill(page, 'safety-idleLockMinutes', '5');
    await page.getByTestId('safety-save').click();
    await expect(page.getByText('已保存安全设置')).toBeVisible();
  });

  await test.step('a half-typed person, then five idle minutes', async () => {
    await nav(page, 'people');
    await page.getByTestId('person-new').click();
    await fill(page, 'person-name', '赵未存');
    await page.clock.fastForward('04:00');
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await page.clock.fastForward('01:30');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.getByTestId('lock-screen')).toContainText('已超过 5 分钟没有操作');
    await expect(page.getByTestId('lock-screen')).toContainText('admin');
    // The workbench underneath is out of reach: hidden from assistive tech and inert.
    await expect(page.locator('.shell-host')).toHaveAttribute('aria-hidden', 'true');
    // …and covered: what is on top where the navigation was is the lock screen.
    const box = (await page.getByTestId('nav-people').boundingBox())!;
    const onTop = await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest('.lock-screen-root'), [
      box.x + box.width / 2,
      box.y + box.height / 2,
    ] as const);
    expect(onTop).toBe(true);
    await shot(page, 'lock-screen');
  });

  await test.step('a wrong password is refused; the right one unlocks', async () => {
    await page.locator('#unlock-password').fill('wrong-password');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('unlock-error')).toContainText('密码');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.locator('#unlock-password').fill('demo1234');
    await page.locator('#unlock-password').press('Enter');
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await expect(page.locator('#person-name')).toHaveValue('赵未存');
    await expect(page.locator('.shell-host')).not.toHaveAttribute('aria-hidden', 'true');
  });

  await test.step('reloading a locked page does not get round the lock', async () => {
    await page.clock.fastForward('05:30');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.getByTestId('lock-screen')).toContainText('为保护数据已自动锁定');
    await page.locator('#unlock-password').fill('demo1234');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    // The office is loaded after unlocking, though the reload found the page locked.
    await expect(page.getByTestId('office-name')).toContainText('蓬安县第二次全国污染源普查领导小组办公室');
  });
  // The refused password is an expected API answer, not a page error.
  expect(consoleErrors).toEqual([]);
});
