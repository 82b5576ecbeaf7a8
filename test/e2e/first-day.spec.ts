// A clerk's first day, end to end in Chromium against the real server: the setup wizard with the
// county's townships and villages pre-filled from the division dataset (two townships kept, one
// village unticked) and the work plan chosen, the first-day checklist, three districts, three people (one ID with a wrong check character is refused and
// nothing is saved), assignments, a training with attendance and results, an agency and a contract
// with three nodes and a payment, and a period's progress figures with one rule broken — watching
// the dashboard's counts change after each step; 标准时点 moved in 系统设置 with the deadlines. Screenshots of each screen go to
// test-results/e2e-screenshots.
import { idCheckChar } from '../../core/validate/idNumber';
import { addDays, todayIso } from '../../core/dates';
import { test, expect } from './fixtures';
import { dashboard, date, fill, listReady, nav, overlaysGone, pageApi, pick, saveForm, shot } from './ui';
import { addNode, startDistrict, startPerson } from './entry';
import { saveRecoveryCode } from './recovery';
import type { Page } from '@playwright/test';

const validId = (body17: string) => body17 + idCheckChar(body17);
/** The same ID with a check character that cannot be right. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

const ZHANG = validId('51132319850312001');
const LI = validId('51132319900715002');
const WANG = validId('51132319780101003');
const today = todayIso();
const OFFICE = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县第二次全国污染源普查领导小组办公室',
  preparerName: '周文斌',
  phone: '0817-8621234',
};

/** The wizard's tree row of a township or village (the dataset's code). */
const townNode = (page: Page, code: string) =>
  page.locator('.ant-tree-treenode').filter({ has: page.getByTestId(`town-${code}`) });
/** 其中行政村 K 个, as the wizard counts them for progress row 11. */
const adminVillagesShown = async (page: Page) =>
  Number(/行政村 (\d+) 个/.exec((await page.getByTestId('setup-towns-summary').textContent()) ?? '')?.[1]);

test.use({ viewport: { width: 1366, height: 768 } }); // the office laptop

