// A workbook against what the office recorded for its export id: every figure whose cell differs
// (old → new, by address), every recorded row that is gone and every row that was not there, the
// text blocks, and the frame's title, 填报单位 line and signature line.
import {
  MONTHLY_BLOCKS,
  MONTHLY_SHEET_KEYS,
  MONTHLY_SHEETS,
  type MonthlyFigures,
  type MonthlyFrame,
  type MonthlySheetKey,
} from '../monthly';
import type { MonthlyRead } from '../monthlyRead';
import type { Grid } from '../readTable';
import type { MoneyUnit } from '../doc';
import { isNumericKind } from '../layout';
import { firstBodyRow, rowRange, TITLE_ROW, UNIT_ROW } from '../sheetRows';
import { columnName } from '../readTable';
import { recordedRows } from './cells';
import { alignRows } from './align';
import { rowKey, rowLabel, sameValue, shown } from './rows';
import { cellRef, type Finding } from './types';

export interface Recorded {
  figures: MonthlyFigures;
  frame: MonthlyFrame;
}

// Excel and LibreOffice may store a line break as CR LF.
const text = (v: unknown) => (v == null ? '' : String(v).replace(/\r\n?/g, '\n'));
const blank = (v: unknown) => text(v).trim() === '';

function compareSheet(
  key: MonthlySheetKey,
  recorded: Recorded,
  read: MonthlyRead,
  unreadable: ReadonlySet<string>,
): Finding[] {
  const sheet = read.reads[key];
  if (!sheet) return [];
  const { layout, officeMoneyUnit } = MONTHLY_SHEETS[key];
  const name = layout.sheetName;
  const unit: MoneyUnit = officeMoneyUnit ? recorded.frame.moneyUnit : '元';
  const before = recorded.figures.sheets[key] ?? [];
  const after = read.figures.sheets[key];
  const wroteAt = recordedRows(recorded.figures, recorded.frame)[key];
  const out: Finding[] = [];
  const pairs = alignRows(
    before.map((r) => rowKey(key, r)),
    after.map((r) => rowKey(key, r)),
  );
  for (const p of pairs) {
    if (p.after === null) {
      const row = wroteAt[p.before];
      const range = rowRange(layout, row);
      out.push({
        sheet: name,
        cell: range,
        kind: 'missingRow',
        message: `${cellRef(name, range)}：报送时第${row}行“${rowLabel(key, before[p.before])}”已被删除`,
      });
      continue;
    }
    const fileRow = sheet.rowNumbers[p.after];
    if (p.before === null) {
      const range = rowRange(layout, fileRow);
      out.push({
        sheet: name,
        cell: range,
        kind: 'extraRow',
        message: `${cellRef(name, range)}：第${fileRow}行“${rowLabel(key, after[p.after])}”是报送时没有的行（插入或改动了行）`,
      });
      continue;
    }
    const was = before[p.before];
    const now = after[p.after];
    layout.columns.forEach((c, i) => {
      const letter = sheet.columns[i];
      if (!letter) return;
      const cell = `${letter}${fileRow}`;
      if (unreadable.has(`${name}!${cell}`)) return;
      const old = was.values[c.key] ?? null;
      const cur = now.values[c.key] ?? null;
      if (sameValue(old, cur)) return;
      const o = shown(c, old, unit);
      const n = shown(c, cur, unit);
      // Text is quoted, so a changed space or a value that looks like a number reads as text.
      const q = (v: string, raw: unknown) => (raw == null || isNumericKind(c.kind) ? v : `“${v}”`);
      out.push({
        sheet: name,
        cell,
        kind: 'changed',
        message: `${cellRef(name, cell)}（${rowLabel(key, was)}，${c.label}）：报送时为 ${q(o, old)}，现为 ${q(n, cur)}`,
        before: o,
        after: n,
      });
    });
  }
  for (const row of sheet.blankRows) {
    const range = rowRange(layout, row);
    out.push({
      sheet: name,
      cell: range,
      kind: 'extraRow',
      message: `${cellRef(name, range)}：第${row}行是插入的空行`,
    });
  }
  if (key === 'milestones') {
    for (const [k, label] of MONTHLY_BLOCKS) {
      const old = recorded.figures.texts[k] ?? null;
      const cur = read.figures.texts[k] ?? null;
      if (sameValue(old, cur)) continue;
      const cell = sheet.blockCells[label] ?? '';
      const o = old ?? '无';
      const n = cur ?? '无';
      out.push({
        sheet: name,
        cell,
        kind: 'changed',
        message: `${cellRef(name, cell)}（${label}）：报送时为“${o}”，现为“${n}”`,
        before: o,
        after: n,
      });
    }
  }
  return out;
}

/** The frame's lines: title (A1), the 填报单位 line (row 2), the signature line. */
function compareFrame(key: MonthlySheetKey, recorded: Recorded, grid: Grid | undefined): Finding[] {
  if (!grid) return [];
  const { layout } = MONTHLY_SHEETS[key];
  const name = layout.sheetName;
  const frame = recorded.frame.sheets[key];
  const out: Finding[] = [];
  const changed = (cell: string, what: string, old: string, cur: string) =>
    out.push({
      sheet: name,
      cell,
      kind: 'changed',
      message: `${cellRef(name, cell)}（${what}）：报送时为“${old}”，现为“${cur}”`,
      before: old,
      after: cur,
    });

  const title = text(grid[TITLE_ROW - 1]?.[0]);
  if (title !== frame.title) changed(`A${TITLE_ROW}`, '标题', frame.title, title);

  const unitRow = grid[UNIT_ROW - 1] ?? [];
  const expected = [frame.unitLine.left, frame.unitLine.centre, frame.unitLine.right].filter((t) => t);
  const present = unitRow.map((v, i) => ({ v: text(v), i })).filter((c) => !blank(c.v));
  for (let x = 0; x < Math.max(expected.length, present.length); x++) {
    const old = expected[x] ?? '';
    const cur = present[x]?.v ?? '';
    if (old !== cur) changed(`${columnName(present[x]?.i ?? 0)}${UNIT_ROW}`, '填报单位行', old, cur);
  }

  if (frame.footer) {
    const start = firstBodyRow(layout) - 1;
    const at = grid.findIndex((row, r) => r >= start && /(负责人|填表人|经办人)：/.test(text(row[0])));
    const cur = at < 0 ? '' : text(grid[at][0]);
    if (cur !== frame.footer) changed(at < 0 ? '' : `A${at + 1}`, '表尾', frame.footer, cur);
  }
  return out;
}

/** Every difference between the file and the recorded figures and frame; unreadable cells are named elsewhere. */
export function compareWithRecord(
  recorded: Recorded,
  read: MonthlyRead,
  grids: Record<string, Grid>,
  unreadable: ReadonlySet<string>,
): Finding[] {
  return MONTHLY_SHEET_KEYS.flatMap((key) => [
    ...compareFrame(key, recorded, grids[MONTHLY_SHEETS[key].layout.sheetName]),
    ...compareSheet(key, recorded, read, unreadable),
  ]);
}
