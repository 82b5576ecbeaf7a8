// Every report converted by LibreOffice (the free office suite a city office may use, and a
// stand-in for Excel's print): A4 in the right orientation, 第 N 页 共 M 页 on every page, the
// header rows repeated on page 2 of a long roster, Chinese text in the PDF. Skips itself, saying
// why, where soffice is not installed (CI installs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestBackend } from '../helpers/backend';
import type { InputOf } from '../../core/api';
import { demoBackend, exportReport } from './helpers';
import { hasTool, isA4, pageText, pdfInfo } from './pdfTools';
import { textSizes } from './pdfFonts';

const ready = hasTool('soffice') && hasTool('pdfinfo') && hasTool('pdftotext');
if (!ready) console.log('跳过 LibreOffice 转换检查：未安装 soffice 或 poppler-utils（pdfinfo/pdftotext）');

const REPORTS: [string, InputOf<'report.export'>, 'landscape' | 'portrait', string][] = [
  ['R1', { reportId: 'R1' }, 'landscape', '人员花名册'],
  ['R2', { reportId: 'R2', period: '2018-10' }, 'landscape', '工作进度月报'],
  ['R3', { reportId: 'R3' }, 'landscape', '经费预算及执行情况表'],
  ['R4', { reportId: 'R4' }, 'landscape', '培训情况统计表'],
  ['R4-signin', { reportId: 'R4-signin', sessionId: 1 }, 'portrait', '签到表'],
  ['R5', { reportId: 'R5' }, 'landscape', '第三方合同履约情况汇总表'],
  ['R5-tracking', { reportId: 'R5-tracking', contractId: 1 }, 'portrait', '合同履约跟踪表'],
  ['R6', { reportId: 'R6', payRunId: 1 }, 'landscape', '劳务报酬发放表'],
];

let b: TestBackend;
let dir: string;

beforeAll(async () => {
  if (!ready) return;
  b = await demoBackend();
  dir = mkdtempSync(join(tmpdir(), 'soffice-'));
  for (const [name, input] of REPORTS) writeFileSync(join(dir, `${name}.xlsx`), (await exportReport(b, input)).bytes);
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
      ...REPORTS.map(([n]) => join(dir, `${n}.xlsx`)),
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
}, 180_000);
afterAll(() => {
  b?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!ready)('reports printed by LibreOffice', () => {
  it.each(REPORTS)('%s: A4, numbered pages, its title in Chinese', (name, _input, orientation, title) => {
    const pdf = join(dir, `${name}.pdf`);
    const info = pdfInfo(pdf);
    expect(isA4(info.width, info.height)).toBe(true);
    expect(info.width > info.height).toBe(orientation === 'landscape');
    expect(pageText(pdf, 1)).toContain(title);
    for (let p = 1; p <= info.pages; p++) expect(pageText(pdf, p)).toContain(`第${p}页共${info.pages}页`);
  });

  // Fitting a sheet to the page width shrinks every letter alike: the sizes in the PDF are what a
  // clerk reads. docs/printing.md has the figures and how the layouts were chosen.
  it.each(REPORTS)('%s: no text under 8 pt on the A4 page', (name) => {
    const sizes = textSizes(join(dir, `${name}.pdf`));
    expect(sizes.size).toBeGreaterThan(0);
    const smallest = Math.min(...sizes.keys());
    expect(smallest, `${name} 最小字号 ${smallest}pt`).toBeGreaterThanOrEqual(7.95);
  });

  it('prints the roster two pages wide: a row’s halves one after the other, 序号/人员编号/姓名 and the header rows on every page', () => {
    const pdf = join(dir, 'R1.pdf');
    const info = pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(4);
    expect(info.pages % 2).toBe(0);
    const [left, right, left2] = [1, 2, 3].map((p) => pageText(pdf, p));
    // The first columns are repeated on the right half; the rest of the header is split between the halves.
    for (const page of [left, right, left2])
      for (const label of ['序号', '人员编号', '姓名']) expect(page).toContain(label);
    for (const label of ['公民身份号码', '手机']) expect(left).toContain(label);
    for (const label of ['负责普查小区', '人身意外保险', '备注']) {
      expect(right).toContain(label);
      expect(left).not.toContain(label);
    }
    // Page 3 starts the next rows with the left half again: the header rows repeat, the title does not.
    expect(left2).toContain('公民身份号码');
    expect(left2).not.toContain('人员花名册');
    // Both halves of a page pair hold the same people (the first person code on each).
    const code = (text: string) => /51132310\d{3}/.exec(text)?.[0];
    expect(code(right)).toBe(code(left));
  });
});
