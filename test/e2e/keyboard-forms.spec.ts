// Issue 14 item 2: forms a clerk fills without the mouse, at the office laptop's 1366×768. Keys
// typed right after 新增 land in the first field; Enter walks through text, dropdowns (typing
// filters, Enter chooses and moves on without the list opening again, Enter on a closed list moves
// on, Alt+↓ opens it) and dates; the first Esc closes an open list or calendar, the next one the
// form; 保存并新增 enters records one after another; a dialog form (离岗) behaves the same. What was
// stored is read back through the API.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { firstRun, nav, OFFICE, overlaysGone, pageApi } from './ui';
import { idCheckChar } from '../../core/validate/idNumber';
import { EDUCATION_LEVELS } from '../../core/enums';

test.use({ viewport: { width: 1366, height: 768 } });

const openList = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
const discard = '.ant-modal-confirm';

/** The focused element's id (the form's fields are `<entity>-<field>`). */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function expectFocus(page: Page, id: string): Promise<void> {
  await expect.poll(() => focused(page)).toBe(id);
}

test('新增 takes keys at once; 保存并新增 enters two townships in a row; Esc closes an untouched form', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  await nav(page, 'regions');
  // The office laptop animates its drawers (the rest of the suite runs without motion): the keys
  // were lost while the drawer slid in, since the focus came only when it had arrived.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.getByTestId('township-new').click();
  // No wait for the drawer: a clerk types straight after the click.
  await page.keyboard.type('511323398');
  await page.keyboard.press('Enter');
  await page.keyboard.type('键盘一乡');
  await expect(page.locator('#township-code')).toHaveValue('511323398');
  await expect(page.locator('#township-name')).toHaveValue('键盘一乡');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Ctrl+Enter: 保存并新增 — the drawer stays, empty, the focus in its first field.
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#township-code')).toHaveValue('');
  await expectFocus(page, 'township-code');
  await page.keyboard.type('511323399');
  await page.keyboard.press('Enter');
  await page.keyboard.type('键盘二乡');
  await page.getByTestId('form-save-new').click();
  await expect(page.locator('#township-name')).toHaveValue('');
  await expectFocus(page, 'township-code');
  // Nothing typed in the third: Esc closes it without asking.
  await page.keyboard.press('Escape');
  await overlaysGone(page);
  await expect(page.locator(discard)).toHaveCount(0);

  const list = await pageApi<{ rows: { code: string; name: string }[] }>(page, 'township.list', { q: '键盘' });
  expect(list.rows.map((r) => [r.code, r.name]).sort()).toEqual([
    ['511323398', '键盘一乡'],
    ['511323399', '键盘二乡'],
  ]);
});

