// Issue 14 item 4, batch work, at the office laptop's 1366×768: people ticked in the list and set
// in one 批量设置 (指导员 and 保险 dates; a batch with one person the rule refuses is refused whole,
// naming that person); pay-run lines added by township in one step, and 发放入账 refused while a
// line has no 银行卡号 (the people named); 导出 of a list with its filter in the file's title.
// What was stored is read back through the API.
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { fill, firstRun, listReady, nav, OFFICE, overlaysGone, pageApi, pick, saveForm } from './ui';
import { idCheckChar } from '../../core/validate/idNumber';

test.use({ viewport: { width: 1366, height: 768 } });

const idNumber = (seq: number) => {
  const body = `51132319800101${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
};

interface Person {
  id: number;
  name: string;
  supervisorId: number | null;
  insuranceStart: string | null;
  insuranceEnd: string | null;
}

/** A township, its 普查指导员 and three 普查员 (the second without a 银行卡号), made off-screen. */
async function county(page: Page) {
  const town = await pageApi<{ id: number }>(page, 'township.create', { code: '511323100', name: '相如镇' });
  const pay = { townshipId: town.id, payRate: 12_000, payBasis: '元/天' };
  const boss = await pageApi<Person>(page, 'person.create', {
    name: '李指导',
    roles: ['普查指导员'],
    idNumber: idNumber(1),
    ...pay,
  });
  const people: Person[] = [];
  for (const [i, name] of ['张批一', '张批二', '张批三'].entries()) {
    people.push(
      await pageApi<Person>(page, 'person.create', {
        name,
        roles: ['普查员'],
        idNumber: idNumber(10 + i),
        ...pay,
        ...(name === '张批二' ? {} : { bankName: '蓬安农商行', bankAccount: `62284800123456789${i}` }),
      }),
    );
  }
  return { town, boss, people };
}

const get = (page: Page, id: number) => pageApi<Person>(page, 'person.get', { id });

test('批量设置: tick people, set 指导员 and 保险 in one save; a batch the rules refuse is refused whole', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  const { boss, people } = await county(page);
  await nav(page, 'people');
  await listReady(page, 'people-list');

  await page.getByLabel('选择 张批一').check();
  await page.getByLabel('选择 张批三').check();
  await expect(page.getByTestId('people-selected')).toHaveText('已选 2 人');
  await page.getByTestId('people-bulk-set').click();
  await pick(page, 'bulk-supervisorId', '李指导', { search: '李指导' });
  await fill(page, 'bulk-insuranceStart', '2018/3/1');
  await fill(page, 'bulk-insuranceEnd', '2019年2月28日');
  await saveForm(page);
  await expect(page.getByTestId('people-selected')).toHaveText('勾选人员后可批量设置');

  for (const p of [people[0], people[2]])
    expect(await get(page, p.id)).toMatchObject({
      supervisorId: boss.id,
      insuranceStart: '2018-03-01',
      insuranceEnd: '2019-02-28',
    });
  expect(await get(page, people[1].id)).toMatchObject({ supervisorId: null, insuranceStart: null });

  // Everyone in the list, the 指导员 too: only 普查员 take a 指导员, so nothing is saved.
  await page.getByTestId('people-select-all').click();
  await expect(page.getByTestId('people-selected')).toHaveText('已选 4 人');
  await page.getByTestId('people-bulk-set').click();
  await pick(page, 'bulk-supervisorId', '李指导', { search: '李指导' });
  await page.keyboard.press('Control+s');
  const modal = page.getByTestId('form-modal');
  await expect(modal).toContainText('李指导（');
  await expect(modal).toContainText('只有普查员可以指定所属普查指导员');
  expect((await get(page, people[1].id)).supervisorId).toBeNull();
});

test('pay run: 按条件添加 by township, 发放入账 refused naming the line without 银行卡号', async ({ page, server }) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  await county(page);
  await nav(page, 'budget');
  await page.getByRole('tab', { name: '劳务报酬发放' }).click();
  await page.getByRole('button', { name: '新增发放表' }).click();
  await fill(page, 'payrun-period', '2018-10');
  await fill(page, 'payrun-title', '10月普查员劳务');
  await pick(page, 'payrun-budgetItemId', '普查员劳动报酬', { search: '普查员劳动报酬' });

  await page.getByTestId('payrun-add-group').click();
  await pick(page, 'payrun-group-township', '相如镇', { search: '相如' });
  await pick(page, 'payrun-group-role', '普查员');
  await fill(page, 'payrun-group-quantity', '20');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByTestId('payrun-add-group-form')).toHaveCount(0);
  await expect(page.locator('.ant-drawer-open .ant-table-tbody tr.ant-table-row')).toHaveCount(3);
  await saveForm(page);

  const runs = await pageApi<{ rows: { id: number; lineCount: number; totalAmount: number }[] }>(
    page,
    'payRun.list',
    {},
  );
  expect(runs.rows).toEqual([expect.objectContaining({ lineCount: 3, totalAmount: 3 * 20 * 12_000 })]);

  await listReady(page, 'payrun-list');
  await page
    .getByTestId('payrun-list')
    .getByRole('row', { name: /10月普查员劳务/ })
    .click();
  await expect(page.getByTestId('payrun-missing-bank')).toContainText('第 2 行 张批二未登记银行卡号');
  await page.getByRole('button', { name: '发放入账' }).click();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('form-modal')).toContainText(
    '发放表“10月普查员劳务”中第 2 行 张批二未登记银行卡号，不能发放入账',
  );
  const run = await pageApi<{ status: string }>(page, 'payRun.get', { id: runs.rows[0].id });
  expect(run.status).toBe('草稿');
});

test('导出: the people list under a filter, and another list, as .xlsx with the filter in the title', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  await county(page);
  await nav(page, 'people');
  await listReady(page, 'people-list');
  await page.getByRole('combobox', { name: '人员类别' }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: /^普查员$/ })
    .click();
  await expect(page.getByTestId('people-list')).toHaveAttribute('data-total', '3');

  const read = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    const book = XLSX.read(readFileSync((await download.path())!));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]], { header: 1, defval: '' });
    return { name: download.suggestedFilename(), rows };
  };
  const people = await read();
  expect(people.name).toMatch(/^人员列表（人员类别：普查员）_\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(people.rows[0][0]).toBe('人员列表（人员类别：普查员）');
  expect(people.rows[2]).toEqual(expect.arrayContaining(['人员编号', '姓名', '人员类别', '乡镇（街道）', '状态']));
  const name = people.rows[2].indexOf('姓名');
  const town = people.rows[2].indexOf('乡镇（街道）');
  expect(
    people.rows
      .slice(3)
      .map((r) => r[name])
      .sort(),
  ).toEqual(['张批一', '张批三', '张批二'].sort());
  expect(people.rows[3][town]).toBe('相如镇');
  // Masked as in the list.
  const id = people.rows[2].indexOf('公民身份号码');
  expect(String(people.rows[3][id])).toContain('*');

  await nav(page, 'regions');
  await listReady(page, 'township-list');
  const towns = await read();
  expect(towns.rows[0][0]).toMatch(/^乡镇/);
  const row = towns.rows.find((r) => r.includes('相如镇'))!;
  // A column keyed `villages` that shows villageCount: the count, not an empty cell.
  expect(row[towns.rows[2].indexOf('村（社区）')]).toBe(0);
  await overlaysGone(page);
});
