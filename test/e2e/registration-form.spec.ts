// The 登记表 (reports.md Printing) from the person's page: 打印登记表 prints the A4 print view from a
// hidden frame (browser mode); the document carries the person, masked 公民身份号码 and 手机, the
// training record and the signature boxes. Chromium's PDF of the same document is one A4 page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { firstRun, OFFICE, pageApi, shot, SHOTS } from './ui';
import { idCheckChar } from '../../core/validate/idNumber';

const BODY = '51132319850315012';
const ID = BODY + idCheckChar(BODY);

test('打印登记表 prints the person’s registration form on A4', async ({ page, server }) => {
  await page.goto(server.url);
  await firstRun(page, OFFICE);
  // The print dialog cannot be driven: each frame's print() hands its document to the page instead.
  await page.addInitScript(() => {
    window.print = () => {
      const top = window.parent as Window & { printed?: string[] };
      top.printed = [...(top.printed ?? []), document.documentElement.outerHTML];
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  const t = await pageApi<{ id: number }>(page, 'township.create', { code: '511323100', name: '锦屏镇' });
  const p = await pageApi<{ id: number }>(page, 'person.create', {
    name: '王小红',
    roles: ['普查员'],
    idNumber: ID,
    ethnicity: '汉族',
    politicalStatus: '共青团员',
    education: '大学专科',
    employer: '锦屏镇人民政府',
    mobile: '13981701234',
    townshipId: t.id,
    hireStart: '2018-03-01',
    hireEnd: '2018-12-31',
    bankName: '中国农业银行蓬安支行',
    bankAccount: '6228480012345678901',
    payRate: 12000,
    payBasis: '元/天',
  });
  await pageApi(page, 'district.create', {
    code: '511323100201001',
    name: '白鹤村1区',
    townshipId: t.id,
    basis: '行政村',
    enumeratorIds: [p.id],
  });
  await page.evaluate((id) => (location.hash = `#/people/${id}`), p.id);
  await expect(page.getByTestId('person-detail')).toBeVisible();
  await page.getByTestId('print-registration').click();
  await expect
    .poll(() => page.evaluate(() => (window as Window & { printed?: string[] }).printed?.length ?? 0))
    .toBe(1);
  await expect(page.locator('iframe')).toHaveCount(0);
  const html = await page.evaluate(() => (window as Window & { printed?: string[] }).printed![0]);
  expect(html).toContain('蓬安县第二次全国污染源普查普查人员登记表');
  expect(html).toContain('王小红');
  expect(html).toContain('白鹤村1区');
  expect(html).toContain(`${ID.slice(0, 4)}**********${ID.slice(-4)}`);
  expect(html).not.toContain(ID);
  expect(html).toContain('139****1234');
  expect(html).toContain('size: A4 portrait');
  await shot(page, 'registration-form-01-person');

  // A reveal role (here the 管理员) may print the numbers in full, after confirming; it is audited.
  await page.getByTestId('registration-full').click();
  await expect(page.getByTestId('full-sensitive-confirm')).toBeVisible();
  await page.getByRole('button', { name: '确认打印完整信息' }).click();
  await page.getByTestId('print-registration').click();
  await expect
    .poll(() => page.evaluate(() => (window as Window & { printed?: string[] }).printed?.length ?? 0))
    .toBe(2);
  const full = await page.evaluate(() => (window as Window & { printed?: string[] }).printed![1]);
  expect(full).toContain(ID);
  expect(full).toContain('13981701234');
  const audit = await pageApi<{ rows: { action: string }[] }>(page, 'audit.list', {});
  expect(audit.rows[0].action).toBe('exportSensitive');

  // The printed document itself, as Chromium lays it out on paper.
  const doc = await page.context().newPage();
  await doc.setContent(`<!doctype html>${html}`);
  await doc.emulateMedia({ media: 'print' });
  const pdf = await doc.pdf({ preferCSSPageSize: true });
  writeFileSync(join(SHOTS, 'registration-form.pdf'), pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
  await doc.close();
});
