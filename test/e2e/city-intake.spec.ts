// Issue #16 end to end, in Chromium at 1366×768: a city office (南充市普查办) is set up at the
// first-run wizard, its twenty counties' October reports — two zips (GBK and UTF-8 names) and
// loose files, as WeChat and e-mail deliver them, made by the county app itself (test/city) — are
// dropped on 收取报表 at once; the summary says what became of each, the hand-edited one is
// accepted with a note; 报送台账 shows who sent what and who to chase; 汇总报表 is sent officially
// and the downloaded workbook's 合计 are the sums of the counties' own files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { PROJECT_ROOT } from './server';
import { saveRecoveryCode } from './recovery';
import { fill, nav, overlaysGone, pageApi, shot } from './ui';
import type { CityBatch } from '../city/generate';
import { readCounty } from '../city/read';
import { expectedTotals, pickLabels, tableRows } from '../city/sums';
import { CITY, COUNTIES, PERIOD_TEXT } from '../city/units';

test.use({ viewport: { width: 1366, height: 768 } });

let files: string;
let batch: CityBatch;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  // The county files, made by the county app in a process of its own (cheap password hashes as in
  // the unit tests); one folder per test run, shared with any other spec of the run.
  files = join(tmpdir(), `censusdesk-city-${process.ppid}-e2e`);
  execFileSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['test/city/generate.ts', files], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'test', CENSUSDESK_TEST_SCRYPT_N: String(1 << 10) },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 600_000,
  });
  const made = JSON.parse(readFileSync(join(files, 'batch', 'batch.json'), 'utf8')) as CityBatch;
  const at = (p: string) => join(files, 'batch', p);
  batch = {
    ...made,
    sends: made.sends.map((s) => ({ ...s, path: at(s.path) })),
    filed: Object.fromEntries(Object.entries(made.filed).map(([k, p]) => [k, at(p)])),
  };
  dir = mkdtempSync(join(tmpdir(), 'city-e2e-'));
});
test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The file a click downloads; a refusal the page shows instead (`errorTestId`) fails with its words. */
async function download(page: Page, click: () => Promise<void>, errorTestId?: string): Promise<Buffer> {
  const done = page.waitForEvent('download', { timeout: 120_000 });
  await click();
  const refused = errorTestId
    ? page
        .getByTestId(errorTestId)
        .waitFor({ timeout: 120_000 })
        .then(async () => {
          throw new Error(await page.getByTestId(errorTestId).innerText());
        })
    : new Promise<never>(() => undefined);
  const file = (await Promise.race([done, refused])) as Download;
  const path = join(dir, file.suggestedFilename());
  writeFileSync(path, readFileSync(await file.path()));
  return readFileSync(path);
}

/** Types a month into a MonthInput, as the clerk would. */
async function month(page: Page, testId: string, text: string) {
  const input = page.getByTestId(testId);
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue(text);
}

const missing = COUNTIES.find((c) => c.code === '511341')!;

