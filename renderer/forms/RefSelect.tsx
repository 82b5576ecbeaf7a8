// A picker for a record of another list (a township, a 普查指导员, a budget item): searches the
// backend as the clerk types, newest answer wins.
import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { cachedLabel, fetchLabel, searchRefs, type RefOption, type RefSourceKey } from './refSources';

interface Props {
  source: RefSourceKey;
  value: number | number[] | null | undefined;
  onChange: (value: number | number[] | null) => void;
  multiple?: boolean;
  filters?: Record<string, unknown>;
  placeholder?: string;
  id?: string;
  status?: 'error';
  disabled?: boolean;
  allowClear?: boolean;
}

export function RefSelect({
  source,
  value,
  onChange,
  multiple,
  filters,
  placeholder,
  id,
  status,
  disabled,
  allowClear = true,
}: Props) {
  const [options, setOptions] = useState<RefOption[]>([]);
  const [, setNamesSeen] = useState(0);
  const asked = useRef(0);
  const filterKey = JSON.stringify(filters ?? {});

  const search = (q: string) => {
    const mine = ++asked.current;
    void searchRefs(source, q, filters).then((found) => mine === asked.current && setOptions(found));
  };
  // Different filters (another township) mean different choices.
  useEffect(() => setOptions([]), [filterKey]);

  const selected = value == null ? [] : Array.isArray(value) ? value : [value];
  // Selected records not among the options still need their names shown.
  useEffect(() => {
    for (const v of selected)
      if (cachedLabel(source, v) === undefined) void fetchLabel(source, v).then(() => setNamesSeen((n) => n + 1));
  }, [source, selected.join(',')]);

  const shown = new Map(options.map((o) => [o.value, o]));
  for (const v of selected)
    if (!shown.has(v)) shown.set(v, { value: v, label: cachedLabel(source, v) ?? '…', hint: '' });

  return (
    <Select
      id={id}
      className="full-width"
      mode={multiple ? 'multiple' : undefined}
      value={multiple ? selected : (selected[0] ?? null)}
      status={status}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? '输入名称或编号搜索'}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && search('')}
      notFoundContent="没有找到，请换个关键字"
      options={[...shown.values()].map((o) => ({
        value: o.value,
        label: o.label,
        title: o.hint ? `${o.label} ${o.hint}` : o.label,
      }))}
      optionRender={(o) => (
        <span>
          {o.label}
          {shown.get(o.value as number)?.hint && (
            <span className="option-hint">{shown.get(o.value as number)?.hint}</span>
          )}
        </span>
      )}
      onChange={(v: number | number[] | undefined) => onChange(v === undefined ? null : v)}
    />
  );
}
