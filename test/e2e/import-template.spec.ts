// 下载导入模板 (issue 13): the button beside 选择文件 downloads the kind's workbook; filled in by a
// clerk (the example row replaced by a person) and chosen again, it is recognised with no mapping
// step and imported.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { idCheckChar } from '../../core/validate/idNumber';
import { test, expect } from './fixtures';
import { firstRun, nav, OFFICE, shot } from './ui';

const first17 = '51132319800101123';
const ID = first17 + idCheckChar(first17);

test('the roster template downloads, and filled in imports with no mapping step', async ({ page, server }) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  await nav(page, 'people');
  await page.getByTestId('people-import').click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
  expect(download.suggestedFilename()).toBe('人员花名册导入模板.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toContain('填表说明');

  // The clerk types over the example row: the whole row, as the template's columns ask.
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const row = ws.getRow(2);
  header.forEach((_, i) => (row.getCell(i + 1).value = null));
  const put = (label: string, value: string) => (row.getCell(header.indexOf(label) + 1).value = value);
  put('姓名', '赵六');
  put('公民身份号码', ID);
  put('人员类别', '普查员');
  row.commit();
  const file = join(mkdtempSync(join(tmpdir(), 'censusdesk-template-')), '人员花名册导入模板.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

  await page.getByTestId('import-file').setInputFiles(file);
  const counts = page.getByTestId('import-counts');
  await expect(counts).toHaveAttribute('data-new', '1');
  await expect(counts).toHaveAttribute('data-errors', '0');
  await expect(page.getByTestId('import-mapping-source')).toHaveAttribute('data-source', 'guess');
  await shot(page, 'import-template-01-filled');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('人员花名册导入模板.xlsx');
});
