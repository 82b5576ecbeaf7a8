// The print views rendered by Chromium (what page.pdf, printToPDF and the browser's print share):
// A4, the page count the layout predicts for the demo's 60-line pay sheet, no table row split
// across pages, the header row and 第 N 页 共 M 页 on every page, Chinese text in the PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoBackend } from './helpers';
import type { TestBackend } from '../helpers/backend';
import { renderContractSheet, renderPaySheet, renderSignInSheet } from '../../renderer/print';
import { TRACKING_LAYOUT } from '../../core/reports/tracking';
import { PRINT_MARGINS_MM } from '../../core/print/pageMargins';
import type { TableDoc } from '../../core/reports/doc';
import { hasTool, isA4, pageText, pdfInfo } from './pdfTools';
import { textSizes } from './pdfFonts';

/** The smallest text size in a printed PDF, leaving out the 3 pt row markers this test adds. */
const smallest = (path: string) => Math.min(...[...textSizes(path).keys()].filter((size) => size !== 3));

const poppler = hasTool('pdfinfo') && hasTool('pdftotext') && hasTool('chromium');
if (!poppler) console.log('跳过打印视图的 PDF 检查：未安装 chromium 或 poppler-utils（pdfinfo/pdftotext）');

let b: TestBackend;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!poppler) return;
  b = await demoBackend();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  dir = mkdtempSync(join(tmpdir(), 'print-'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  b?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const MM = 96 / 25.4;

/**
 * Pages the layout needs, from the heights Chromium gives the elements at the printed width: the
 * title block, then rows that never split, with the header row repeated on every page, then the
 * footer block.
 */
async function expectedPages(page: Page, orientation: 'landscape' | 'portrait'): Promise<number> {
  const [w, h] = orientation === 'landscape' ? [297, 210] : [210, 297];
  const m = PRINT_MARGINS_MM;
  await page.setViewportSize({ width: Math.floor((w - m.left - m.right) * MM), height: 800 });
  await page.emulateMedia({ media: 'print' });
  const sizes = await page.evaluate(() => {
    const height = (el: Element | null) => (el ? el.getBoundingClientRect().height : 0);
    const table = document.querySelector('table.sheet')!;
    const top = table.getBoundingClientRect().top - document.body.getBoundingClientRect().top;
    const after = [...document.querySelectorAll('.notes, .footer')].map((el) => {
      const style = getComputedStyle(el);
      return height(el) + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    });
    return {
      top,
      head: height(table.querySelector('thead')),
      rows: [...table.querySelectorAll('tbody tr')].map(height),
      after: after.reduce((a, b) => a + b, 0),
    };
  });
  const usable = (h - m.top - m.bottom) * MM;
  let pages = 1;
  let used = sizes.top + sizes.head;
  for (const row of sizes.rows) {
    if (used + row > usable + 0.5) {
      pages++;
      used = sizes.head;
    }
    used += row;
  }
  if (used + sizes.after > usable + 0.5) pages++;
  return pages;
}

/**
 * White markers at the top and bottom edge of every body row: a split row puts them on two pages.
 * Each row also gets three lines in its last cell, so a row could split between lines at all (a
 * single-line row is never split, whatever the CSS says).
 */
async function markRows(page: Page) {
  await page.evaluate(() => {
    document.querySelectorAll('table.sheet tbody tr').forEach((tr, i) => {
      const last = tr.querySelector('td:last-child') as HTMLElement;
      last.insertAdjacentHTML('beforeend', '<br>\u3000<br>\u3000');
      for (const [edge, mark] of [
        ['top', 'A'],
        ['bottom', 'Z'],
      ] as const) {
        const td = tr.querySelector(edge === 'top' ? 'td' : 'td:last-child') as HTMLElement;
        td.style.position = 'relative';
        const span = document.createElement('span');
        span.textContent = `MK${i + 1}${mark}`;
        span.style.cssText = `position:absolute;${edge}:0;left:0;font-size:3pt;line-height:1;color:#fff`;
        td.appendChild(span);
      }
    });
  });
}

async function printPdf(html: string, name: string, prepare?: (page: Page) => Promise<void>) {
  const page = await browser.newPage();
  await page.setContent(html);
  await prepare?.(page);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return { page, path };
}

/** For each marked row, the pages its top and bottom markers are on. */
function markerPages(path: string, pages: number, rows: number) {
  const found = new Map<string, number[]>();
  for (let p = 1; p <= pages; p++) {
    for (const m of pageText(path, p).matchAll(/MK(\d+)([AZ])/g)) found.set(m[0], [...(found.get(m[0]) ?? []), p]);
  }
  return Array.from({ length: rows }, (_, i) => ({
    top: found.get(`MK${i + 1}A`) ?? [],
    bottom: found.get(`MK${i + 1}Z`) ?? [],
  }));
}

describe.skipIf(!poppler)('print views in Chromium', () => {
  it('prints the 60-line pay sheet on the predicted number of A4 landscape pages, no row split, header and page numbers on each', async () => {
    const doc = (await b.ok('print.paySheet', { payRunId: 1 })) as TableDoc;
    expect(doc.rows.filter((r) => r.kind === 'item')).toHaveLength(60);
    const { page, path } = await printPdf(renderPaySheet(doc), 'pay', markRows);
    const expected = await expectedPages(page, 'landscape');
    const info = pdfInfo(path);
    expect(isA4(info.width, info.height) && info.width > info.height).toBe(true);
    expect(expected).toBeGreaterThanOrEqual(2);
    expect(info.pages).toBe(expected);
    const rows = markerPages(path, info.pages, doc.rows.length);
    for (const [i, r] of rows.entries()) {
      expect(r.top, `第${i + 1}行`).toHaveLength(1);
      expect(r.bottom, `第${i + 1}行`).toEqual(r.top);
    }
    for (let p = 1; p <= info.pages; p++) {
      const text = pageText(path, p);
      expect(text).toContain(`第${p}页共${info.pages}页`);
      expect(text).toContain('领款人签字');
    }
    const first = pageText(path, 1);
    expect(first).toContain(doc.title.replace(/\s+/g, ''));
    expect(first).toContain('公民身份号码');
    expect(pageText(path, info.pages)).toContain('人民币（大写）');
    // Print CSS sizes are never scaled down to fit: nothing under 8 pt (docs/printing.md).
    expect(smallest(path)).toBeGreaterThanOrEqual(8);
    await page.close();
  });

  it('the split check fails when rows are allowed to break (so it can catch a real split)', async () => {
    const doc = (await b.ok('print.paySheet', { payRunId: 1 })) as TableDoc;
    const loose = renderPaySheet(doc).replace(
      '</style>',
      'table.sheet tr { break-inside: auto !important; page-break-inside: auto !important; }</style>',
    );
    const { page, path } = await printPdf(loose, 'pay-loose', markRows);
    const rows = markerPages(path, pdfInfo(path).pages, doc.rows.length);
    expect(rows.some((r) => r.top.join() !== r.bottom.join())).toBe(true);
    await page.close();
  });

  it('prints the sign-in sheet and the contract tracking sheet on A4 portrait with Chinese text', async () => {
    const signIn = (await b.ok('print.signInSheet', { sessionId: 1 })) as TableDoc;
    const s = await printPdf(renderSignInSheet(signIn), 'sign-in', markRows);
    const si = pdfInfo(s.path);
    expect(isA4(si.width, si.height) && si.height > si.width).toBe(true);
    expect(si.pages).toBe(await expectedPages(s.page, 'portrait'));
    for (const r of markerPages(s.path, si.pages, signIn.rows.length)) expect(r.bottom).toEqual(r.top);
    expect(pageText(s.path, si.pages)).toContain('签名');
    expect(smallest(s.path)).toBeGreaterThanOrEqual(8);

    const tracking = await b.ok('print.contractSheet', { contractId: 1 });
    const t = await printPdf(renderContractSheet(tracking), 'tracking');
    const ti = pdfInfo(t.path);
    expect(isA4(ti.width, ti.height) && ti.height > ti.width).toBe(true);
    expect(ti.pages).toBe(1);
    expect(smallest(t.path)).toBeGreaterThanOrEqual(8);
    const text = pageText(t.path, 1);
    for (const word of [
      '第三方服务合同履约跟踪表',
      '合同金额（大写）',
      '肆拾贰万元整',
      '验收组成员签字',
      '污普办负责人',
      '第1页共1页',
    ])
      expect(text).toContain(word);
    await s.page.close();
    await t.page.close();
  });

  it('keeps every amount of the 合同跟踪表 inside its cell, 合计 row included, even in the ten millions', async () => {
    const tracking = await b.ok('print.contractSheet', { contractId: 1 });
    const money = TRACKING_LAYOUT.columns.flatMap((c, i) => (c.kind === 'money' ? [i] : []));
    // The sheet: 合计 1,280,000.00 beside 384,000.00 ran into one another.
    const big = {
      ...tracking,
      nodes: tracking.nodes.map((row) => ({
        ...row,
        cells: row.cells.map((v, i) => (money.includes(i) ? (row.kind === 'total' ? 12_800_000 : 3_840_000) : v)),
      })),
    };
    // Laid out as printed: A4 portrait between the margins.
    const width = Math.floor((210 - PRINT_MARGINS_MM.left - PRINT_MARGINS_MM.right) * MM);
    const page = await browser.newPage({ viewport: { width, height: 1100 } });
    await page.setContent(renderContractSheet(big));
    await page.emulateMedia({ media: 'print' });
    // A cell's text measured against the cell's box inside its padding (a nowrap text spills out of
    // a fixed table's cell into its neighbour's).
    const spilled = await page.evaluate(() =>
      [...document.querySelectorAll('table.sheet td')]
        .filter((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          const text = range.getBoundingClientRect();
          const box = td.getBoundingClientRect();
          const style = getComputedStyle(td);
          const left = box.left + parseFloat(style.paddingLeft);
          const right = box.right - parseFloat(style.paddingRight);
          return td.textContent !== '' && (text.left < left - 0.5 || text.right > right + 0.5);
        })
        .map((td) => td.textContent),
    );
    expect(spilled).toEqual([]);
    const total = await page.evaluate(() => document.querySelector('tr.total')?.textContent ?? '');
    expect(total.replace(/\s/g, '')).toContain('12,800,000.00');
    await page.close();
  });
});
