// 组织与宣传 on the office laptop (1366 × 768), from a fresh office: a publicity item entered in its
// form shows in the 宣传记录 list; a PAD handed to a 普查员 on their page shows in 设备与账号; when the
// 普查员 leaves, the dashboard's check counts the PAD still out and opens the list that shows it.
import { test, expect } from './fixtures';
import { OFFICE, dashboard, date, fill, firstRun, listReady, nav, pageApi, pick, saveForm, shot } from './ui';
import { idCheckChar } from '../../core/validate/idNumber';

const ID = `51132319850101013${idCheckChar('51132319850101013')}`;

test.beforeEach(async ({ page, server }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await firstRun(page, OFFICE);
});

test('a publicity item and a PAD hand-over; the dashboard follows the holder’s leaving', async ({ page }) => {
  // The 普查员 is set up off-screen: the roster's own forms are tested elsewhere.
  const person = await pageApi<{ id: number }>(page, 'person.create', {
    name: '张小明',
    roles: ['普查员'],
    idNumber: ID,
    hireStart: '2018-07-01',
  });

  await test.step('a publicity item, entered in its form, shows in the list', async () => {
    await nav(page, 'organisation');
    await page.getByTestId('tab-publicity').click();
    await listReady(page, 'publicity-list');
    await page.getByTestId('publicity-new').click();
    await date(page, 'publicity-date', '2018-06-05');
    await pick(page, 'publicity-kind', '广播电视');
    await fill(page, 'publicity-channel', '蓬安县电视台');
    await fill(page, 'publicity-title', '第二次全国污染源普查公益广告');
    await fill(page, 'publicity-quantity', '30');
    await fill(page, 'publicity-unit', '次');
    await saveForm(page);
    const row = page.getByTestId('publicity-list').getByRole('row').filter({ hasText: '第二次全国污染源普查公益广告' });
    await expect(row).toContainText('2018-06-05');
    await expect(row).toContainText('30次');
    await shot(page, 'organisation-01-publicity');
  });

  await test.step('a PAD handed over on the person’s page, seen in 设备与账号', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/people/${person.id}`);
    await expect(page.getByTestId('person-detail')).toBeVisible();
    await page.getByTestId('person-device-add').click();
    await fill(page, 'device-identifier', 'PAD-001');
    await fill(page, 'device-description', '华为 M5 平板');
    await date(page, 'device-handedDate', '2018-07-28');
    await saveForm(page);
    await expect(page.getByTestId('person-devices')).toContainText('PAD-001');
    await expect(page.getByTestId('person-devices')).toContainText('在用（未归还）');

    await nav(page, 'organisation');
    await page.getByTestId('tab-devices').click();
    await listReady(page, 'device-list');
    await expect(page.getByTestId('device-list').getByRole('row').filter({ hasText: 'PAD-001' })).toContainText(
      '张小明',
    );
  });

  await test.step('the holder leaves: the dashboard counts the PAD and opens the list with it', async () => {
    const count = await dashboard(page);
    expect(await count('devicesWithLeavers')).toBe(0);

    await page.goto(`${new URL(page.url()).origin}/#/people/${person.id}`);
    await page.getByRole('button', { name: '办理离岗' }).click();
    await date(page, 'leave-leftDate', '2018-12-01');
    await page.getByRole('button', { name: '确认离岗' }).click();
    await expect(page.getByTestId('person-devices')).toContainText('离岗未归还');

    const after = await dashboard(page);
    expect(await after('devicesWithLeavers')).toBe(1);
    await shot(page, 'organisation-02-dashboard');
    await page.getByTestId('check-link-devicesWithLeavers').click();
    await listReady(page, 'device-list');
    const rows = page.getByTestId('device-list').getByRole('row').filter({ hasText: 'PAD-' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('离岗未归还');
    await expect(page.getByText('离岗人员未归还', { exact: true })).toBeVisible();
    await shot(page, 'organisation-03-devices');

    // Returned: the check clears.
    await rows.first().click();
    await date(page, 'device-returnedDate', '2018-12-01');
    await saveForm(page);
    const cleared = await dashboard(page);
    expect(await cleared('devicesWithLeavers')).toBe(0);
  });
});

test('入户调查明细: the progress table by 污染源类型 and a sample survey entered for the period', async ({ page }) => {
  await pageApi(page, 'progress.save', {
    period: '2018-09',
    figures: [
      { rowCode: '02', c1: 120, c2: 110, c6: 100, c7: 80, c8: 60 },
      { rowCode: '12', c1: 2, c2: 2, c6: 2, c7: 2, c8: 1 },
      { rowCode: '03', c6: 10, c7: 9, c8: 8 },
    ],
  });
  await nav(page, 'progress');
  await page.getByTestId('tab-fieldwork').click();
  await fill(page, 'fieldwork-period', '2018-09');
  await page.locator('#fieldwork-period').press('Enter');
  const industry = page.getByTestId('source-subtotals').getByRole('row').filter({ hasText: '工业源' });
  await expect(industry).toContainText('02、12');
  await expect(industry).toContainText('59.8%');
  await expect(page.getByTestId('source-subtotals').getByRole('row').filter({ hasText: '合计' })).toContainText('112');

  const energy = page.getByTestId('survey-figures').getByRole('row').filter({ hasText: '城乡居民能源使用抽样调查' });
  await energy.getByRole('button', { name: '填报' }).click();
  await fill(page, 'surveyFigure-planned', '300');
  await fill(page, 'surveyFigure-done', '120');
  await saveForm(page);
  await expect(energy).toContainText('40.0%');
  await shot(page, 'organisation-04-fieldwork');

  // The period is in the address, as on the 进度调度表 tab: a reload (or a link) opens the same period.
  await expect(page).toHaveURL(/tab=fieldwork&period=2018-09/);
  await page.reload();
  await expect(page.locator('#fieldwork-period')).toHaveValue('2018-09');
  await expect(energy).toContainText('40.0%');
});
