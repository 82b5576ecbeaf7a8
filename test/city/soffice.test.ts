// The city report (汇总报表, R2 of a 市 office) printed by LibreOffice, as a city clerk without
// Excel would print it: every page A4 landscape, 第 N 页 共 M 页 on each, the sheet titles in
// Chinese, no figure too wide for its column (LibreOffice, like Excel, prints ### then), the
// missing county named, text no smaller than 8 pt. Page images are written for a look by eye
// (test-results/city-soffice/*.png). Skips itself, saying why, where soffice or poppler is absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestBackend } from '../helpers/backend';
import { hasTool, isA4, pageText, pdfInfo } from '../reports/pdfTools';
import { textSizes } from '../reports/pdfFonts';
import { cityBatch } from './generate';
import { exportCityReport, filledNanchong } from './office';
import { PERIOD } from './units';

const ready = hasTool('soffice') && hasTool('pdfinfo') && hasTool('pdftotext') && hasTool('pdftoppm');
if (!ready)
  console.log('跳过汇总报表的 LibreOffice 打印检查：未安装 soffice 或 poppler-utils（pdfinfo/pdftotext/pdftoppm）');

const SHOTS = join(process.cwd(), 'test-results/city-soffice');
let b: TestBackend;
let dir: string;
let pdf: string;
let pages: string[];

beforeAll(async () => {
  if (!ready) return;
  const batch = await cityBatch();
  ({ b } = await filledNanchong(batch));
  const report = await exportCityReport(b, PERIOD, 'official', '2018-11-10T10:00:00+08:00');
  dir = mkdtempSync(join(tmpdir(), 'city-soffice-'));
  writeFileSync(join(dir, 'city.xlsx'), report.bytes);
  // A profile of its own: two soffice runs sharing one would refuse each other.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      join(dir, 'city.xlsx'),
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  pdf = join(dir, 'city.pdf');
  const { pages: n } = pdfInfo(pdf);
  pages = Array.from({ length: n }, (_, i) => pageText(pdf, i + 1));
  mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SHOTS, 'city')], { timeout: 120_000 });
}, 900_000);
afterAll(() => {
  b?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!ready)('the city report printed by LibreOffice', () => {
  it('is A4 landscape, every page numbered 第N页共M页', () => {
    const info = pdfInfo(pdf);
    expect(isA4(info.width, info.height)).toBe(true);
    expect(info.width).toBeGreaterThan(info.height);
    for (const [i, text] of pages.entries()) expect(text, `第${i + 1}页`).toContain(`第${i + 1}页共${pages.length}页`);
  });

  it('prints every sheet’s title, and names the county that has not reported', () => {
    const all = pages.join('');
    for (const title of [
      '工作进度月报',
      '工作进度调度表',
      '两员情况',
      '经费情况',
      '培训情况',
      '第三方合同履约情况',
      '各单位工作情况',
      '汇总单位及版本',
    ])
      expect(all, title).toContain(`南充市第二次全国污染源普查${title}`);
    expect(all).toContain('未报：龙蟠县');
  });

  it('shows no cell as ### (every figure fits its column)', () => {
    for (const [i, text] of pages.entries()) expect(text, `第${i + 1}页`).not.toMatch(/###/);
  });

  it('prints no text under 8 pt', () => {
    const sizes = textSizes(pdf);
    expect(Math.min(...sizes.keys())).toBeGreaterThanOrEqual(7.95);
  });
});