test('a city office takes in twenty counties at once, keeps the ledger and sends the city report', async ({
  page,
  server,
}) => {
  await test.step('first run: 市普查办 南充市, its counties from the division dataset', async () => {
    await page.goto(server.url);
    await expect(page.getByTestId('setup-wizard')).toBeVisible();
    await page.getByTestId('setup-wizard').getByText('市普查办', { exact: true }).click();
    await fill(page, 'setup-office-countyName', CITY.name);
    await fill(page, 'setup-office-countyCode', CITY.officeCode);
    await fill(page, 'setup-office-unitName', `${CITY.name}第二次全国污染源普查领导小组办公室`);
    await fill(page, 'setup-office-headName', '何志刚');
    await fill(page, 'setup-office-statsHeadName', '唐丽华');
    await fill(page, 'setup-office-preparerName', '罗晓梅');
    await fill(page, 'setup-office-phone', '0817-2221234');
    await page.getByTestId('setup-next').click();
    // 南充's nine real counties are filled in from the dataset.
    for (const c of COUNTIES.slice(0, 9)) await expect(page.locator(`input[value="${c.code}"]`)).toHaveCount(1);
    await shot(page, 'city-01-units');
    await page.getByTestId('setup-next').click();
    await fill(page, 'setup-admin-name', 'admin');
    await fill(page, 'setup-admin-password', 'census2018');
    await fill(page, 'setup-admin-confirm', 'census2018');
    await page.getByTestId('setup-next').click();
    await saveRecoveryCode(page);
    await expect(page.getByTestId('city-home')).toBeVisible();
    // The eleven fictional counties of the test data, added off-screen as 系统设置 → 下级单位 would.
    await pageApi(page, 'unit.save', { units: COUNTIES.map((c) => ({ code: c.code, name: c.name })) });
  });

  await test.step('drop the two zips and the loose files on 收取报表 at once', async () => {
    await nav(page, 'intake');
    const payload = batch.sends.map((s) => ({ name: s.name, b64: readFileSync(s.path).toString('base64') }));
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (ch) => ch.charCodeAt(0))], f.name));
      return dt;
    }, payload);
    await page.getByTestId('intake-drop').dispatchEvent('drop', { dataTransfer });
    await expect(page.getByTestId('intake-progress')).toContainText(`已处理 ${batch.sends.length} 个文件`, {
      timeout: 120_000,
    });
    const count = (o: string) => batch.expected.filter((e) => e.outcome === o).length;
    const counts = page.getByTestId('intake-counts');
    for (const o of ['新收', '新版本', '重复', '拒收']) await expect(counts).toContainText(`${o} ${count(o)}`);
    await expect(page.getByTestId('intake-outcome')).toHaveCount(batch.expected.length);
    // The zip's GBK names read as Chinese; the note in it is listed as not taken in.
    const results = page.getByTestId('intake-results');
    await expect(results).toContainText(`10月报表/${COUNTIES[0].name}_工作进度月报_2018年10月_v1.xlsx`);
    await expect(page.getByText('10月报表/说明.txt')).toBeVisible();
    await shot(page, 'city-02-intake');
  });

  await test.step('accept the hand-edited file with a note', async () => {
    await page.getByTestId('intake-accept').click();
    await page.getByTestId('accept-note').fill('县里电话确认：02行名录库底册数补录1个，以此为准');
    await page.locator('.ant-modal').getByRole('button', { name: '接收' }).click();
    await overlaysGone(page);
    await expect(page.getByTestId('intake-counts')).toContainText('附说明接收 1');
    await expect(page.getByTestId('intake-accept')).toHaveCount(0);
    // A new version's row says once which version it replaced.
    const replaced = (await page.getByTestId('intake-results').innerText()).split('替换第1版').length - 1;
    expect(replaced).toBe(1);
  });

  await test.step('收取记录: every file taken in is still listed after leaving the page', async () => {
    await nav(page, 'ledger');
    await nav(page, 'intake');
    const history = page.getByTestId('intake-history');
    await expect(history).toContainText(`共 ${batch.expected.length} 个文件`);
    await page.getByTestId('intake-history-outcome').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '附说明接收' }).click();
    await expect(history).toContainText('共 1 个文件');
    await expect(history).toContainText('接收说明：县里电话确认');
    await shot(page, 'city-02b-intake-history');
  });

  await test.step('报送台账: who sent which version, who sent only a draft, the 催报 message, the export', async () => {
    await nav(page, 'ledger');
    await month(page, 'ledger-from', PERIOD_TEXT);
    await month(page, 'ledger-to', PERIOD_TEXT);
    const cell = (code: string) => page.getByTestId(`ledger-cell-${code}-2018-10`);
    await expect(cell(missing.code)).toHaveAttribute('data-state', '仅草稿');
    await expect(cell(batch.correctedUnit)).toContainText('v2');
    await expect(cell(batch.editedUnit)).toContainText('附说明');
    // Received years after its deadline (the server's clock is today's): every filed one is late.
    await expect(page.getByTestId('ledger-counts')).toContainText('逾期报送 19');
    await month(page, 'reminders-period', PERIOD_TEXT);
    await expect(page.getByTestId('reminders-text')).toContainText(missing.name);
    await shot(page, 'city-03-ledger');
    const xlsx = await download(page, () => page.getByTestId('ledger-export').click());
    const wb = XLSX.read(xlsx, { type: 'buffer' });
    const text = wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n])).join('\n');
    for (const c of COUNTIES) expect(text, c.name).toContain(c.name);
  });

  await test.step('汇总报表: preview, send officially, and the workbook’s 合计 are the counties’ sums', async () => {
    await nav(page, 'cityreport');
    await month(page, 'city-period', PERIOD_TEXT);
    const summary = page.getByTestId('city-preview-summary');
    await expect(summary).toContainText('已报 19 个');
    await expect(summary).toContainText(`未报：${missing.name}`);
    await expect(page.getByTestId('report-export-official')).toBeEnabled();
    await shot(page, 'city-04-report');
    const xlsx = await download(page, () => page.getByTestId('report-export-official').click(), 'city-export-error');
    await expect(page.getByTestId('city-history')).toContainText('第1版');
    const wb = XLSX.read(xlsx, { type: 'buffer' });
    const grid = (name: string) =>
      XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: true, defval: null, blankrows: true }) as (
        string | number | null
      )[][];
    const want = expectedTotals(Object.values(batch.filed).map((p) => readCounty(readFileSync(p))));
    const total = (name: string) => tableRows(grid(name)).find((r) => r['单位名称'] === '合计');
    expect(pickLabels(total('两员情况'), want.staff)).toEqual(want.staff);
    expect(pickLabels(total('经费情况'), want.budget)).toEqual(want.budget);
    const progress = tableRows(grid('进度调度表'), '普查对象类别').find(
      (r) => r['代码'] === '01' && r['单位名称'] === '合计',
    );
    expect(pickLabels(progress, want.progress['01'])).toEqual(want.progress['01']);
    expect(grid('两员情况').slice(0, 3).flat().join(' ')).toContain(`未报：${missing.name}`);
  });
});
