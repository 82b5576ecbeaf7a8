// Issue 14 item 1: a date is what was typed. Typed at several speeds, in the formats clerks use,
// and saved by Ctrl+S and by the 保存 button straight from the date box (no Enter or Tab first), or
// after Enter; what the API stores is read back. An amount typed as 3.5万 is stored as 3,500,000 分.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { fill, firstRun, nav, OFFICE, overlaysGone, pageApi, pick } from './ui';
import { newOfficeAt, openPersonForm } from './entry';
import { idCheckChar } from '../../core/validate/idNumber';

type SaveBy = 'ctrl+s' | 'button' | 'enter';
const SPEEDS = [
  { delay: 0, typed: '2018-11-30', hireEnd: '2018/12/25' },
  { delay: 60, typed: '2018/11/30', hireEnd: '20181225' },
  { delay: 200, typed: '2018年11月30日', hireEnd: '2018.12.25' },
];

function idNumber(seq: number): string {
  const body = `5113231980010101${seq % 10}`;
  return body + idCheckChar(body);
}

async function typeDate(page: Page, id: string, text: string, delay: number): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.pressSequentially(text, { delay });
  // Never rewritten while typing: the box holds exactly the keys pressed.
  await expect(input).toHaveValue(text);
}

async function save(page: Page, by: SaveBy): Promise<void> {
  if (by === 'ctrl+s') await page.keyboard.press('Control+s');
  else if (by === 'button') await page.getByTestId('form-save').click();
  else {
    // Enter leaves the date box for the next field; the form is then saved from there.
    await page.keyboard.press('Enter');
    await expect(page.locator('#person-insuranceCompany')).toBeFocused();
    await page.keyboard.press('Control+s');
  }
  await overlaysGone(page);
}

async function stored(page: Page, name: string) {
  const list = await pageApi<{ rows: { id: number; name: string }[] }>(page, 'person.list', { q: name });
  const row = list.rows.find((r) => r.name === name);
  expect(row, name).toBeDefined();
  return pageApi<{ hireStart: string | null; hireEnd: string | null; insuranceAmount: number | null }>(
    page,
    'person.get',
    { id: row!.id },
  );
}

for (const by of ['ctrl+s', 'button', 'enter'] as const) {
  test(`typed dates are stored as typed, saved by ${by}`, async ({ page, server }) => {
    await newOfficeAt(page, server.url, 'people');
    for (const [i, speed] of SPEEDS.entries()) {
      await test.step(`typed with ${speed.delay} ms between keys`, async () => {
        const name = `日期${by}${speed.delay}`;
        await openPersonForm(page, name);
        await fill(page, 'person-idNumber', idNumber(i));
        await fill(page, 'person-insuranceAmount', '3.5万');
        await typeDate(page, 'person-hireStart', speed.typed, speed.delay);
        await expect(page.getByTestId('person-hireStart-understood')).toHaveText('2018年11月30日 星期五');
        // The last date is saved straight from its box.
        await typeDate(page, 'person-hireEnd', speed.hireEnd, speed.delay);
        await expect(page.getByTestId('person-hireEnd-understood')).toHaveText('2018年12月25日 星期二');
        await expect(page.getByTestId('form-drawer')).not.toContainText('不能为空');
        await save(page, by);
        const person = await stored(page, name);
        expect(person.hireStart).toBe('2018-11-30');
        expect(person.hireEnd).toBe('2018-12-25');
        expect(person.insuranceAmount).toBe(3_500_000);
      });
    }
  });
}

test('a half-typed date stops the save and names the field; the 报告期 takes a typed month', async ({
  page,
  server,
}) => {
  await newOfficeAt(page, server.url, 'people');
  await openPersonForm(page, '未输完');
  await fill(page, 'person-idNumber', idNumber(5));
  await typeDate(page, 'person-hireStart', '2018-11', 0);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('form-drawer')).toContainText('聘用开始日期格式无法识别：2018-11');
  await expect(page.locator('#person-hireStart')).toHaveValue('2018-11');
  await page.locator('#person-hireStart').pressSequentially('-30');
  await expect(page.getByTestId('person-hireStart-understood')).toHaveText('2018年11月30日 星期五');
  await page.keyboard.press('Control+s');
  await overlaysGone(page);
  expect((await stored(page, '未输完')).hireStart).toBe('2018-11-30');

  await nav(page, 'reports');
  await page.getByTestId('report-choice').getByText('R2 工作进度月报', { exact: true }).click();
  const month = page.getByTestId('report-period');
  const status = page.getByTestId('submission-status');
  // It starts at 本期; emptied, it asks for one.
  await expect(month).not.toHaveValue('');
  await month.fill('');
  await expect(status).toContainText('请先选择报告期');
  for (const typed of ['2026-12', '2026年12月', '202612']) {
    await month.fill('');
    await month.pressSequentially(typed, { delay: 30 });
    await expect(month).toHaveValue(typed);
    await expect(status).not.toContainText('请先选择报告期');
    await month.press('Enter');
    await expect(month).toHaveValue('2026年12月');
  }
  // Text that is not a month chooses none: nothing is exported for the month typed before.
  await month.fill('2026-1x');
  await expect(status).toContainText('请先选择报告期');

  // The progress table's 报告期 takes a month typed the same ways.
  await page.goto(`${new URL(server.url).origin}/#/progress?tab=figures`);
  const period = page.getByLabel('报告期');
  await period.fill('2018年6月');
  await period.press('Tab');
  await expect(page).toHaveURL(/period=2018-06(&|$)/);
});

test('required dates of a training session: typed slowly, saved by the button, never 「不能为空」', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  await nav(page, 'training');
  await page.getByTestId('training-new').click();
  await fill(page, 'training-name', '日期培训班');
  await pick(page, 'training-kind', '入户调查技术规定');
  await pick(page, 'training-hostLevel', '县');
  await typeDate(page, 'training-startDate', '2018.11.30', 60);
  await typeDate(page, 'training-endDate', '2018年12月2日', 200);
  await expect(page.getByTestId('training-endDate-understood')).toHaveText('2018年12月2日 星期日');
  await expect(page.getByTestId('form-drawer')).not.toContainText('不能为空');
  await page.getByTestId('form-save').click();
  await overlaysGone(page);
  const list = await pageApi<{ rows: { id: number; name: string }[] }>(page, 'training.list', { q: '日期培训班' });
  const session = await pageApi<{ startDate: string; endDate: string }>(page, 'training.get', { id: list.rows[0].id });
  expect([session.startDate, session.endDate]).toEqual(['2018-11-30', '2018-12-02']);
});
