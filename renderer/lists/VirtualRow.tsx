// One row of a virtual list, memoised: while a new search is on its way, or as the list scrolls,
// rows whose record did not change are not rendered again.
import { memo } from 'react';
import type { Column } from './columns';

interface Props<R> {
  row: R | undefined;
  index: number;
  top: number;
  height: number;
  template: string;
  columns: Column<R>[];
  onOpen?: (row: R) => void;
}

function VirtualRowImpl<R>({ row, index, top, height, template, columns, onOpen }: Props<R>) {
  const open = row && onOpen ? () => onOpen(row) : undefined;
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      className={`vt-row${row ? '' : ' vt-row-pending'}${index % 2 ? ' vt-row-odd' : ''}`}
      style={{ gridTemplateColumns: template, height, transform: `translateY(${top}px)` }}
      tabIndex={open ? 0 : undefined}
      onClick={open}
      onKeyDown={open ? (e) => e.key === 'Enter' && open() : undefined}
    >
      {columns.map((c) => (
        <div key={c.key} role="cell" className="vt-cell" style={c.align ? { textAlign: c.align } : undefined}>
          {row ? c.render(row) : <span className="vt-placeholder" />}
        </div>
      ))}
      <div className="vt-cell" />
    </div>
  );
}

export const VirtualRow = memo(VirtualRowImpl) as typeof VirtualRowImpl;
