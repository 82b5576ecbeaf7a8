// Esc in a form: an Esc that closes an open dropdown does nothing else; the next one cancels the
// form (asking first, since it has changes). Once, under CI load, an Esc leaving the 人员类别 list
// also asked to discard the form: the list had closed before the key reached the form's handler.
// The handler now notes an open list when the key goes down (renderer/forms/formKeys.ts); this
// test did not reproduce that race here, it guards the rule itself.
import { test, expect } from './fixtures';
import { startServer, type RunningServer } from './server';
import { fill, nav } from './ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ extraArgs: ['--demo'] });
});
test.afterAll(async () => {
  await server?.stop();
});

test('Esc closes a dropdown without cancelling the form; the next Esc asks to discard', async ({ page }) => {
  await page.goto(server.url);
  await fill(page, 'login-name', 'admin');
  await fill(page, 'login-password', 'demo1234');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await nav(page, 'people');
  await page.getByTestId('person-new').click();
  await fill(page, 'person-name', '钱未完');
  const discard = page.locator('.ant-modal-confirm-title', { hasText: '放弃未保存的修改' });
  const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // A multiple select stays open after a choice; Esc leaves it, as a clerk does — many times over,
  // since the race was with the list's closing.
  for (let i = 0; i < 8; i++) {
    await page.locator('#person-roles').click();
    await openList
      .locator('.ant-select-item-option', { hasText: i % 2 ? '普查指导员' : '普查员' })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await expect(openList).toHaveCount(0);
    await expect(discard).toHaveCount(0);
  }
  await page.locator('#person-townshipId').click();
  await expect(openList).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(openList).toHaveCount(0);
  await expect(discard).toHaveCount(0);
  await expect(page.locator('#person-name')).toHaveValue('钱未完');
  await page.keyboard.press('Escape');
  await expect(discard).toBeVisible();
  // One Esc, one question.
  await expect(page.locator('.ant-modal-confirm')).toHaveCount(1);
  await page.getByText('放弃修改', { exact: true }).click();
  await expect(page.locator('.ant-modal-confirm, .ant-drawer-open')).toHaveCount(0);
});
