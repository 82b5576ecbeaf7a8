// No lost updates on screen (issue 13): the preview shows only 手机 changing; another operator then
// moves the person to another unit; 确认导入 is refused with PREVIEW_STALE naming the row, and
// 重新检查 shows the file would put the old unit back — only then can the clerk confirm it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { idCheckChar } from '../../core/validate/idNumber';
import { test, expect } from './fixtures';
import { firstRun, nav, OFFICE, pageCall, shot } from './ui';

const first17 = '51132319800101123';
const ID = first17 + idCheckChar(first17);

function roster(): string {
  const ws = XLSX.utils.aoa_to_sheet([
    ['姓名', '公民身份号码', '工作单位', '人员类别', '手机'],
    ['张三', ID, '县统计局', '普查员', '13800000001'],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  const file = join(mkdtempSync(join(tmpdir(), 'censusdesk-stale-')), '花名册.xlsx');
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

test('a record changed after the preview: 确认导入 refused, 重新检查 shows the change, then it imports', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  const created = await pageCall<{ id: number }>(page, 'person.create', {
    name: '张三',
    idNumber: ID,
    roles: ['普查员'],
    employer: '县统计局',
  });
  expect(created.ok).toBe(true);
  await nav(page, 'people');
  await page.getByTestId('people-import').click();
  await page.getByTestId('import-file').setInputFiles(roster());
  const counts = page.getByTestId('import-counts');
  await expect(counts).toHaveAttribute('data-update', '1');

  // Another operator moves 张三 to another unit meanwhile.
  expect((await pageCall(page, 'person.update', { id: created.data.id, employer: '县生态环境局' })).ok).toBe(true);
  await page.getByTestId('import-commit').click();
  const error = page.getByTestId('import-error');
  await expect(error).toHaveAttribute('data-code', 'PREVIEW_STALE');
  await expect(error).toContainText('预览后“工作单位”已被修改');
  await shot(page, 'import-stale-01-refused');

  await page.getByTestId('import-retry').click();
  await expect(error).toHaveCount(0);
  await expect(counts).toHaveAttribute('data-update', '1');
  await expect(page.getByText('县生态环境局').first()).toBeVisible();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  const after = await pageCall<{ employer: string; mobile: string }>(page, 'person.get', { id: created.data.id });
  expect(after.data).toMatchObject({ employer: '县统计局', mobile: '13800000001' });
});
