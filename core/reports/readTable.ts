// Reading a table sheet back into figures: columns are found by their header text (so a moved or
// inserted column does not break it), values are decoded by column kind, and every cell that
// cannot be read is named (`经费情况!C7：应为数字，实为“约五万”`). Each row read keeps where it
// sat (row number, column letters), so a check can name the cell a figure came from.
import { columnCodes, labelColumn, type ColumnDef, type SheetLayout } from './layout';
import { cellToFen, type CellValue, type MoneyUnit, type RowKind } from './doc';
import type { FigureRow } from './figures';
import { excelSerialToIso, parseDate } from '../dates';

export interface ReadProblem {
  sheet: string;
  /** A1 address, or empty when the problem is the sheet as a whole. */
  cell: string;
  message: string;
}

export type Grid = CellValue[][];

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const squash = (v: CellValue) => (v == null ? '' : String(v).replace(/\s+/g, ''));
const isBlank = (v: CellValue) => v == null || (typeof v === 'string' && v.trim() === '');

/** The header row: the first row that carries most of the layout's column labels. */
function findHeader(layout: SheetLayout, grid: Grid): number {
  const labels = new Set(layout.columns.map((c) => squash(c.label)));
  const need = Math.max(2, Math.ceil(layout.columns.length * 0.6));
  return grid.findIndex((row) => row.filter((v) => labels.has(squash(v))).length >= need);
}

type Decoded = { ok: true; value: CellValue } | { ok: false; message: string };

function decodeNumber(raw: CellValue, integer: boolean): Decoded {
  const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/[,，\s%]/g, ''));
  if (!Number.isFinite(n)) return { ok: false, message: `应为数字，实为“${String(raw)}”` };
  if (integer && !Number.isInteger(n)) return { ok: false, message: `应为整数，实为“${String(raw)}”` };
  return { ok: true, value: n };
}

export function decodeCell(column: ColumnDef, raw: CellValue, unit: MoneyUnit): Decoded {
  if (isBlank(raw)) return { ok: true, value: null };
  if (column.emptyText && squash(raw) === squash(column.emptyText)) return { ok: true, value: null };
  switch (column.kind) {
    case 'seq':
    case 'int':
      return decodeNumber(raw, true);
    case 'number':
    case 'rate':
      return decodeNumber(raw, false);
    case 'money': {
      const n = decodeNumber(typeof raw === 'string' ? raw.replace(/^[¥￥]/, '') : raw, false);
      return n.ok ? { ok: true, value: cellToFen(Number(n.value), unit) } : n;
    }
    case 'date': {
      const iso = typeof raw === 'number' ? excelSerialToIso(raw) : null;
      if (iso) return { ok: true, value: iso };
      const parsed = parseDate(raw, column.label);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.message };
    }
    case 'code':
      // An ID or account typed into a number cell has already lost its last digits.
      if (typeof raw === 'number' && Math.abs(raw) >= 1e15)
        return { ok: false, message: `被Excel按数字存储，末几位已丢失（${raw}）` };
      return { ok: true, value: typeof raw === 'number' ? String(raw) : raw };
    default:
      // Text keeps its spaces: 其中 rows are indented with full-width spaces on purpose.
      return { ok: true, value: typeof raw === 'number' ? String(raw) : raw };
  }
}

/** Where the body ends: the 说明, a text block or the signature line (a blank row is skipped, not an end). */
function endsBody(row: CellValue[], blockLabels: readonly string[]): boolean {
  if (row.every(isBlank)) return false;
  const first = squash(row.find((v) => !isBlank(v)) ?? '');
  return (
    first.startsWith('说明') || blockLabels.some((l) => first.startsWith(l)) || /(负责人|填表人|经办人)：/.test(first)
  );
}

function kindOf(label: CellValue): RowKind | 'skip' {
  const text = squash(label);
  if (text === '无') return 'skip';
  if (text === '合计') return 'total';
  if (text.startsWith('累计')) return 'cumulative';
  return 'item';
}

/** Category rows of a tree (R3) are numbered 一、二、… in the first column. */
const isCategorySeq = (v: CellValue) => /^[一二三四五六七八九十]+、$/.test(squash(v));

