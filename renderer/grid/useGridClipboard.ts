// Paste and copy for every editable grid, as in Excel: a block copied from Excel or WPS (text/plain,
// tab-separated, core/tsv) lands cell by cell from the focused cell right and down; Shift+click
// marks a rectangle from the focused cell and Ctrl+C copies it as the same text (one cell alone
// copies that cell). The grid writes the cells through its own typed path, so each is checked as if
// typed and nothing is saved until the clerk saves. Cells are found by their data attributes
// (`cellProps`), so the hook needs no ref into antd's tables.
import { useState, type ClipboardEvent, type CSSProperties, type FocusEvent, type MouseEvent } from 'react';
import { blockWidth, isBlock, parseTsv, toTsv } from '../../core/tsv';
import { toast } from '../app/feedback';

export interface GridPasteCell {
  row: number;
  col: string;
  text: string;
}

export interface GridClipboardOptions {
  /** Column keys in the order shown, read-only ones included: a block copied from the sheet has them too. */
  columns: readonly string[];
  rowCount: number;
  /** A paste past the last row adds rows (pay-run lines); otherwise those cells are left out and said so. */
  canGrow?: boolean;
  /** Whether pasting is allowed (a reader may still copy). */
  editable: boolean;
  /** A cell's text for copying, as shown. */
  read: (row: number, col: string) => string;
  /** Writes pasted cells in one update; the grid skips read-only columns and checks each cell. */
  write: (cells: GridPasteCell[]) => void;
}

interface Pos {
  row: number;
  col: number;
}

const ROW_ATTR = 'data-grid-row';
const COL_ATTR = 'data-grid-col';
const SELECTED: CSSProperties = { outline: '2px solid #1677ff', outlineOffset: -2 };

export function useGridClipboard(o: GridClipboardOptions) {
  const [anchor, setAnchor] = useState<Pos | null>(null);
  const [extent, setExtent] = useState<Pos | null>(null);

  const locate = (target: EventTarget | null): Pos | null => {
    const el = target instanceof Element ? target.closest(`[${ROW_ATTR}][${COL_ATTR}]`) : null;
    if (!el) return null;
    const col = o.columns.indexOf(el.getAttribute(COL_ATTR) ?? '');
    const row = Number(el.getAttribute(ROW_ATTR));
    return col < 0 || !Number.isInteger(row) ? null : { row, col };
  };

  const range = anchor &&
    extent && {
      top: Math.min(anchor.row, extent.row),
      bottom: Math.max(anchor.row, extent.row),
      left: Math.min(anchor.col, extent.col),
      right: Math.max(anchor.col, extent.col),
    };

  const onPaste = (e: ClipboardEvent<HTMLElement>) => {
    if (!o.editable) return;
    const block = parseTsv(e.clipboardData.getData('text/plain'));
    // One cell goes into the box it lands in, the browser's own way.
    if (!isBlock(block)) return;
    const at = locate(e.target);
    if (!at) return;
    e.preventDefault();
    const cells: GridPasteCell[] = [];
    let left = 0;
    block.forEach((cellsOfRow, r) =>
      // A short (ragged) row writes only the cells it has.
      cellsOfRow.forEach((text, c) => {
        const row = at.row + r;
        const col = o.columns[at.col + c];
        if (col === undefined || (row >= o.rowCount && !o.canGrow)) left++;
        else cells.push({ row, col, text });
      }),
    );
    o.write(cells);
    setAnchor(at);
    setExtent({
      row: Math.min(at.row + block.length, o.canGrow ? Infinity : o.rowCount) - 1,
      col: Math.min(at.col + blockWidth(block), o.columns.length) - 1,
    });
    const size = `${block.length} 行 × ${blockWidth(block)} 列`;
    if (left > 0) toast.error(`已粘贴 ${size}；超出表格的 ${left} 个单元格未粘贴`);
    else toast.info(`已粘贴 ${size}，保存后生效`);
  };

  const onCopy = (e: ClipboardEvent<HTMLElement>) => {
    const at = locate(e.target);
    if (!at) return;
    let block: string[][];
    if (range && (range.top !== range.bottom || range.left !== range.right)) {
      block = [];
      for (let r = range.top; r <= range.bottom; r++)
        block.push(o.columns.slice(range.left, range.right + 1).map((c) => o.read(r, c)));
    } else {
      // Text selected inside the box is copied the browser's way; a bare cursor copies the cell.
      const input = e.target as HTMLInputElement;
      if (typeof input.selectionStart === 'number' && input.selectionStart !== input.selectionEnd) return;
      block = [[o.read(at.row, o.columns[at.col])]];
    }
    e.preventDefault();
    e.clipboardData.setData('text/plain', toTsv(block));
  };

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const at = locate(e.target);
    if (!at) return;
    setAnchor(at);
    setExtent(null);
  };

  /** Shift+click marks the rectangle from the focused cell; focus stays where it was. */
  const onMouseDown = (e: MouseEvent<HTMLElement>) => {
    if (!e.shiftKey || !anchor) return;
    const at = locate(e.target);
    if (!at) return;
    e.preventDefault();
    setExtent(at);
  };

  const isSelected = (row: number, col: string) => {
    const c = o.columns.indexOf(col);
    return !!range && row >= range.top && row <= range.bottom && c >= range.left && c <= range.right && !!extent;
  };

  return {
    /** Spread on the grid's wrapper. */
    handlers: { onPaste, onCopy, onFocusCapture: onFocus, onMouseDownCapture: onMouseDown },
    /** Spread on each cell's element (a td or the div around its box). */
    cellProps: (row: number, col: string) => ({
      [ROW_ATTR]: row,
      [COL_ATTR]: col,
      style: isSelected(row, col) ? SELECTED : undefined,
      'data-selected': isSelected(row, col) || undefined,
    }),
  };
}
