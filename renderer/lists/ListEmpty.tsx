// An empty list says what to do next: add the first record, or loosen the search.
import { Empty } from 'antd';
import type { ListStore } from '../stores/listStore';

interface Props<R> {
  store: ListStore<R>;
  /** What the list holds, e.g. "人员". */
  noun: string;
  /** How to add one, e.g. "点击右上角“新增人员”录入". */
  howToAdd: string;
  /** Filters narrow the list (so empty may mean "nothing matches"). */
  filtered: boolean;
}

export function ListEmpty<R>({ store, noun, howToAdd, filtered }: Props<R>) {
  // Read here, not by the list screen, so typing in the search box re-renders only this.
  const searching = store((s) => s.q.trim() !== '') || filtered;
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        searching ? (
          <span>没有符合搜索或筛选条件的{noun}。请换个关键字，或清除筛选条件。</span>
        ) : (
          <span>
            还没有{noun}。{howToAdd}
          </span>
        )
      }
    />
  );
}
