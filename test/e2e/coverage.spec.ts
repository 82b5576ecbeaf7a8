// 普查小区 coverage on the office laptop (1366 × 768), from a fresh office: the dashboard counts the
// village no 小区 covers and opens the village list that shows it; on the village's page a new 小区's
// form comes with the village code + 001 filled in, and once saved the check clears; a 小区 drawn from
// the list with the code left empty gets the next sequence (002). Then the 保密承诺书: a 普查员
// without one is counted, the check opens the roster showing 未签署, and a date on the form clears it.
import { test, expect } from './fixtures';
import { OFFICE, dashboard, date, fill, firstRun, listReady, nav, pageApi, pick, saveForm, shot } from './ui';
import { idCheckChar } from '../../core/validate/idNumber';

const ID = `51132319850101013${idCheckChar('51132319850101013')}`;

test.beforeEach(async ({ page, server }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await firstRun(page, OFFICE);
});

test('a village without a 普查小区, followed from the dashboard and fixed; a 普查员 without a 保密承诺书', async ({
  page,
}) => {
  // The places are set up off-screen: their own forms are tested elsewhere.
  const t = await pageApi<{ id: number }>(page, 'township.create', { code: '511323100', name: '锦屏镇' });
  const covered = await pageApi<{ id: number }>(page, 'village.create', {
    townshipId: t.id,
    code: '511323100201',
    name: '白鹤村',
  });
  await pageApi(page, 'village.create', { townshipId: t.id, code: '511323100202', name: '油房村' });
  await pageApi(page, 'district.create', {
    name: '白鹤村普查小区',
    townshipId: t.id,
    villageId: covered.id,
    basis: '行政村',
  });

  await test.step('the dashboard counts the village no 小区 covers and opens the list that shows it', async () => {
    const count = await dashboard(page);
    expect(await count('villagesWithoutDistrict')).toBe(1);
    await shot(page, 'coverage-01-dashboard');
    await page.getByTestId('check-link-villagesWithoutDistrict').click();
    await listReady(page, 'village-list');
    const rows = page.getByTestId('village-list').getByRole('row').filter({ hasText: '5113231002' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('油房村');
    await expect(page.getByText('未划入普查小区', { exact: true })).toBeVisible();
    await shot(page, 'coverage-02-village-list');
  });

  await test.step('on the village’s page, a new 小区’s form comes with the village code + 001 filled in', async () => {
    await page.getByTestId('village-list').getByRole('row').filter({ hasText: '油房村' }).click();
    await expect(page.getByTestId('village-detail')).toBeVisible();
    await listReady(page, 'village-districts');
    await page.getByTestId('district-new').click();
    await expect(page.locator('#district-code')).toHaveValue('511323100202001');
    await expect(page.locator('#district-name')).toHaveValue('油房村普查小区');
    await shot(page, 'coverage-03-district-form');
    await saveForm(page);
    await expect(
      page.getByTestId('village-districts').getByRole('row').filter({ hasText: '油房村普查小区' }),
    ).toContainText('511323100202001');
    const after = await dashboard(page);
    expect(await after('villagesWithoutDistrict')).toBe(0);
  });

  await test.step('a 小区 drawn from the list with the code left empty gets the next sequence', async () => {
    await nav(page, 'regions');
    await page.getByTestId('tab-districts').click();
    await listReady(page, 'district-list');
    await page.getByTestId('district-new').click();
    await fill(page, 'district-name', '油房村第二普查小区');
    await pick(page, 'district-townshipId', '锦屏镇', { search: '锦屏' });
    await pick(page, 'district-villageId', '油房村', { search: '油房' });
    await pick(page, 'district-basis', '行政村');
    await saveForm(page);
    const row = page.getByTestId('district-list').getByRole('row').filter({ hasText: '油房村第二普查小区' });
    await expect(row).toContainText('511323100202002');
  });

  await test.step('a 普查员 without a 保密承诺书: counted, shown as 未签署, cleared by a date on the form', async () => {
    const person = await pageApi<{ id: number }>(page, 'person.create', {
      name: '张小明',
      roles: ['普查员'],
      idNumber: ID,
    });
    const count = await dashboard(page);
    expect(await count('unpledged:普查员')).toBe(1);
    await page.getByTestId('check-link-unpledged:普查员').click();
    await listReady(page, 'people-list');
    const row = page.getByTestId('people-list').getByRole('row').filter({ hasText: '张小明' });
    await expect(row).toContainText('未签署');

    await page.goto(`${new URL(page.url()).origin}/#/people/${person.id}`);
    await expect(page.getByTestId('person-detail')).toBeVisible();
    await page.getByTestId('person-edit').click();
    await date(page, 'person-pledgeDate', '2018-04-20');
    await saveForm(page);
    const after = await dashboard(page);
    expect(await after('unpledged:普查员')).toBe(0);

    await nav(page, 'records');
    await page.getByTestId('tab-pledges').click();
    await expect(page.getByTestId('pledge-普查员-已签署')).toHaveText('1 人');
    await shot(page, 'coverage-04-pledges');
  });
});

test('a 普查员 over the workload: the dashboard opens the roster, their page shows the 底册数 against the limit', async ({
  page,
}) => {
  const t = await pageApi<{ id: number }>(page, 'township.create', { code: '511323100', name: '锦屏镇' });
  const v = await pageApi<{ id: number }>(page, 'village.create', {
    townshipId: t.id,
    code: '511323100201',
    name: '白鹤村',
  });
  await pageApi(page, 'coverage.saveSettings', {
    districtCodeLength: 15,
    maxListingPerEnumerator: 45,
    maxDistrictsPerEnumerator: 3,
    maxEnumeratorsPerSupervisor: 5,
  });
  const person = await pageApi<{ id: number }>(page, 'person.create', {
    name: '张小明',
    roles: ['普查员'],
    idNumber: ID,
  });
  await pageApi(page, 'district.create', {
    name: '白鹤村普查小区',
    townshipId: t.id,
    villageId: v.id,
    basis: '行政村',
    listingCount: 46,
    enumeratorIds: [person.id],
  });

  const count = await dashboard(page);
  expect(await count('enumeratorsOverWorkload')).toBe(1);
  await page.getByTestId('check-link-enumeratorsOverWorkload').click();
  await listReady(page, 'people-list');
  await page.getByTestId('people-list').getByRole('row').filter({ hasText: '张小明' }).click();
  await expect(page.getByTestId('person-detail')).toBeVisible();
  await expect(page.getByTestId('person-assignments')).toContainText('白鹤村普查小区（底册46）');
  await expect(page.getByTestId('person-workload')).toContainText('名录库底册数 46（上限 45），超过工作量上限');
  await shot(page, 'coverage-05-person-workload');
});
