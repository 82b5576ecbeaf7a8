// A filter control over a list: a fixed set of values, or a record picker for ids.
import { Select } from 'antd';
import { RefSelect } from '../forms/RefSelect';
import type { RefSourceKey } from '../forms/refSources';

interface Props {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  options?: readonly string[] | { value: string | boolean; label: string }[];
  source?: RefSourceKey;
  refFilters?: Record<string, unknown>;
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
