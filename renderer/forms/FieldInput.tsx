// The widget for one field, chosen by the schema's kind (date, money, ref, enum…) unless the
// form says otherwise.
import { Input, InputNumber, Radio, Select, Switch } from 'antd';
import { DateInput } from './DateInput';
import { MoneyInput } from './MoneyInput';
import { RefSelect } from './RefSelect';
import type { FieldSpec, Option } from './fieldSpec';
import type { FieldInfo } from './fieldMeta';
import type { Values } from './useSchemaForm';

interface Props {
  id: string;
  spec: FieldSpec;
  info: FieldInfo;
  values: Values;
  onChange: (value: unknown, localError?: string) => void;
  invalid: boolean;
}

const toOptions = (options: readonly Option[] = []) =>
  options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
// Typing filters a list by what the clerk reads (是/否, the Chinese values).
const SEARCH = { optionFilterProp: 'label' } as const;
const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

export function FieldInput({ id, spec, info, values, onChange, invalid }: Props) {
  const value = values[spec.name];
  const status = invalid ? ('error' as const) : undefined;
  const common = { id, status, disabled: spec.disabled, placeholder: spec.placeholder };

  if (spec.ref) {
    return (
      <RefSelect
        {...common}
        source={spec.ref}
        multiple={info.kind === 'list'}
        filters={spec.refFilters?.(values)}
        value={value as number | number[] | null}
        onChange={onChange}
      />
    );
  }
  if (spec.widget === 'yesno' || (info.kind === 'bool' && info.nullable)) {
    return (
      <Select
        {...common}
        allowClear
        showSearch={SEARCH}
        options={YES_NO}
        value={value ?? undefined}
        onChange={(v) => onChange(v ?? null)}
      />
    );
  }
  if (spec.widget === 'radio') {
    return (
      <Radio.Group
        id={id}
        disabled={spec.disabled}
        options={toOptions(spec.options)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  switch (info.kind) {
    case 'date':
      return <DateInput {...common} label={info.label} value={value as string | null} onChange={onChange} />;
    case 'money':
      return <MoneyInput {...common} label={info.label} value={value as number | null} onChange={onChange} />;
    case 'int':
    case 'number':
      return (
        <InputNumber
          {...common}
          className="full-width"
          precision={info.kind === 'int' ? 0 : undefined}
          value={value as number | null}
          onChange={(v) => onChange(v ?? null)}
        />
      );
    case 'bool':
      return <Switch id={id} disabled={spec.disabled} checked={value === true} onChange={(v) => onChange(v)} />;
    case 'enum':
      return (
        <Select
          {...common}
          allowClear={info.nullable}
          showSearch={SEARCH}
          options={toOptions(spec.options)}
          value={value ?? undefined}
          onChange={(v) => onChange(v ?? null)}
        />
      );
    case 'list':
      return (
        <Select
          {...common}
          mode="multiple"
          showSearch={SEARCH}
          options={toOptions(spec.options)}
          value={(value as string[]) ?? []}
          onChange={(v) => onChange(v)}
        />
      );
  }
  if (spec.widget === 'textarea') {
    return (
      <Input.TextArea
        {...common}
        autoSize={{ minRows: 2, maxRows: 6 }}
        value={(value as string) ?? ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (spec.widget === 'password') {
    return (
      <Input.Password
        {...common}
        autoComplete="new-password"
        value={(value as string) ?? ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return <Input {...common} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} />;
}