export interface TableRead {
  rows: FigureRow[];
  /** Where each of `rows` sits: its 1-based row number in the sheet. */
  rowNumbers: number[];
  /** Each layout column's letter in this sheet (found by its header), null when it is missing. */
  columns: (string | null)[];
  /** Rows inside the body left blank (1-based): an inserted empty row. */
  blankRows: number[];
  /** Rows inside the body showing 无 (a table without rows of its own). */
  nothingRows: number[];
  /** Text blocks under the table by label (`本期主要工作：` rows). */
  blocks: Record<string, string | null>;
  /** Where each block's text sits (A1 address). */
  blockCells: Record<string, string>;
  problems: ReadProblem[];
}

export function readTable(
  sheet: string,
  layout: SheetLayout,
  grid: Grid,
  unit: MoneyUnit,
  blockLabels: readonly string[] = [],
): TableRead {
  const problems: ReadProblem[] = [];
  const header = findHeader(layout, grid);
  if (header < 0)
    return {
      rows: [],
      rowNumbers: [],
      columns: layout.columns.map(() => null),
      blankRows: [],
      nothingRows: [],
      blocks: {},
      blockCells: {},
      problems: [{ sheet, cell: '', message: '找不到表头，无法读取本表' }],
    };
  const headerRow = grid[header];
  const at = layout.columns.map((c) => headerRow.findIndex((v) => squash(v) === squash(c.label)));
  layout.columns.forEach((c, i) => {
    if (at[i] < 0) problems.push({ sheet, cell: '', message: `找不到“${c.label}”列，该列未读取` });
  });
  let r = header + 1;
  const codes = columnCodes(layout.columns);
  if (layout.codeRow && grid[r] && layout.columns.every((_c, i) => at[i] < 0 || squash(grid[r][at[i]]) === codes[i]))
    r++;

  const rows: FigureRow[] = [];
  const rowNumbers: number[] = [];
  const blankRows: number[] = [];
  const nothingRows: number[] = [];
  const label = labelColumn(layout);
  for (; r < grid.length && !endsBody(grid[r], blockLabels); r++) {
    const line = grid[r];
    if (line.every(isBlank)) {
      blankRows.push(r + 1);
      continue;
    }
    const labelKind = kindOf(at[label] >= 0 ? line[at[label]] : null);
    if (labelKind === 'skip') {
      nothingRows.push(r + 1);
      continue;
    }
    const kind = labelKind === 'item' && at[0] >= 0 && isCategorySeq(line[at[0]]) ? 'category' : labelKind;
    const values: FigureRow['values'] = {};
    layout.columns.forEach((c, i) => {
      const raw = at[i] >= 0 ? (line[at[i]] ?? null) : null;
      const d = decodeCell(c, raw, unit);
      if (d.ok) values[c.key] = d.value;
      else {
        values[c.key] = null;
        problems.push({ sheet, cell: `${columnName(at[i])}${r + 1}`, message: `${c.label}${d.message}` });
      }
    });
    rows.push({ kind, values });
    rowNumbers.push(r + 1);
  }
  // Blank rows at the very end of a sheet are spacing, not inserted rows.
  if (r >= grid.length)
    while (blankRows.length && blankRows[blankRows.length - 1] > (rowNumbers.at(-1) ?? 0)) blankRows.pop();

  const blocks: Record<string, string | null> = {};
  const blockCells: Record<string, string> = {};
  for (; r < grid.length; r++) {
    const first = squash(grid[r][0]);
    const block = blockLabels.find((l) => first === `${l}：`);
    if (!block) continue;
    const textAt = grid[r].findIndex((v, i) => i > 0 && !isBlank(v));
    blocks[block] = textAt < 0 ? null : String(grid[r][textAt]);
    // An emptied block's text cell is inside a merge and reads as nothing: name the label's cell.
    blockCells[block] = `${columnName(Math.max(textAt, 0))}${r + 1}`;
  }
  return {
    rows,
    rowNumbers,
    columns: at.map((i) => (i < 0 ? null : columnName(i))),
    blankRows,
    nothingRows,
    blocks,
    blockCells,
    problems,
  };
}