test('Enter walks a person form through text, dropdowns and dates; Esc closes a list or calendar first', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  const township = await pageApi<{ id: number }>(page, 'township.create', { code: '511323397', name: '键盘三乡' });
  await nav(page, 'people');
  await page.getByTestId('person-new').click();
  await page.keyboard.type('键盘人');
  await expect(page.locator('#person-name')).toHaveValue('键盘人');

  await test.step('a multiple select: typing filters, Enter chooses and moves on', async () => {
    await page.keyboard.press('Enter');
    await expectFocus(page, 'person-roles');
    await page.keyboard.type('普查员');
    await expect(page.locator(openList).locator('.ant-select-item-option')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expectFocus(page, 'person-idNumber');
    await expect(page.locator(openList)).toHaveCount(0);
    const roles = page.locator('.ant-select', { has: page.locator('#person-roles') });
    await expect(roles.locator('.ant-select-selection-item')).toHaveText(['普查员']);
  });

  const body = '51132319800101011';
  await page.keyboard.type(body + idCheckChar(body));
  for (const next of ['person-personCode', 'person-mobile', 'person-landline', 'person-ethnicity']) {
    await page.keyboard.press('Enter');
    await expectFocus(page, next);
  }

  await test.step('a single select: type to filter, Enter chooses and moves on, never re-opens', async () => {
    await page.keyboard.type('汉');
    await expect(page.locator(openList).locator('.ant-select-item-option', { hasText: '汉族' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expectFocus(page, 'person-politicalStatus');
    await expect(page.locator(openList)).toHaveCount(0);
    // Enter on a closed list moves on; the list does not open over the next fields.
    await page.keyboard.press('Enter');
    await expectFocus(page, 'person-education');
    await expect(page.locator(openList)).toHaveCount(0);
    // Alt+↓ opens it; Enter chooses the highlighted (first) option.
    await page.keyboard.press('Alt+ArrowDown');
    await expect(page.locator(openList)).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectFocus(page, 'person-source');
    await expect(page.locator(openList)).toHaveCount(0);
    for (const next of ['person-position', 'person-employer', 'person-townshipId']) {
      await page.keyboard.press('Enter');
      await expectFocus(page, next);
    }
  });

  await test.step('a record picker searches the backend; Enter chooses and moves on', async () => {
    await page.keyboard.type('键盘三');
    await expect(page.locator(openList).locator('.ant-select-item-option', { hasText: '键盘三乡' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expectFocus(page, 'person-villageId');
    await expect(page.locator(openList)).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expectFocus(page, 'person-supervisorId');
    await expect(page.locator(openList)).toHaveCount(0);
  });

  await test.step('dates: typed, Enter moves on', async () => {
    await page.locator('#person-hireStart').click();
    await page.keyboard.type('2018-11-30', { delay: 30 });
    await page.keyboard.press('Enter');
    await expectFocus(page, 'person-hireEnd');
    await page.keyboard.type('2018/12/25');
    await page.keyboard.press('Enter');
    await expectFocus(page, 'person-insuranceCompany');
  });

  await test.step('Esc closes an open calendar, then an open list, and only then the form', async () => {
    const calendar = page.locator('.date-calendar:not(.ant-popover-hidden)');
    await page.locator('#person-insuranceStart').click();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(calendar).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(calendar).toHaveCount(0);
    await expect(page.locator(discard)).toHaveCount(0);
    await page.getByTestId('person-insuranceEnd-box').getByRole('button', { name: '打开日历' }).click();
    await expect(calendar).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(calendar).toHaveCount(0);
    await expect(page.locator(discard)).toHaveCount(0);

    await page.locator('#person-payBasis').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(page.locator(openList)).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(page.locator(openList)).toHaveCount(0);
    await expect(page.locator(discard)).toHaveCount(0);
    await expect(page.getByTestId('form-drawer')).toBeVisible();

    // The form has changes: Esc asks; 取消 keeps the form as it was.
    await page.keyboard.press('Escape');
    await expect(page.locator(discard)).toHaveCount(1);
    await page
      .locator(discard)
      .getByRole('button', { name: '取 消' })
      .or(page.locator(discard).getByRole('button', { name: '取消' }))
      .click();
    await expect(page.locator(discard)).toHaveCount(0);
    await expect(page.locator('#person-name')).toHaveValue('键盘人');
  });

  await page.keyboard.press('Control+s');
  await overlaysGone(page);
  const found = await pageApi<{ rows: { id: number; name: string }[] }>(page, 'person.list', { q: '键盘人' });
  expect(found.rows).toHaveLength(1);
  const person = await pageApi<Record<string, unknown>>(page, 'person.get', { id: found.rows[0].id });
  expect(person).toMatchObject({
    roles: ['普查员'],
    ethnicity: '汉族',
    politicalStatus: null,
    townshipId: township.id,
    villageId: null,
    hireStart: '2018-11-30',
    hireEnd: '2018-12-25',
    // Alt+↓ opened the list on its first option, ↓ went to the second.
    education: EDUCATION_LEVELS[1],
  });

  await test.step('a dialog form (离岗) takes keys at once too; Enter moves on, Ctrl+S saves', async () => {
    await page.goto(`${new URL(server.url).origin}/#/people/${found.rows[0].id}`);
    await expect(page.getByTestId('person-detail')).toBeVisible();
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.getByRole('button', { name: '办理离岗' }).click();
    await page.keyboard.type('2019-01-15');
    await page.keyboard.press('Enter');
    await page.keyboard.type('调往县统计局');
    await expect(page.locator('#leave-leftDate')).toHaveValue('2019-01-15');
    await expect(page.locator('#leave-reason')).toHaveValue('调往县统计局');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.keyboard.press('Control+s');
    await overlaysGone(page);
    const left = await pageApi<Record<string, unknown>>(page, 'person.get', { id: found.rows[0].id });
    expect(left).toMatchObject({ status: '离岗', leftDate: '2019-01-15' });
  });
});
