// Rows hidden in Excel (issue 13): the import screen lists them and leaves them out, and
// 包含隐藏行 checks and imports them too. A roster of three people with the second one's row hidden.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { idCheckChar } from '../../core/validate/idNumber';
import { test, expect } from './fixtures';
import { firstRun, nav, OFFICE, shot } from './ui';

const id = (birth: string, seq: string) => {
  const first17 = `511323${birth}${seq}`;
  return first17 + idCheckChar(first17);
};

/** 姓名/人员类别/公民身份号码, sheet row 3 (王五) hidden. */
function rosterWithHiddenRow(): string {
  const rows = [
    ['姓名', '人员类别', '公民身份号码'],
    ['张三', '普查员', id('19800101', '123')],
    ['王五', '普查员', id('19820202', '234')],
    ['李四', '普查员', id('19850303', '345')],
  ];
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!rows'] = rows.map((_, i) => (i === 2 ? { hidden: true } : {}));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  const file = join(mkdtempSync(join(tmpdir(), 'censusdesk-hidden-')), '花名册（含隐藏行）.xlsx');
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

test('a hidden row is listed and skipped, and imported once 包含隐藏行 is ticked', async ({ page, server }) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  await nav(page, 'people');
  await page.getByTestId('people-import').click();
  await page.getByTestId('import-file').setInputFiles(rosterWithHiddenRow());

  const counts = page.getByTestId('import-counts');
  const hidden = page.getByTestId('import-hidden-rows');
  const box = hidden.getByRole('checkbox', { name: '包含隐藏行' });

  await test.step('listed and skipped', async () => {
    await expect(counts).toHaveAttribute('data-new', '2');
    await expect(hidden).toHaveAttribute('data-included', 'false');
    await expect(page.getByTestId('import-hidden-text')).toHaveText(
      '已略过 Excel 中隐藏的 1 行（第 3 行），不检查也不导入',
    );
    await expect(box).not.toBeChecked();
    await shot(page, 'import-hidden-01-skipped');
  });

  await test.step('ticked: checked and imported', async () => {
    await box.check();
    await expect(hidden).toHaveAttribute('data-included', 'true');
    await expect(counts).toHaveAttribute('data-new', '3');
    await expect(page.getByTestId('import-hidden-text')).toHaveText(
      'Excel 中隐藏的 1 行（第 3 行）已包含，一并检查和导入',
    );
    await expect(box).toBeChecked();
    await shot(page, 'import-hidden-02-included');
  });

  await test.step('unticked again: left out again', async () => {
    await box.uncheck();
    await expect(hidden).toHaveAttribute('data-included', 'false');
    await expect(counts).toHaveAttribute('data-new', '2');
  });
});
