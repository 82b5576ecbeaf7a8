// What the person form warns about while the clerk types, and the page shows once saved (issue 13):
// a 15-digit legacy ID and a hire past 65. Neither stops the save.
import { test, expect } from './fixtures';
import { date, fill, saveForm, shot } from './ui';
import { newOfficeAt, openPersonForm } from './entry';
import { idCheckChar } from '../../core/validate/idNumber';

const LEGACY = '511323500101011'; // 15 digits, born 1950-01-01
const ADULT = `51132319800101015${idCheckChar('51132319800101015')}`;
const LEGACY_TEXT = '公民身份号码为15位旧号码，请核对并更换为18位';
const AGE_TEXT = '聘用开始日期（2018-03-05）时已68周岁，超过65周岁，请核对';

test('the person form warns live of a 15-digit ID and a hire past 65; the page shows both', async ({
  page,
  server,
}) => {
  await newOfficeAt(page, server.url, 'people');
  await openPersonForm(page, '老张');

  await test.step('typed: the warnings come and go with the values', async () => {
    await fill(page, 'person-idNumber', LEGACY);
    await expect(page.getByTestId('person-idNumber-warning')).toHaveText(LEGACY_TEXT);
    await date(page, 'person-hireStart', '2018-03-05');
    await expect(page.getByTestId('person-hireStart-warning')).toHaveText(AGE_TEXT);
    await shot(page, 'person-warnings-01-form');
    await fill(page, 'person-idNumber', ADULT);
    await expect(page.getByTestId('person-idNumber-warning')).toHaveCount(0);
    await expect(page.getByTestId('person-hireStart-warning')).toHaveCount(0);
    await fill(page, 'person-idNumber', LEGACY);
    await expect(page.getByTestId('person-hireStart-warning')).toHaveText(AGE_TEXT);
  });

  await test.step('saved despite the warnings; the page shows them', async () => {
    await saveForm(page);
    await page.getByTestId('people-list').getByRole('row').filter({ hasText: '老张' }).click();
    await expect(page.getByTestId('person-detail')).toBeVisible();
    await expect(page.getByTestId('person-legacy-id')).toContainText(LEGACY_TEXT);
    await expect(page.getByTestId('person-hire-age')).toContainText(AGE_TEXT);
    await shot(page, 'person-warnings-02-page');
  });
});
