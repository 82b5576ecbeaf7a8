// How a cell is shown: Excel number formats for the writer, display text for the print views.
// The two agree, so a printed sheet reads like the exported one.
import type { ColumnKind } from './layout';
import type { CellValue, MoneyUnit } from './doc';

/** Excel number format per column kind. Text-like columns are "@" so IDs never become numbers. */
export function numberFormat(kind: ColumnKind, unit: MoneyUnit): string {
  switch (kind) {
    case 'seq':
      return '0';
    case 'int':
      return '#,##0';
    case 'number':
      return '#,##0.##;-#,##0.##;0';
    case 'money':
      return unit === '万元' ? '#,##0.0000' : '#,##0.00';
    case 'rate':
      return '0.0';
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return '@';
  }
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function fixed(n: number, places: number): string {
  const [int, frac] = Math.abs(n).toFixed(places).split('.');
  return `${n < 0 ? '-' : ''}${group(int)}${frac ? `.${frac}` : ''}`;
}

/** A cell as printed: the same rounding and separators as the Excel formats above. */
export function displayCell(kind: ColumnKind, value: CellValue, unit: MoneyUnit, emptyText?: string): string {
  if (value == null || value === '') return emptyText ?? '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'int':
      return fixed(value, 0);
    case 'number':
      return fixed(value, 2).replace(/\.?0+$/, '');
    case 'money':
      return fixed(value, unit === '万元' ? 4 : 2);
    case 'rate':
      return value.toFixed(1);
    default:
      return String(value);
  }
}
