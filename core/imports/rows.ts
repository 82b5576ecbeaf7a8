// Which rows under the header hold data: blank rows and 合计 rows are skipped, a 栏次 row
// (甲 乙 1 2 3…) right under the header is skipped, and signature lines end the table.
import { removeSpaces, toHalfWidth } from '../text';
import { cellAt, isEmptyCell, rowIsBlank, type Grid } from './sheet';

export interface DataRows {
  /** 0-based indices of the rows to import. */
  rows: number[];
  /** 0-based row of the signature line that ended the table, if any. */
  endedAt: number | null;
  /** Blank and 合计 rows passed over. */
  skipped: number;
}

/** A line under the table: `单位负责人：王建国`, `填表人 张丽`, `注：…`, `报出日期：`. */
const SIGNATURE =
  /^((单位负责人|统计负责人|部门负责人|审核人|复核人|填表人|制表人|填报人|统计人|报出日期|填报日期|填表日期|制表日期|填表说明)|(负责人|审核|经办人|联系电话|盖章|单位盖章|说明|注|备注)(:|$))/;
const TOTAL = /^(合计|总计|小计|共计|总合计)$/;
const COLUMN_MARK = /^([甲乙丙丁戊己庚辛壬癸]|\d{1,3})$/;

/** The first `limit` filled cells of a row, half-width and without spaces (only those: this runs on every row). */
function firstTexts(g: Grid, r: number, width: number, limit = Infinity): string[] {
  const out: string[] = [];
  for (let c = 0; c < width && out.length < limit; c++) {
    const v = cellAt(g, r, c);
    if (!isEmptyCell(v)) out.push(typeof v === 'number' ? String(v) : removeSpaces(toHalfWidth(String(v))));
  }
  return out;
}

export function isSignatureRow(g: Grid, r: number, width: number): boolean {
  const [first] = firstTexts(g, r, width, 1);
  return first !== undefined && SIGNATURE.test(first);
}

function isTotalRow(g: Grid, r: number, width: number): boolean {
  return firstTexts(g, r, width, 2).some((t) => TOTAL.test(t));
}

/** 栏次 row: every filled cell is 甲/乙… or a column number, numbers counting up. */
function isColumnNumberRow(g: Grid, r: number, width: number): boolean {
  const texts = firstTexts(g, r, width);
  if (texts.length < 3 || !texts.every((t) => COLUMN_MARK.test(t))) return false;
  const numbers = texts.filter((t) => /^\d+$/.test(t)).map(Number);
  return numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
}

/**
 * The data rows after the header. `onlyNumbering` names the columns (序号) whose content alone
 * does not make a row: a pre-numbered but empty line is blank.
 */
export function findDataRows(
  g: Grid,
  headerLast: number,
  width: number,
  onlyNumbering: readonly number[] = [],
): DataRows {
  const rows: number[] = [];
  let skipped = 0;
  let r = headerLast + 1;
  if (isColumnNumberRow(g, r, width)) {
    r++;
    skipped++;
  }
  for (; r < g.rows.length; r++) {
    if (rowIsBlank(g, r, width)) {
      skipped++;
      continue;
    }
    if (isSignatureRow(g, r, width)) return { rows, endedAt: r, skipped };
    if (isNumberingOnly(g, r, width, onlyNumbering) || isTotalRow(g, r, width)) {
      skipped++;
      continue;
    }
    rows.push(r);
  }
  return { rows, endedAt: null, skipped };
}

function isNumberingOnly(g: Grid, r: number, width: number, numbering: readonly number[]): boolean {
  if (!numbering.length) return false;
  for (let c = 0; c < width; c++) {
    if (numbering.includes(c)) continue;
    if (!isEmptyCell(cellAt(g, r, c))) return false;
  }
  return true;
}
