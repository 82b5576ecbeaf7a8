// From a workbook to a table: which sheet, which rows are the header, which column is which field
// (given by the clerk, remembered for this header shape, or guessed), and which rows hold data.
import type { Database } from 'better-sqlite3';
import { columnLetter } from '../../core/imports/columns';
import { detectHeader, headerAt, matchHeader, type DetectedHeader } from '../../core/imports/header';
import { headerUnit } from '../../core/imports/headerText';
import { guessMapping, headerShape, mappingProblems } from '../../core/imports/mapping';
import { findDataRows, type DataRows } from '../../core/imports/rows';
import { fillMergedCells, rowIsBlank, type Grid } from '../../core/imports/sheet';
import type { ColumnMapping, ImportField } from '../../core/imports/types';
import { normalizeText } from '../../core/text';
import { rememberedMapping } from '../../db/entities/imports';
import { UserError } from '../../db/errors';

export interface LayoutRequest {
  sheet?: string;
  headerRows?: { first: number; last: number };
  mapping?: ColumnMapping;
  /** Import the rows hidden in Excel too (by default they are listed and left out). */
  includeHiddenRows?: boolean;
}

export interface Layout {
  sheet: Grid;
  header: DetectedHeader;
  width: number;
  mapping: ColumnMapping;
  mappingSource: 'guess' | 'remembered' | 'given';
  shape: string;
  /** Money columns whose header says 万元. */
  units: Map<string, '元' | '万元'>;
  data: DataRows;
  /** 0-based data rows hidden in Excel (by hand or by an autofilter), left out unless included. */
  hiddenRows: number[];
  hiddenIncluded: boolean;
}

export interface SheetSummary {
  name: string;
  rowCount: number;
  hasHeader: boolean;
  /** Hidden in Excel (also veryHidden): never taken unless chosen. */
  hidden: boolean;
  veryHidden: boolean;
}

const isEmptySheet = (g: Grid) => g.rows.every((_, r) => rowIsBlank(g, r, g.rows[r]?.length ?? 0));

export function summarizeSheets(sheets: Grid[], fields: readonly ImportField[]): SheetSummary[] {
  return sheets.map((g) => ({
    name: g.name,
    rowCount: g.rows.length,
    hasHeader: detectHeader(g, fields) !== null,
    hidden: !!g.hidden,
    veryHidden: g.hidden === 2,
  }));
}

function chooseSheet(
  sheets: Grid[],
  fields: readonly ImportField[],
  wanted: string | undefined,
): { sheet: Grid; header: DetectedHeader | null } {
  if (sheets.length === 0 || sheets.every(isEmptySheet))
    throw new UserError('EMPTY_WORKBOOK', '文件中没有任何数据：工作簿是空的');
  if (wanted !== undefined) {
    // The API trims the name it is sent; a sheet whose own name has edge spaces still matches.
    const sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => normalizeText(s.name) === wanted);
    if (!sheet)
      throw new UserError(
        'SHEET_NOT_FOUND',
        `工作簿中没有名为“${wanted}”的工作表（有：${sheets.map((s) => s.name).join('、')}）`,
      );
    if (isEmptySheet(sheet))
      throw new UserError('EMPTY_SHEET', `工作表“${sheet.name}”是空的，请选择有数据的工作表`, [
        { path: 'sheet', message: '工作表是空的' },
      ]);
    return { sheet, header: detectHeader(sheet, fields) };
  }
  // The data may not be on the first sheet: take the sheet whose header names the most fields.
  // Hidden sheets (lookup lists, old copies) are never taken unless chosen by name.
  const visible = sheets.filter((s) => !s.hidden && !isEmptySheet(s));
  if (!visible.length) {
    const names = sheets.filter((s) => !isEmptySheet(s)).map((s) => `“${s.name}”`);
    throw new UserError(
      'NO_HEADER',
      `工作簿中可见的工作表都没有数据；隐藏的工作表${names.join('、')}不会自动导入，如确需导入，请在“工作表”中选择`,
    );
  }
  let best: { sheet: Grid; header: DetectedHeader | null } = { sheet: visible[0], header: null };
  for (const sheet of visible) {
    const header = detectHeader(sheet, fields);
    if (header && (!best.header || header.matched > best.header.matched)) best = { sheet, header };
  }
  return best;
}

function noHeader(sheet: Grid, fields: readonly ImportField[]): UserError {
  const names = fields
    .filter((f) => f.required)
    .map((f) => `“${f.label}”`)
    .join('');
  return new UserError(
    'NO_HEADER',
    `未能在工作表“${sheet.name}”中找到表头：表头应包含${names}等列名。请检查是否选错了文件或工作表，或指定表头所在的行`,
  );
}

