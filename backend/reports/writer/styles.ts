// Cell styles of the common frame (reports.md): 黑体 16 title, bold 宋体 headers, 宋体 10 body,
// thin borders, number formats by column kind. Each style is one shared object, so exceljs
// resolves it once per workbook instead of once per cell (20k-row rosters).
import type { Alignment, Borders, Font, Style } from 'exceljs';
import type { ColumnKind } from '../../../core/reports/layout';
import type { MoneyUnit, RowKind } from '../../../core/reports/doc';
import { numberFormat } from '../../../core/reports/format';

const thin = { style: 'thin' as const };
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const font = (size: number, extra: Partial<Font> = {}): Partial<Font> => ({ name: '宋体', size, ...extra });

export const TITLE_STYLE: Partial<Style> = {
  font: { name: '黑体', size: 16 },
  alignment: { horizontal: 'center', vertical: 'middle' },
};

const unitAlign = (horizontal: Alignment['horizontal']): Partial<Style> => ({
  font: font(10),
  alignment: { horizontal, vertical: 'bottom', wrapText: true },
});
export const UNIT_STYLES = { left: unitAlign('left'), centre: unitAlign('center'), right: unitAlign('right') };

export const HEADER_STYLE: Partial<Style> = {
  font: font(10, { bold: true }),
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: BORDER,
};
// 甲乙丙/1 2 3 and 说明 at the body's 10pt: a sheet fitted to the page shrinks everything alike,
// and these must stay legible too (docs/printing.md).
export const CODE_STYLE: Partial<Style> = {
  font: font(10),
  alignment: { horizontal: 'center', vertical: 'middle' },
  border: BORDER,
};
export const NOTE_STYLE: Partial<Style> = {
  font: font(10),
  alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
};
export const FOOTER_STYLE: Partial<Style> = { font: font(10), alignment: { horizontal: 'left', vertical: 'middle' } };
export const LABEL_STYLE: Partial<Style> = {
  font: font(10, { bold: true }),
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: BORDER,
};
export const VALUE_STYLE: Partial<Style> = {
  font: font(10),
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  border: BORDER,
  numFmt: '@',
};

const horizontalFor = (kind: ColumnKind): Alignment['horizontal'] => {
  if (kind === 'seq' || kind === 'code' || kind === 'date' || kind === 'mark') return 'center';
  return kind === 'text' ? 'left' : 'right';
};

/** Body styles, one object per (kind, unit, bold): totals and categories are bold. */
const bodyCache = new Map<string, Partial<Style>>();
export function bodyStyle(kind: ColumnKind, unit: MoneyUnit, row: RowKind): Partial<Style> {
  const bold = row === 'total' || row === 'cumulative' || row === 'category';
  const key = `${kind}|${unit}|${bold}`;
  let style = bodyCache.get(key);
  if (!style) {
    style = {
      font: font(10, bold ? { bold: true } : {}),
      alignment: { horizontal: horizontalFor(kind), vertical: 'middle', wrapText: kind === 'text' },
      border: BORDER,
      numFmt: numberFormat(kind, unit),
    };
    bodyCache.set(key, style);
  }
  return style;
}

/** A merged 大写 cell in a 合计 row, or a 合计 label over text columns. */
export const SPAN_STYLE: Partial<Style> = {
  font: font(10, { bold: true }),
  alignment: { horizontal: 'left', vertical: 'middle' },
  border: BORDER,
  numFmt: '@',
};

/** Rows of wrapped text: height in points for `lines` lines of 10pt text. */
export const heightFor = (lines: number, min = 18) => Math.max(min, lines * 13.5 + 4);

/**
 * How many lines `text` takes in a cell `width` characters wide: a width counts the default
 * font's digits, and at 10pt a CJK character is about 1.75 of them, a digit or letter 0.9
 * (measured against LibreOffice's rendering of 宋体).
 */
export function linesFor(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => {
    let units = 0;
    for (const ch of line) units += ch.charCodeAt(0) > 0x2e80 ? 1.75 : 0.9;
    return n + Math.max(1, Math.ceil(units / Math.max(1, width - 0.6)));
  }, 0);
}
