// What narrows the list, as tags the clerk can read and remove: the search text (a search typed
// long ago would otherwise silently shrink a list a dashboard link opens) and the filters without a
// control of their own on the page (most arrive from a dashboard link). 清除全部筛选 clears all of
// them, the search and the page's own controls included, in one click.
import { Button, Tag } from 'antd';
import { RefName } from '../forms/RefName';
import { ID_KEYS } from '../forms/refSources';
import type { ListStore } from '../stores/listStore';
import { filterName, filterText } from './filterLabels';

interface Props<R> {
  filters: Record<string, unknown>;
  /** Keys shown by the page's own controls. */
  controlled?: string[];
  onRemove: (key: string) => void;
  /** Clears the filters and the search. */
  onClear: () => void;
  /** The list whose search text shows as a tag. */
  store?: ListStore<R>;
}

export function FilterTags<R>({ filters, controlled = [], onRemove, onClear, store }: Props<R>) {
  // Read here, not by the list screen, so typing in the search box re-renders only the tags.
  const q = (store?.((s) => s.q) ?? '').trim();
  const entries = Object.entries(filters).filter(([k]) => !controlled.includes(k));
  if (entries.length === 0 && !q && Object.keys(filters).length === 0) return null;
  return (
    <div className="filter-tags" data-testid="filter-tags">
      <span className="filter-tags-label">筛选条件：</span>
      {q && (
        <Tag closable color="gold" onClose={() => store?.getState().setQ('')} data-testid="filter-tag-search">
          搜索：{q}
        </Tag>
      )}
      {entries.map(([key, value]) => {
        const text = filterText(key, value);
        return (
          <Tag key={key} closable color="blue" onClose={() => onRemove(key)} data-testid={`filter-tag-${key}`}>
            {text ?? (
              <>
                {filterName(key)}：{ID_KEYS[key] ? <RefName source={ID_KEYS[key]} id={Number(value)} /> : String(value)}
              </>
            )}
          </Tag>
        );
      })}
      <Button size="small" type="link" onClick={onClear} data-testid="filter-clear-all">
        清除全部筛选
      </Button>
    </div>
  );
}
