// 进度调度表 as the city's table: 甲/乙/1…14 columns, 合计 computed first, 其中 rows indented.
// A figure that breaks a rule is red with the rule in words (yellow once a 备注 explains it).
// A block pasted from Excel fills the cells from the focused one; each is judged as if typed.
import type { KeyboardEvent } from 'react';
import {
  COLUMN_LABELS,
  FIGURE_COLUMNS,
  PART_COLUMNS,
  withRates,
  type EnteredColumn,
  type Violation,
} from '../../../core/progressRules';
import { pastedNumber } from '../../../core/pasteCells';
import { figureRowInput } from '../../../core/schemas/workplan';
import type { ProgressTable } from '../../api/types';
import type { Issues } from '../../forms/issues';
import { useGridClipboard, type GridPasteCell } from '../../grid/useGridClipboard';
import { enteredOrder, figureRows, figureValue, violationsByCell, type Cells, type LiveView } from './figuresDraft';

interface Props {
  table: ProgressTable;
  cells: Cells;
  view: LiveView;
  issues: Issues;
  editable: boolean;
  onCell: (rowCode: string, column: string, value: string) => void;
  /** Columns shown but not typed (13–14 when the period takes them from the quality records). */
  fixed?: ReadonlySet<string>;
}

/** Enter goes down the column; the row codes are in the inputs' data attributes. */
function downOnEnter(e: KeyboardEvent<HTMLTableElement>) {
  const input = e.target as HTMLInputElement;
  if (e.key !== 'Enter' || !input.dataset.col) return;
  e.preventDefault();
  const inputs = [...e.currentTarget.querySelectorAll<HTMLInputElement>(`input[data-col="${input.dataset.col}"]`)];
  const next = inputs[inputs.indexOf(input) + 1];
  next?.focus();
  next?.select();
}

const rate = (v: number | null) => (v == null ? '' : v.toFixed(1));

/** The grid's columns in the order shown, 9 and 12 (rates) included: a block copied from the sheet has them. */
const GRID_COLUMNS = [...FIGURE_COLUMNS, 'note'];

/** What the schema says of a typed figure now (blank, a count), rather than only when saving. */
function typedIssue(column: string, text: string | undefined): string | undefined {
  const field = figureRowInput.shape[column as EnteredColumn];
  const r = field.safeParse(figureValue(text ?? ''));
  return r.success ? undefined : r.error.issues[0]?.message;
}

/** A pasted figure as Excel shows it (1,200, full-width digits) becomes the digits a clerk types. */
function pastedFigure(text: string): string {
  const n = pastedNumber(text, '');
  return n.ok && n.value !== null && Number.isInteger(n.value) && n.value >= 0 ? String(n.value) : text.trim();
}

export function FiguresGrid({ table, cells, view, issues, editable, onCell, fixed }: Props) {
  const byCell = violationsByCell(view.violations);
  const order = enteredOrder(table);
  const numbers = new Map(figureRows(cells).map((r) => [r.rowCode, r.figures]));

  const isEntered = (rowIndex: number, c: string) => {
    const r = table.rows[rowIndex];
    return !!r && !r.computed && (c === 'note' || (c !== 'c9' && c !== 'c12' && !fixed?.has(c)));
  };
  const clip = useGridClipboard({
    columns: GRID_COLUMNS,
    rowCount: table.rows.length,
    editable,
    read: (rowIndex, c) => {
      const r = table.rows[rowIndex];
      if (isEntered(rowIndex, c)) return cells[r.rowCode]?.[c as EnteredColumn | 'note'] ?? '';
      if (c === 'note') return '';
      const v = withRates(r.computed ? view.total : (numbers.get(r.rowCode) ?? view.total))[c as EnteredColumn];
      return c === 'c9' || c === 'c12' ? rate(v) : v == null ? '' : String(v);
    },
    // 合计 rows, rates and columns taken from the quality records are skipped, as they cannot be typed.
    write: (pasted: GridPasteCell[]) => {
      for (const p of pasted)
        if (isEntered(p.row, p.col))
          onCell(table.rows[p.row].rowCode, p.col, p.col === 'note' ? p.text.trim() : pastedFigure(p.text));
    },
  });

  const cellClass = (list: Violation[] | undefined, issue: string | undefined) => {
    if (issue || list?.some((v) => !v.noted)) return 'violation';
    return list?.length ? 'violation-noted' : undefined;
  };

  return (
    <div className="figures-wrap">
      <table className="figures" onKeyDown={downOnEnter} data-testid="figures-grid" {...clip.handlers}>
        <thead>
          <tr>
            <th rowSpan={2}>统计类别</th>
            <th rowSpan={2}>行代码</th>
            {FIGURE_COLUMNS.map((c) => (
              <th key={c}>
                {PART_COLUMNS.has(c) ? '其中：' : ''}
                {COLUMN_LABELS[c]}
              </th>
            ))}
            <th rowSpan={2}>备注</th>
          </tr>
          <tr>
            {FIGURE_COLUMNS.map((c) => (
              <th key={c}>{c.slice(1)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, rowIndex) => {
            const figures = withRates(r.computed ? view.total : (numbers.get(r.rowCode) ?? view.total));
            const index = order.indexOf(r.rowCode);
            return (
              <tr key={r.rowCode} data-row={r.rowCode}>
                <td className="row-name">{r.displayName}</td>
                <td>{r.rowCode}</td>
                {FIGURE_COLUMNS.map((c) => {
                  if (r.computed || c === 'c9' || c === 'c12' || fixed?.has(c)) {
                    const v = figures[c];
                    return (
                      <td key={c} className="computed" data-cell={`${r.rowCode}:${c}`} {...clip.cellProps(rowIndex, c)}>
                        {c === 'c9' || c === 'c12' ? rate(v) : (v ?? '')}
                      </td>
                    );
                  }
                  const list = byCell.get(`${r.rowCode}:${c}`);
                  const value = cells[r.rowCode]?.[c as EnteredColumn];
                  // Judged as it stands now: a message from the last save would outlive the fix.
                  const issue = typedIssue(c, value);
                  const why = [issue, ...(list ?? []).map((v) => (v.noted ? `${v.rule}（已在备注中说明）` : v.rule))]
                    .filter(Boolean)
                    .join('\n');
                  return (
                    <td
                      key={c}
                      className={cellClass(list, issue)}
                      title={why || undefined}
                      data-cell={`${r.rowCode}:${c}`}
                      {...clip.cellProps(rowIndex, c)}
                    >
                      <input
                        aria-label={`${r.displayName.trim()} ${COLUMN_LABELS[c]}`}
                        inputMode="numeric"
                        data-col={c}
                        disabled={!editable}
                        value={value ?? ''}
                        onChange={(e) => onCell(r.rowCode, c, e.target.value)}
                      />
                    </td>
                  );
                })}
                <td
                  {...clip.cellProps(rowIndex, 'note')}
                  className={issues[`figures.${index}.note`] ? 'violation' : undefined}
                  title={issues[`figures.${index}.note`]}
                >
                  {!r.computed && (
                    <input
                      className="note-input"
                      aria-label={`${r.displayName.trim()} 备注`}
                      data-col="note"
                      disabled={!editable}
                      value={cells[r.rowCode]?.note ?? ''}
                      onChange={(e) => onCell(r.rowCode, 'note', e.target.value)}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
