// A block pasted into 签到与考核, cell by cell as if typed: 签到 and 是否合格 read as yes/no in the
// sheet's words, scores as numbers judged by the schema (0 to 100), 备注 as text. The cells of a row
// are applied left to right through the grid's own edit, so a pasted score signs the person in and
// judges it against the pass mark, and a pasted 是否合格 to its right overrules that judgement (a
// blank one beside a pasted score leaves it to the pass mark).
import { pastedNumber, pastedYesNo } from '../../../core/pasteCells';
import { attendanceRow } from '../../../core/schemas/training';
import type { Check } from '../../../core/validate/result';
import type { GridPasteCell } from '../../grid/useGridClipboard';
import { edit, type GridRow } from './attendanceDraft';

/** The columns as shown; 序号, 姓名 and 类别/单位 are copied but never written. */
export const ATTENDANCE_COLUMNS = [
  'seq',
  'name',
  'detail',
  'signedIn',
  'score',
  'passed',
  'makeupScore',
  'makeupPassed',
  'note',
] as const;

/** Messages by `${row key}:${field}` for pasted cells that could not be read. */
export type PasteErrors = Map<string, string>;

const SIGNED = { yes: ['已签到', '签到', '到', '出席'], no: ['未签到', '缺席', '未到', '请假'] };
const VERDICT = { yes: ['合格', '通过'], no: ['不合格', '未通过'] };
const yesNoText = (v: boolean | null, yes: string, no: string) => (v === null ? '' : v ? yes : no);

/** A cell's text for copying out, as the sheet would show it. */
export function copiedCell(row: GridRow | undefined, index: number, col: string): string {
  if (!row) return '';
  switch (col) {
    case 'seq':
      return String(index + 1);
    case 'name':
      return row.name;
    case 'detail':
      return row.detail;
    case 'signedIn':
      return row.signedIn ? '√' : '';
    case 'passed':
      return yesNoText(row.passed, '合格', '不合格');
    case 'makeupPassed':
      return yesNoText(row.makeupPassed, '合格', '不合格');
    case 'score':
    case 'makeupScore':
      return row[col] === null ? '' : String(row[col]);
    case 'note':
      return row.note ?? '';
    default:
      return '';
  }
}

const label = { score: '成绩', makeupScore: '补考成绩', passed: '是否合格', makeupPassed: '补考是否合格' } as const;

/** One pasted cell as the change a clerk typing it would make. */
function readCell(col: string, text: string): Check<Partial<GridRow>> | null {
  switch (col) {
    case 'signedIn': {
      const v = pastedYesNo(text, '签到', SIGNED);
      return v.ok ? { ok: true, value: { signedIn: v.value ?? false } } : v;
    }
    case 'passed':
    case 'makeupPassed': {
      const v = pastedYesNo(text, label[col], VERDICT);
      return v.ok ? { ok: true, value: { [col]: v.value } } : v;
    }
    case 'score':
    case 'makeupScore': {
      const v = pastedNumber(text, label[col]);
      if (!v.ok) return v;
      const judged = attendanceRow.shape[col].safeParse(v.value);
      return judged.success
        ? { ok: true, value: { [col]: judged.data } }
        : { ok: false, message: judged.error.issues[0].message };
    }
    case 'note': {
      const judged = attendanceRow.shape.note.safeParse(text.trim() || null);
      return judged.success
        ? { ok: true, value: { note: judged.data } }
        : { ok: false, message: judged.error.issues[0].message };
    }
    default:
      return null;
  }
}

/** The rows with the pasted cells applied, the cells that could not be read, and those now read. */
export function pasteInto(
  rows: GridRow[],
  cells: GridPasteCell[],
  passMark: number | null,
): { rows: GridRow[]; errors: PasteErrors; cleared: string[] } {
  const next = [...rows];
  const errors: PasteErrors = new Map();
  const cleared: string[] = [];
  // A blank 是否合格 beside a pasted score is not stated: the pass mark judges the score.
  const scored = new Set(cells.filter((c) => c.text.trim() !== '').map((c) => `${c.row}:${c.col}`));
  const judgedByMark = (c: GridPasteCell) =>
    c.text.trim() === '' &&
    ((c.col === 'passed' && scored.has(`${c.row}:score`)) ||
      (c.col === 'makeupPassed' && scored.has(`${c.row}:makeupScore`)));
  const order = (c: string) => ATTENDANCE_COLUMNS.indexOf(c as (typeof ATTENDANCE_COLUMNS)[number]);
  for (const c of [...cells].sort((x, y) => x.row - y.row || order(x.col) - order(y.col))) {
    const row = next[c.row];
    const change = row && readCell(c.col, c.text);
    if (!row || !change) continue;
    const key = `${row.key}:${c.col}`;
    if (!change.ok) {
      errors.set(key, change.message);
      continue;
    }
    cleared.push(key);
    if (!judgedByMark(c)) next[c.row] = edit(row, change.value, passMark);
  }
  return { rows: next, errors, cleared };
}