test('a clerk’s first day', async ({ page, server }) => {
  await page.goto(server.url);
  let adminVillages = 0;

  await test.step('setup wizard: 单位信息, the county’s townships and villages, the work plan, the first 管理员', async () => {
    await expect(page.getByTestId('setup-wizard')).toBeVisible();
    await page.getByTestId('setup-next').click();
    await expect(page.getByText('县名不能为空')).toBeVisible(); // nothing typed yet: the schema says what is missing
    for (const [field, value] of Object.entries(OFFICE)) await fill(page, `setup-office-${field}`, value);
    await shot(page, '01-setup-office');
    await page.getByTestId('setup-next').click();
    // 蓬安县 from the dataset, everything ticked: the clerk keeps 相如街道 and 锦屏镇 and drops 金凤村.
    const towns = page.getByTestId('setup-towns');
    await expect(towns).toBeVisible();
    await expect(townNode(page, '511323002')).toContainText('相如街道');
    await expect(townNode(page, '511323101')).toContainText('锦屏镇');
    await expect(page.getByTestId('setup-towns-summary')).toContainText('已选 21 个乡镇（街道）');
    await page.getByTestId('setup-towns-none').click();
    await expect(page.getByTestId('setup-towns-summary')).toContainText('已选 0 个乡镇（街道）、0 个村（社区）');
    for (const code of ['511323002', '511323101']) await townNode(page, code).locator('.ant-tree-checkbox').click();
    await expect(page.getByTestId('setup-towns-summary')).toContainText('已选 2 个乡镇（街道）');
    const both = await adminVillagesShown(page);
    await townNode(page, '511323101').locator('.ant-tree-switcher').click();
    // The tree is a virtual list: 金凤村 is drawn once scrolled to.
    const jinfeng = townNode(page, '511323101209');
    await expect(async () => {
      if (!(await jinfeng.isVisible())) await towns.locator('.ant-tree-list-holder').hover();
      if (!(await jinfeng.isVisible())) await page.mouse.wheel(0, 120);
      await expect(jinfeng).toBeVisible({ timeout: 500 });
    }).toPass();
    await jinfeng.locator('.ant-tree-checkbox').click(); // 金凤村
    await expect(townNode(page, '511323101209')).toContainText('金凤村');
    await expect(page.getByTestId('setup-towns-summary')).toContainText(`其中行政村 ${both - 1} 个`);
    adminVillages = both - 1;
    await expect(
      page.getByTestId('setup-workplan').getByRole('radio', { name: /第二次全国污染源普查工作要点/ }),
    ).toBeChecked();
    await expect(page.getByTestId('setup-workplan')).toContainText('按标准时点 2017-12-31 排定，第一项截止 2018-01-31');
    await shot(page, '01b-setup-towns');
    await page.getByTestId('setup-next').click();
    await fill(page, 'setup-admin-name', 'admin');
    await fill(page, 'setup-admin-password', 'census2018');
    await fill(page, 'setup-admin-confirm', 'census2018');
    await shot(page, '02-setup-admin');
    await page.getByTestId('setup-next').click();
    await saveRecoveryCode(page);
    await expect(page.getByTestId('dashboard')).toBeVisible();
    await expect(page.getByTestId('office-name')).toContainText('蓬安县第二次全国污染源普查领导小组办公室');
    await expect(page.getByTestId('operator-name')).toHaveText('admin');
  });

  let count = await dashboard(page);
  await shot(page, '03-dashboard-new');
  // The first-day checklist: 区划 is done by the wizard, 人员 comes next.
  await expect(page.getByTestId('first-steps')).toContainText('开始使用：第一天清单（已完成 1/7）');
  await expect(page.getByTestId('first-step-regions')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('first-step-people')).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId('first-step-go-people')).toHaveClass(/ant-btn-primary/);
  expect(await count('townshipsWithoutLiaison')).toBe(2);
  expect(await count('districtsUnassigned')).toBe(0);
  expect(await count('budgetMissingLines')).toBe(6);
  await expect(page.getByTestId('period-report-title')).toContainText('尚未填报');

  await test.step('the two townships kept, with their villages', async () => {
    await page.getByTestId('first-step-go-regions').click();
    await listReady(page, 'township-list');
    await expect(page.getByTestId('township-list')).toHaveAttribute('data-total', '2');
    await expect(page.getByTestId('township-list')).toContainText('相如街道');
    await expect(page.getByTestId('township-list')).toContainText('锦屏镇');
    await shot(page, '04-townships');
    const villages = await pageApi<{ total: number; rows: { name: string }[] }>(page, 'village.list', {
      pageSize: 1000,
    });
    expect(villages.rows.map((v) => v.name)).toContain('真武山社区');
    expect(villages.rows.map((v) => v.name)).not.toContain('金凤村');
  });
  count = await dashboard(page);
  expect(await count('townshipsWithoutLiaison')).toBe(2);

  await test.step('three census districts', async () => {
    await nav(page, 'regions');
    await page.getByTestId('tab-districts').click();
    const districts: [string, string, string][] = [
      ['511323101216001', '锦屏镇一小区', '锦屏镇'],
      ['511323101216002', '锦屏镇二小区', '锦屏镇'],
      ['511323002001001', '相如街道一小区', '相如街道'],
    ];
    for (const [code, name, township] of districts) {
      await startDistrict(page, code, name, township);
      if (name === '锦屏镇一小区') await shot(page, '05-district-form');
      await saveForm(page);
    }
    await listReady(page, 'district-list');
    await expect(page.getByTestId('district-list')).toContainText('相如街道一小区');
    await shot(page, '06-districts');
  });
  count = await dashboard(page);
  expect(await count('districtsUnassigned')).toBe(3);

  await test.step('three people; a wrong ID check character is refused and nothing is saved', async () => {
    await nav(page, 'people');
    await expect(page.getByTestId('people-list')).toContainText('还没有人员');
    const person = (name: string, role: string, id: string, township: string) =>
      startPerson(page, name, role, id, township);
    await person('张伟', '普查员', ZHANG, '锦屏镇');
    await saveForm(page);
    await person('王强', '普查指导员', WANG, '锦屏镇');
    await saveForm(page);

    await person('李娜', '普查员', wrongCheck(LI), '相如街道');
    const message = `公民身份号码校验位错误：应为 ${LI[17]}，实为 ${wrongCheck(LI)[17]}`;
    await expect(page.getByText(message)).toBeVisible();
    await page.keyboard.press('Control+s');
    await expect(page.getByText(message)).toBeVisible();
    await shot(page, '07-person-wrong-id');
    // Give up on this entry (Esc asks first), then look for her in the list: not there.
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '放弃修改' }).click();
    await overlaysGone(page);
    await page.getByPlaceholder('姓名、人员编号或身份号码').fill('李娜');
    await expect(page.getByTestId('people-list')).toHaveAttribute('data-shown-q', '李娜');
    await expect(page.getByTestId('people-list')).toHaveAttribute('data-total', '0');
    await expect(page.getByTestId('people-list')).toContainText('没有符合搜索或筛选条件的人员');
    await page.getByPlaceholder('姓名、人员编号或身份号码').fill('');
    await listReady(page, 'people-list');
    await expect(page.getByTestId('people-list')).toHaveAttribute('data-total', '2');

    await person('李娜', '普查员', LI, '相如街道');
    await saveForm(page);
    await listReady(page, 'people-list');
    await expect(page.getByTestId('people-list')).toHaveAttribute('data-total', '3');
    const masked = `${LI.slice(0, 4)}**********${LI.slice(-4)}`;
    await expect(page.getByTestId('people-list')).toContainText(masked);
    await expect(page.getByTestId('people-list')).not.toContainText(LI);
    await expect(page.getByTestId('people-list')).toContainText('138****1234');
    const byName = page.getByTestId('people-list').getByRole('columnheader', { name: '姓名' });
    await byName.click();
    await expect(byName).toHaveAttribute('aria-sort', 'ascending');
    await listReady(page, 'people-list');
    await shot(page, '08-people');
  });
  count = await dashboard(page);
  expect(await count('enumeratorsWithoutSupervisor')).toBe(2);
  expect(await count('untrained:普查员')).toBe(2);
  expect(await count('untrained:普查指导员')).toBe(1);

  await test.step('assign: 普查指导员 for the 普查员, people to districts', async () => {
    await nav(page, 'people');
    for (const name of ['张伟', '李娜']) {
      await page.getByTestId('people-list').getByRole('row').filter({ hasText: name }).click();
      await expect(page.getByTestId('person-detail')).toBeVisible();
      await page.getByTestId('person-edit').click();
      await pick(page, 'person-supervisorId', '王强', { search: '王' });
      await saveForm(page);
      await expect(page.getByTestId('person-detail')).toContainText('所属普查指导员王强');
      await page.getByRole('button', { name: '返回' }).click();
    }
    await nav(page, 'regions');
    await page.getByTestId('tab-districts').click();
    for (const [district, enumerator] of [
      ['锦屏镇一小区', '张伟'],
      ['相如街道一小区', '李娜'],
    ]) {
      await page.getByTestId('district-list').getByRole('row').filter({ hasText: district }).click();
      await page.getByTestId('district-edit').click();
      await pick(page, 'district-enumeratorIds', enumerator, { multiple: true });
      await pick(page, 'district-supervisorIds', '王强', { multiple: true });
      await saveForm(page);
      await expect(page.getByTestId('district-detail')).toContainText(enumerator);
      if (enumerator === '张伟') await shot(page, '09-district-detail');
      await page.getByRole('button', { name: '返回' }).click();
    }
  });
  count = await dashboard(page);
  expect(await count('enumeratorsWithoutSupervisor')).toBe(0);
  expect(await count('districtsUnassigned')).toBe(1);

  await test.step('a training session with attendance and results', async () => {
    await nav(page, 'training');
    await page.getByTestId('training-new').click();
    await fill(page, 'training-name', '蓬安县普查员、普查指导员入户调查培训班');
    await pick(page, 'training-kind', '入户调查技术规定');
    await pick(page, 'training-hostLevel', '县');
    await date(page, 'training-startDate', addDays(today, -3));
    await date(page, 'training-endDate', addDays(today, -2));
    await fill(page, 'training-hours', '12');
    await saveForm(page);
    await page.getByTestId('training-list').getByRole('row').filter({ hasText: '入户调查培训班' }).click();
    await page.getByTestId('attendance-enrol').click();
    for (const name of ['张伟', '李娜', '王强'])
      await pick(page, 'enrol-people', name, { search: name, multiple: true });
    await page.locator('.ant-modal').getByRole('button', { name: '添加' }).click();
    const grid = page.getByTestId('attendance-grid');
    await expect(grid.getByRole('row')).toHaveCount(4); // header + three
    // Scores: 张伟 85, 李娜 50 (below the pass mark), 王强 90 — typing a score ticks 签到 and judges it.
    for (const [name, score] of [
      ['张伟', '85'],
      ['李娜', '50'],
      ['王强', '90'],
    ]) {
      await grid.getByLabel(`${name}成绩`).fill(score);
    }
    await expect(grid.getByLabel('李娜签到')).toBeChecked();
    await shot(page, '10-attendance');
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('training-passed')).toHaveText('3 / 2（合格率 66.7%）');
  });
  count = await dashboard(page);
  expect(await count('untrained:普查员')).toBe(0);
  expect(await count('notPassed:普查员')).toBe(1);
  expect(await count('untrained:普查指导员')).toBe(0);
  expect(await count('contractsOverdueNodes')).toBe(0);
  expect(await count('budgetOverspent')).toBe(0);

  await test.step('an agency and a contract with three nodes', async () => {
    await nav(page, 'contracts');
    await page.getByTestId('tab-agencies').click();
    await page.getByTestId('agency-new').click();
    await fill(page, 'agency-name', '四川环科普查技术服务有限公司');
    await fill(page, 'agency-creditCode', '91350100M000100Y44');
    await expect(page.getByText('统一社会信用代码校验位错误')).toBeVisible();
    await fill(page, 'agency-creditCode', '91350100M000100Y43');
    await saveForm(page);
    await expect(page.getByTestId('agency-list')).toContainText('91350100M000100Y43');

    await page.getByTestId('tab-contracts').click();
    await page.getByTestId('contract-new').click();
    await fill(page, 'contract-contractNo', 'PA-2018-001');
    await fill(page, 'contract-name', '蓬安县污染源普查清查技术服务');
    await pick(page, 'contract-agencyId', '四川环科', { search: '四川' });
    await pick(page, 'contract-procurementMethod', '竞争性磋商');
    await pick(page, 'contract-serviceKinds', '普查清查', { multiple: true });
    await fill(page, 'contract-amount', '120,000');
    await date(page, 'contract-signedDate', addDays(today, -20));
    await date(page, 'contract-serviceEnd', addDays(today, 90));
    await pick(page, 'contract-budgetItemId', '第三方技术服务费', { search: '第三方' });
    await shot(page, '11-contract-form');
    await saveForm(page);
    await page.getByTestId('contract-list').getByRole('row').filter({ hasText: 'PA-2018-001' }).click();
    const nodes: [string, string, string][] = [
      ['清查工作方案', addDays(today, -5), '30'],
      ['清查入户与数据录入', addDays(today, 40), '40'],
      ['成果验收', addDays(today, 85), '30'],
    ];
    for (const [work, planned, ratio] of nodes) await addNode(page, work, planned, ratio);
    await expect(page.getByTestId('contract-nodes')).toContainText('成果验收');
    await expect(page.getByTestId('contract-nodes')).toContainText('逾期');
  });
  count = await dashboard(page);
  expect(await count('contractsOverdueNodes')).toBe(1);
  expect(await count('contractsNotPublished')).toBe(1);

  await test.step('a payment on the first node', async () => {
    await nav(page, 'contracts');
    await page.getByTestId('contract-list').getByRole('row').filter({ hasText: 'PA-2018-001' }).click();
    await page.getByTestId('node-pay-1').click();
    await expect(page.locator('#payment-amount')).toHaveValue('36,000.00'); // 30% of 120,000 still unpaid
    await fill(page, 'payment-voucherNo', '记-0615');
    await fill(page, 'payment-handlerName', '周文斌');
    await shot(page, '12-payment');
    await saveForm(page);
    await expect(page.getByTestId('contract-paid')).toHaveText('36,000.00 元');
    await expect(page.getByTestId('contract-payments')).toContainText('记-0615');
    await shot(page, '13-contract-detail');
  });
  count = await dashboard(page);
  // The payment is an expenditure of 第三方技术服务费, which has no budget and no allocation yet.
  expect(await count('budgetOverspent')).toBe(1);
  expect(await count('budgetUnderAllocated')).toBe(1);

  await test.step('the budget shows the same payment', async () => {
    await nav(page, 'budget');
    await expect(page.getByTestId('budget-tree')).toContainText('第三方技术服务费');
    await expect(
      page.getByTestId('budget-tree').getByRole('row').filter({ hasText: '第三方技术服务费' }),
    ).toContainText('36,000.00');
    await shot(page, '14-budget');
  });

  await test.step('this period’s progress figures, one rule broken', async () => {
    await dashboard(page);
    await page.getByTestId('period-report').getByRole('button', { name: '填报进度调度表' }).click();
    const grid = page.getByTestId('figures-grid');
    await expect(grid).toBeVisible();
    const cell = (row: string, label: string) => grid.getByLabel(`${row} ${label}`, { exact: true });
    // Row 02: more units visited (7) than due (6) — the one rule broken.
    const row02 = {
      名录库底册数: '120',
      清查数: '118',
      纳入普查: '110',
      入户应查数: '110',
      已入户数: '115',
      已填表数: '100',
    };
    for (const [label, value] of Object.entries(row02)) await cell('工业企业和产业活动单位', label).fill(value);
    await expect(grid.locator('td[data-cell="02:c7"]')).toHaveClass(/violation/);
    await expect(page.getByTestId('rule-list')).toContainText('已入户数 115 不能大于入户应查数 110');
    // Row 11 starts with the registry's 行政村 (as the wizard counted them); 合计 follows.
    await expect(cell('行政村', '名录库底册数')).toHaveValue(String(adminVillages));
    await expect(grid.locator('td[data-cell="01:c1"]')).toHaveText(String(120 + adminVillages));
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('figures-status')).toHaveText('草稿');
    await expect(grid.locator('td[data-cell="02:c7"]')).toHaveClass(/violation/);
    await expect(page.getByTestId('figures-report')).toBeDisabled();
    await shot(page, '15-progress-figures');
  });
  await dashboard(page);
  await expect(page.getByTestId('period-report-title')).toContainText('尚未正式报送');
  // 区划, 人员, 机构与合同, 培训 and 进度 done; no budget amount yet, no report sent.
  await expect(page.getByTestId('first-steps')).toContainText('已完成 5/7');
  await expect(page.getByTestId('first-step-budget')).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId('first-step-report')).toHaveAttribute('data-done', 'false');
  await shot(page, '16-dashboard-end');

  await test.step('标准时点 moved in 系统设置, the deadlines with it', async () => {
    await nav(page, 'settings');
    await date(page, 'office-referenceDate', '2018-01-10');
    await page.getByTestId('office-save').click();
    const ask = page.locator('.ant-modal-confirm');
    await expect(ask).toContainText('标准时点由 2017-12-31 改为 2018-01-10：是否同时顺延工作要点的截止日期？');
    await ask.getByRole('button', { name: '顺延截止日期' }).click();
    await expect(page.getByText('已顺延 12 项工作要点的截止日期')).toBeVisible();
    const plan = await pageApi<{ rows: { deadline: string | null }[] }>(page, 'milestone.list', {
      pageSize: 100,
      sort: { field: 'seq', dir: 'asc' },
    });
    expect(plan.rows[0].deadline).toBe('2018-02-10');
    const office = await pageApi<{ referenceDate: string }>(page, 'office.get', {});
    expect(office.referenceDate).toBe('2018-01-10');
  });

  await test.step('the audit log holds every step and its chain is intact', async () => {
    await nav(page, 'audit');
    await listReady(page, 'audit-list');
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verdict')).toContainText('操作日志完整');
    await shot(page, '17-audit');
    await nav(page, 'settings');
    await shot(page, '18-settings');
    await nav(page, 'reports');
    await shot(page, '19-reports');
  });

  await test.step('log out and back in', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByTestId('login')).toBeVisible();
    await fill(page, 'login-name', 'admin');
    await fill(page, 'login-password', 'wrong-password');
    await page.keyboard.press('Enter');
    await expect(page.getByText('用户名或密码错误')).toBeVisible();
    await fill(page, 'login-password', 'census2018');
    await page.keyboard.press('Enter'); // Enter on the last field logs in
    await expect(page.getByTestId('dashboard')).toBeVisible();
  });
});
