// Active filters that have no control of their own on the page (most arrive from a dashboard
// link) as tags the clerk can read and remove.
import { Button, Tag } from 'antd';
import { RefName } from '../forms/RefName';
import { ID_KEYS } from '../forms/refSources';
import { filterName, filterText } from './filterLabels';

interface Props {
  filters: Record<string, unknown>;
  /** Keys shown by the page's own controls. */
  controlled?: string[];
  onRemove: (key: string) => void;
  onClear: () => void;
}

export function FilterTags({ filters, controlled = [], onRemove, onClear }: Props) {
  const entries = Object.entries(filters).filter(([k]) => !controlled.includes(k));
  if (entries.length === 0) return null;
  return (
    <div className="filter-tags" data-testid="filter-tags">
      <span className="filter-tags-label">筛选条件：</span>
      {entries.map(([key, value]) => {
        const text = filterText(key, value);
        return (
          <Tag key={key} closable color="blue" onClose={() => onRemove(key)}>
            {text ?? (
              <>
                {filterName(key)}：{ID_KEYS[key] ? <RefName source={ID_KEYS[key]} id={Number(value)} /> : String(value)}
              </>
            )}
          </Tag>
        );
      })}
      <Button size="small" type="link" onClick={onClear}>
        清除全部筛选
      </Button>
    </div>
  );
}
