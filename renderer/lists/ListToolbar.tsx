// The strip above a list: search box, the page's filter controls, the count, and actions.
import type { ReactNode } from 'react';
import type { ListStore } from '../stores/listStore';
import { SearchBox } from './SearchBox';

interface Props<R> {
  store: ListStore<R>;
  /** Without one the list has no search box (its method searches nothing). */
  searchPlaceholder?: string;
  filters?: ReactNode;
  actions?: ReactNode;
  unit?: string;
}

export function ListToolbar<R>({ store, searchPlaceholder, filters, actions, unit = '条' }: Props<R>) {
  const total = store((s) => s.total);
  return (
    <div className="list-toolbar">
      {searchPlaceholder && <SearchBox store={store} placeholder={searchPlaceholder} />}
      {filters}
      <span className="list-count" data-testid="list-count">
        {total === null ? '' : `共 ${total.toLocaleString('zh-CN')} ${unit}`}
      </span>
      <span className="list-actions">{actions}</span>
    </div>
  );
}