const badHeaderRows = (message: string, path: 'first' | 'last') =>
  new UserError('BAD_HEADER_ROWS', message, [{ path: `headerRows.${path}`, message }]);

/** The header at the rows the clerk named (1-based), refused with the reason when it cannot be one. */
function givenHeader(
  sheet: Grid,
  rows: { first: number; last: number },
  fields: readonly ImportField[],
): DetectedHeader {
  const { first, last } = rows;
  const count = sheet.rows.length;
  if (first > last) throw badHeaderRows(`表头首行（第${first}行）不能晚于表头末行（第${last}行）`, 'first');
  if (last > count)
    throw badHeaderRows(
      `工作表“${sheet.name}”只有${count}行，表头不能在第${first === last ? first : `${first}–${last}`}行`,
      first > count ? 'first' : 'last',
    );
  // Detection reads at most a group row over a row of column names; so does a header named by hand.
  if (last - first > 1)
    throw badHeaderRows(`表头最多两行（分组标题一行、列名一行），第${first}–${last}行共${last - first + 1}行`, 'last');
  const header = headerAt(sheet, first - 1, last - 1, fields);
  if (header.columns.length === 0) {
    throw badHeaderRows(
      `工作表“${sheet.name}”第${first === last ? first : `${first}–${last}`}行是空行，不能作为表头`,
      'first',
    );
  }
  return header;
}

export function layoutOf(
  db: Database,
  kind: string,
  sheets: Grid[],
  fields: readonly ImportField[],
  req: LayoutRequest,
): Layout {
  const chosen = chooseSheet(sheets, fields, req.sheet);
  let header = chosen.header;
  if (req.headerRows) header = givenHeader(chosen.sheet, req.headerRows, fields);
  if (!header || header.columns.length === 0) throw noHeader(chosen.sheet, fields);
  if (!req.headerRows) header = { ...header, last: mergedDown(chosen.sheet, header) };
  const width = Math.max(...header.columns.map((c) => c.index)) + 1;
  const shape = headerShape(header.columns);

  let mapping: ColumnMapping;
  let mappingSource: Layout['mappingSource'];
  if (req.mapping) {
    const problems = mappingProblems(req.mapping, fields, width);
    if (problems.length)
      throw new UserError(
        'BAD_MAPPING',
        problems.join('；'),
        problems.map((message) => ({ path: 'mapping', message })),
      );
    [mapping, mappingSource] = [req.mapping, 'given'];
  } else {
    const remembered = rememberedMapping(db, kind, shape);
    if (remembered && mappingProblems(remembered, fields, width).length === 0)
      [mapping, mappingSource] = [remembered, 'remembered'];
    else [mapping, mappingSource] = [guessMapping(header.columns, fields), 'guess'];
  }

  const units = new Map<string, '元' | '万元'>();
  for (const col of header.columns) units.set(columnLetter(col.index), headerUnit(col.candidates.join('|')));
  const numbering = header.columns
    .filter((c) => matchHeader(c.candidates, fields) === '' && /^(序号|行号|编号)$/.test(c.candidates[0] ?? ''))
    .map((c) => c.index);
  const sheet = fillMergedCells(chosen.sheet, header.last + 1);
  const found = findDataRows(sheet, header.last, width, numbering);
  const hiddenSet = new Set(chosen.sheet.hiddenRows ?? []);
  const hiddenRows = found.rows.filter((r) => hiddenSet.has(r));
  const hiddenIncluded = !!req.includeHiddenRows;
  const data =
    hiddenIncluded || !hiddenRows.length ? found : { ...found, rows: found.rows.filter((r) => !hiddenSet.has(r)) };
  return { sheet, header, width, mapping, mappingSource, shape, units, data, hiddenRows, hiddenIncluded };
}

/**
 * The header's last row, taking in the rows below it that its cells are merged down over
 * (姓名 merged over rows 3–4): those rows hold nothing of their own and are no data row.
 */
function mergedDown(g: Grid, header: DetectedHeader): number {
  let last = header.last;
  for (;;) {
    const r = last + 1;
    if (r >= g.rows.length || !rowIsBlank(g, r, g.rows[r]?.length ?? 0)) return last;
    const covered = g.merges.some((m) => m.s.r >= header.first && m.s.r <= last && m.e.r >= r);
    if (!covered) return last;
    last = r;
  }
}
