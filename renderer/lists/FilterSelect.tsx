// A filter control over a list: a fixed set of values, or a record picker for ids.
import { Select } from 'antd';
import { RefSelect } from '../forms/RefSelect';
import type { RefSourceKey } from '../forms/refSources';

/** One filter of a list, declared: which filter key it sets, its label, and its values or records. */
export interface FilterField {
  key: string;
  label: string;
  options?: readonly string[] | { value: string | boolean; label: string }[];
  source?: RefSourceKey;
  refFilters?: Record<string, unknown>;
}

interface Props extends Omit<FilterField, 'key'> {
  value: unknown;
  onChange: (value: unknown) => void;
}

export function FilterSelect({ label, value, onChange, options, source, refFilters }: Props) {
  if (source) {
    return (
      <div className="list-filter" style={{ width: 170 }}>
        <RefSelect
          source={source}
          filters={refFilters}
          placeholder={label}
          value={(value as number) ?? null}
          onChange={(v) => onChange(v ?? undefined)}
        />
      </div>
    );
  }
  return (
    <Select
      className="list-filter"
      placeholder={label}
      aria-label={label}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? undefined)}
      options={(options ?? []).map((o) => (typeof o === 'string' ? { value: o, label: o } : o))}
      popupMatchSelectWidth={false}
    />
  );
}

/** The declared filters of a list, each bound to its key. */
export function FilterSelects({
  fields,
  filters,
  setFilter,
}: {
  fields: readonly FilterField[];
  filters: Record<string, unknown>;
  setFilter: (key: string, value: unknown) => void;
}) {
  return (
    <>
      {fields.map(({ key, ...field }) => (
        <FilterSelect key={key} {...field} value={filters[key]} onChange={(v) => setFilter(key, v)} />
      ))}
    </>
  );
}
