// 显示 on a masked 公民身份号码 (demo county): 管理员 may reveal it, and the reveal is in 操作日志;
// a 录入员 sees no 显示 until 安全设置 allows it, and then sees it at once — the page keeps one copy
// of 安全设置 (the session store), replaced when the setting is saved.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startServer, type RunningServer } from './server';
import { fill, listReady, nav, pageApi } from './ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ extraArgs: ['--demo'] });
});
test.afterAll(async () => {
  await server?.stop();
});

async function login(page: Page, name: string, password: string) {
  await fill(page, 'login-name', name);
  await fill(page, 'login-password', password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

async function logout(page: Page) {
  await page.getByRole('button', { name: /退出登录/ }).click();
  await expect(page.getByTestId('login')).toBeVisible();
}

async function firstPerson(page: Page) {
  await nav(page, 'people');
  await listReady(page, 'people-list');
  await page.getByTestId('people-list').getByRole('row').nth(1).click();
  await expect(page.getByTestId('person-detail')).toBeVisible();
  return page.getByTestId('person-detail').getByTestId('sensitive-idNumber');
}

test('管理员 reveals an ID; a 录入员 only once 安全设置 allows it', async ({ page }) => {
  await page.goto(server.url);
  await login(page, 'admin', 'demo1234');
  await pageApi(page, 'operator.create', { name: 'clerk', role: '录入员', password: 'clerk2018' });

  await test.step('管理员: masked, then 显示 shows all 18 characters and is logged', async () => {
    const id = await firstPerson(page);
    await expect(id).toContainText('**********');
    await id.getByRole('button', { name: /显示/ }).click();
    await expect(id).toHaveText(/^\d{17}[\dX]$/);
    await nav(page, 'audit');
    await listReady(page, 'audit-list');
    await expect(page.getByTestId('audit-list')).toContainText('查看完整敏感信息');
  });

  await test.step('录入员: no 显示 while 安全设置 does not allow it', async () => {
    await logout(page);
    await login(page, 'clerk', 'clerk2018');
    const id = await firstPerson(page);
    await expect(id).toContainText('**********');
    await expect(id.getByRole('button', { name: /显示/ })).toHaveCount(0);
  });

  await test.step('allowed by the 管理员: the 录入员 sees 显示 after logging in again', async () => {
    await logout(page);
    await login(page, 'admin', 'demo1234');
    await nav(page, 'settings');
    await page.getByTestId('tab-safety').click();
    await page.getByTestId('safety-clerkReveal').click();
    await page.getByTestId('safety-save').click();
    await expect(page.getByText('已保存安全设置')).toBeVisible();
    await logout(page);
    await login(page, 'clerk', 'clerk2018');
    const id = await firstPerson(page);
    await id.getByRole('button', { name: /显示/ }).click();
    await expect(id).toHaveText(/^\d{17}[\dX]$/);
  });
});
