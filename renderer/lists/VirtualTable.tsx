// A list of any length: only the rows on screen exist in the DOM, and the pages under them are
// fetched from the list store as they scroll into view. Header clicks cycle the sort.
import { useCallback, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Spin } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { ListStore, Sort } from '../stores/listStore';
import type { Column } from './columns';
import { VirtualRow } from './VirtualRow';

const ROW_HEIGHT = 38;
const HEAD_HEIGHT = 40;

interface Props<R> {
  store: ListStore<R>;
  columns: Column<R>[];
  onRowClick?: (row: R) => void;
  /** What to show when the list is empty: say what to do. */
  empty: ReactNode;
  testId: string;
}

function nextSort(current: Sort | null, field: string): Sort | null {
  if (current?.field !== field) return { field, dir: 'asc' };
  return current.dir === 'asc' ? { field, dir: 'desc' } : null;
}

export function VirtualTable<R>({ store, columns, onRowClick, empty, testId }: Props<R>) {
  const total = store((s) => s.total);
  const pages = store((s) => s.pages);
  const version = store((s) => s.version);
  const loading = store((s) => s.loading);
  const sort = store((s) => s.sort);
  const shownQ = store((s) => s.shownQ);
  const error = store((s) => s.error);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  // One click handler for the life of the table, so memoised rows stay memoised.
  const latestOpen = useRef(onRowClick);
  latestOpen.current = onRowClick;
  const open = useCallback((row: R) => latestOpen.current?.(row), []);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows rendered past the window's edge: every row of a new search's answer is rendered anew
    // (33–60 ms for ~35 roster rows here), so a few rows ahead rather than 15.
    overscan: 6,
    scrollMargin: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) store.getState().ensureRange(first, last);
  }, [store, first, last, version, count]);

  // Back from a detail page: where the clerk was. A new query starts at the top.
  // Written only when it differs from what the element shows (`shownTop`, kept by onScroll): writing
  // scrollTop lays the page out there and then, ~26 ms inside the task that shows the first rows.
  const shownTop = useRef(0);
  useLayoutEffect(() => {
    const want = store.getState().scrollTop;
    if (scrollRef.current && want !== shownTop.current) {
      scrollRef.current.scrollTop = want;
      shownTop.current = want;
    }
  }, [store, version]);

  const template = `${columns.map((c) => `${c.width}px`).join(' ')} minmax(0, 1fr)`;
  const minWidth = columns.reduce((n, c) => n + c.width, 0);

  return (
    <div
      className="vt"
      data-testid={testId}
      data-state={loading || total === null ? 'loading' : 'ready'}
      data-shown-q={shownQ}
      data-total={total ?? ''}
      data-version={version}
    >
      {error && <Alert type="error" showIcon title={`列表加载失败：${error}`} />}
      <div
        className="vt-scroll"
        ref={scrollRef}
        onScroll={(e) => {
          shownTop.current = e.currentTarget.scrollTop;
          store.setState({ scrollTop: shownTop.current });
        }}
        role="table"
        aria-rowcount={count}
      >
        <div className="vt-head" style={{ gridTemplateColumns: template, minWidth, height: HEAD_HEIGHT }} role="row">
          {columns.map((c) => {
            const active = sort?.field === c.sortField ? sort?.dir : undefined;
            return (
              <div
                key={c.key}
                role="columnheader"
                aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}
                className={`vt-cell vt-th${c.sortField ? ' vt-sortable' : ''}`}
                style={{ textAlign: c.align }}
                tabIndex={c.sortField ? 0 : undefined}
                onClick={c.sortField ? () => store.getState().setSort(nextSort(sort, c.sortField!)) : undefined}
                onKeyDown={
                  c.sortField
                    ? (e) => e.key === 'Enter' && store.getState().setSort(nextSort(sort, c.sortField!))
                    : undefined
                }
              >
                {c.title}
                {active === 'asc' && <CaretUpOutlined className="vt-sort-icon" />}
                {active === 'desc' && <CaretDownOutlined className="vt-sort-icon" />}
              </div>
            );
          })}
          <div className="vt-cell vt-th" />
        </div>
        {total === null ? (
          <div className="vt-center">
            <Spin />
          </div>
        ) : total === 0 && !loading ? (
          <div className="vt-center vt-empty">{empty}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
            {items.map((item) => (
              <VirtualRow
                key={item.key}
                row={pages.size ? store.getState().rowAt(item.index) : undefined}
                index={item.index}
                top={item.start - HEAD_HEIGHT}
                height={ROW_HEIGHT}
                template={template}
                columns={columns}
                onOpen={onRowClick ? open : undefined}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
