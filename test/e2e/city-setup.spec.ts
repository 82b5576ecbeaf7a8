// A city office's first run in Chromium (issue #16): the wizard asked as 市普查办 labels its fields
// for a city, pre-fills the city's counties from the division dataset (edited here: one dropped,
// one renamed), and the workbench's menu shows the city's areas only; 系统设置 keeps the units and
// the deadline day.
import { test, expect } from './fixtures';
import { fill, nav, shot } from './ui';
import { saveRecoveryCode } from './recovery';

const CITY_AREAS = ['home', 'intake', 'ledger', 'cityreport', 'verify', 'audit', 'settings'];
const COUNTY_AREAS = ['dashboard', 'people', 'regions', 'contracts', 'budget', 'training', 'progress', 'reports'];

test('a city office is set up with its counties from the dataset and sees the city menu', async ({ page, server }) => {
  await page.goto(server.url);

  await test.step('单位信息 as 市普查办', async () => {
    await expect(page.getByTestId('setup-wizard')).toBeVisible();
    await page.locator('#setup-office-level').getByText('市普查办', { exact: true }).click();
    const form = page.getByTestId('setup-wizard');
    await expect(form.getByText('市（州）名称', { exact: true })).toBeVisible();
    await expect(form.getByText('市级区划代码', { exact: true })).toBeVisible();
    await expect(form.getByText('县名', { exact: true })).toHaveCount(0);
    await expect(page.locator('#setup-office-reportDeadlineDay')).toHaveValue('5');
    await page.getByTestId('setup-next').click();
    await expect(page.getByText('市（州）名称不能为空')).toBeVisible();
    await fill(page, 'setup-office-countyName', '南充市');
    await fill(page, 'setup-office-countyCode', '511323'); // a county's code: not a city's
    await expect(page.getByText('市级区划代码应为市（州）4位代码加00，如 511300：511323')).toBeVisible();
    await fill(page, 'setup-office-countyCode', '511300');
    await expect(page.getByText('区划库：南充市')).toBeVisible(); // the dataset knows the code
    await fill(page, 'setup-office-unitName', '南充市第二次全国污染源普查领导小组办公室');
    await shot(page, 'city-01-setup-office');
    await page.getByTestId('setup-next').click();
  });

  await test.step('下级县（区） pre-filled from the dataset, then edited', async () => {
    const units = page.getByTestId('setup-units');
    await expect(units).toBeVisible();
    await expect(page.locator('#setup-code-0')).toHaveValue('511302');
    await expect(page.locator('#setup-name-0')).toHaveValue('顺庆区');
    await expect(page.locator('#setup-code-5')).toHaveValue('511323');
    await expect(page.locator('#setup-name-5')).toHaveValue('蓬安县');
    await expect(units).toContainText('共 9 个');
    await units.getByRole('button', { name: '删除第9行' }).click(); // 阆中市 reports elsewhere here
    await fill(page, 'setup-name-0', '顺庆区（城区）');
    await units.getByRole('button', { name: '添加县（区）' }).click();
    await fill(page, 'setup-code-8', '511602');
    await fill(page, 'setup-name-8', '广安区');
    await page.getByTestId('setup-next').click();
    await expect(page.getByText('第9行：县（区）代码511602不在本市（5113）之下（应以5113开头）')).toBeVisible();
    await units.getByRole('button', { name: '删除第9行' }).click();
    await expect(units).toContainText('共 8 个');
    await shot(page, 'city-02-setup-units');
    await page.getByTestId('setup-next').click();
  });

  await test.step('管理员 and into the workbench', async () => {
    await fill(page, 'setup-admin-name', 'admin');
    await fill(page, 'setup-admin-password', 'census2018');
    await fill(page, 'setup-admin-confirm', 'census2018');
    await page.getByTestId('setup-next').click();
    await saveRecoveryCode(page);
    await expect(page.getByTestId('city-home')).toBeVisible();
    await expect(page.getByTestId('office-name')).toContainText('南充市第二次全国污染源普查领导小组办公室');
  });

  await test.step('the menu shows the city areas only', async () => {
    for (const key of CITY_AREAS) await expect(page.getByTestId(`nav-${key}`)).toBeVisible();
    for (const key of COUNTY_AREAS) await expect(page.getByTestId(`nav-${key}`)).toHaveCount(0);
    // A county address falls back to the city's home.
    await page.goto(`${server.url}#/people`);
    await expect(page.getByTestId('city-home')).toBeVisible();
    await expect(page.getByTestId('city-home')).toContainText('下级县（区）');
    await shot(page, 'city-03-home');
  });

  await test.step('系统设置 keeps the units and the deadline day', async () => {
    await nav(page, 'settings');
    await page.getByRole('tab', { name: '下级县（区）' }).click();
    await expect(page.getByTestId('settings-units')).toContainText('共 8 个');
    await expect(page.locator('#settings-name-0')).toHaveValue('顺庆区（城区）');
    await expect(page.locator('#settings-code-7')).toHaveValue('511325');
    await page.getByRole('tab', { name: '单位信息' }).click();
    await expect(page.locator('#office-reportDeadlineDay')).toHaveValue('5');
    await expect(page.locator('#office-countyCode')).toBeDisabled();
    // 普查小区 and workloads are a county's: no such tab here.
    await expect(page.getByRole('tab', { name: '普查小区与工作量' })).toHaveCount(0);
  });

  await test.step('the city pages open', async () => {
    await nav(page, 'ledger');
    await expect(page.getByTestId('ledger-grid')).toContainText('蓬安县');
    await nav(page, 'intake');
    await expect(page.getByTestId('intake-drop')).toBeVisible();
    await nav(page, 'cityreport');
    await expect(page.getByTestId('city-preview-summary')).toContainText('未报');
  });

  await test.step('汇总报表 says which 单位信息 its footer still needs, and 去填写 opens them', async () => {
    // The wizard asked only for the city and its 填报单位; the R2 footer prints the others.
    const gaps = page.getByTestId('city-profile-gaps');
    await expect(gaps).toContainText('统计负责人');
    await expect(gaps).toContainText('联系电话');
    await shot(page, 'city-04-profile-gaps');
    await gaps.getByRole('button', { name: '去填写' }).click();
    await fill(page, 'office-headName', '何志刚');
    await fill(page, 'office-statsHeadName', '唐丽华');
    await fill(page, 'office-preparerName', '罗晓梅');
    await fill(page, 'office-phone', '0817-2221234');
    await page.getByTestId('office-save').click();
    await expect(page.getByText('已保存')).toBeVisible();
    await nav(page, 'cityreport');
    await expect(page.getByTestId('city-preview-summary')).toContainText('未报');
    await expect(gaps).toHaveCount(0);
  });

  await test.step('核对 goes back to 汇总报表, not to the county’s 报表导出', async () => {
    await nav(page, 'verify');
    await expect(page.getByText('本单位报送的汇总报表、下级报来的月报', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: '返回' }).click();
    await expect(page.getByTestId('city-preview')).toBeVisible();
  });
});
