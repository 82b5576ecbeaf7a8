// The 登记表 printed by Chromium (what page.pdf, printToPDF and the browser's print share), for a
// demo 普查员 with their training record: one A4 portrait page, Chinese text in the PDF, 第 1 页
// 共 1 页, and no text under 8 pt (docs/printing.md's rule for every printout).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoBackend, nowCtx } from '../reports/helpers';
import type { TestBackend } from '../helpers/backend';
import { renderRegistrationSheet } from '../../renderer/print';
import type { RegistrationDoc } from '../../core/reports/registration';
import { hasTool, isA4, pageText, pdfInfo } from '../reports/pdfTools';
import { textSizes } from '../reports/pdfFonts';

const tools = hasTool('pdfinfo') && hasTool('pdftotext') && hasTool('chromium');
if (!tools) console.log('跳过登记表的 PDF 检查：未安装 chromium 或 poppler-utils（pdfinfo/pdftotext）');

let b: TestBackend;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!tools) return;
  b = await demoBackend();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  dir = mkdtempSync(join(tmpdir(), 'print-reg-'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  b?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!tools)('the 登记表 in Chromium', () => {
  it('is one legible A4 portrait page for a demo 普查员 with training', async () => {
    const trained = b.db
      .prepare(
        `SELECT a.person_id FROM training_attendance a JOIN person_roles r ON r.person_id = a.person_id AND r.role = '普查员'
         WHERE a.person_id IS NOT NULL GROUP BY a.person_id ORDER BY count(*) DESC, a.person_id LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const r = await b.dispatch('print.registrationForm', { personId: trained }, nowCtx);
    if (!r.ok) throw new Error(r.error.message);
    const doc = r.data as RegistrationDoc;
    expect(doc.trainings.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.setContent(renderRegistrationSheet(doc));
    const path = join(dir, 'registration.pdf');
    writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();
    const info = pdfInfo(path);
    expect(isA4(info.width, info.height) && info.height > info.width).toBe(true);
    expect(info.pages).toBe(1);
    const text = pageText(path, 1);
    expect(text).toContain('普查人员登记表');
    expect(text).toContain(doc.fields.name);
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
    expect(Math.min(...textSizes(path).keys())).toBeGreaterThanOrEqual(8);
  });
});
