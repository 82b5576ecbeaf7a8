// Print CSS for A4. Page numbers use @page margin boxes (第 N 页 共 M 页), which Chromium renders
// both in page.pdf / printToPDF and in the browser's own print (checked in test/reports/print).
// Table rows never split across pages; the header row repeats through <thead>. Fonts are the
// ones Windows ships (宋体, 黑体), then the free CJK fonts of other systems — never a commercial one.

const SERIF = `"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "WenQuanYi Zen Hei", serif`;
const SANS = `"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif`;

import { PRINT_MARGINS_MM } from '../../core/print/pageMargins';

export function printCss(orientation: 'landscape' | 'portrait'): string {
  const m = PRINT_MARGINS_MM;
  return `
@page {
  size: A4 ${orientation};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 9pt ${SERIF}; }
}
html, body { margin: 0; padding: 0; color: #000; background: #fff; }
body { font-family: ${SERIF}; font-size: 10pt; line-height: 1.35; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-family: ${SANS}; font-weight: normal; font-size: 16pt; text-align: center; margin: 0 0 3mm; }
.unit-line { display: flex; justify-content: space-between; align-items: flex-end; gap: 4mm; margin: 0 0 1.5mm; font-size: 9.5pt; }
.unit-line .centre { flex: 1; text-align: center; }
.unit-line .right { text-align: right; }
table.sheet { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.sheet th, table.sheet td { border: 0.75pt solid #000; padding: 0.8mm 1.2mm; vertical-align: middle; overflow-wrap: anywhere; }
table.sheet th { font-weight: bold; text-align: center; }
table.sheet thead { display: table-header-group; }
table.sheet tr { break-inside: avoid; page-break-inside: avoid; }
table.sheet td.seq, table.sheet td.code, table.sheet td.date, table.sheet td.mark { text-align: center; }
table.sheet td.int, table.sheet td.number, table.sheet td.money, table.sheet td.rate { text-align: right; white-space: nowrap; }
table.sheet td.date { white-space: nowrap; }
/* An amount wider than its column breaks inside its cell rather than running into the next one. */
table.sheet.wrap-amounts td.money { white-space: normal; }
table.sheet.compact { font-size: 9pt; }
table.sheet.compact th, table.sheet.compact td { padding: 0.8mm 0.8mm; }
table.sheet tr.total td, table.sheet tr.cumulative td, table.sheet tr.category td { font-weight: bold; }
table.sheet td.span { text-align: left; }
table.grid td.label { font-weight: bold; text-align: center; }
/* Tables of one form stacked without a doubled border between them. */
table.sheet.joined { margin-top: -0.75pt; }
.notes { margin: 1.5mm 0 0; font-size: 9pt; }
.notes p { margin: 0; }
.footer { margin-top: 5mm; font-size: 10pt; white-space: pre-wrap; break-inside: avoid; }
@media screen {
  body { background: #e8e8e8; }
  .page { background: #fff; margin: 8mm auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; width: ${(orientation === 'landscape' ? 297 : 210) - m.left - m.right}mm; box-shadow: 0 0 3mm rgba(0, 0, 0, 0.2); }
}
`;
}
