// The clerk types 元 (`1,234.56`, `1234元`, full-width digits); the form holds 分. A value that
// cannot be read keeps the typed text and reports core/money's message.
import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { formatYuan, parseYuan } from '../../core/money';

interface Props {
  id?: string;
  label: string;
  value: number | null | undefined;
  onChange: (fen: number | null, error?: string) => void;
  status?: 'error';
  disabled?: boolean;
  placeholder?: string;
}

const shown = (fen: number | null | undefined) => (fen == null ? '' : formatYuan(fen));

export function MoneyInput({ id, label, value, onChange, status, disabled, placeholder }: Props) {
  const [text, setText] = useState(shown(value));
  const [focused, setFocused] = useState(false);
  // Follow outside changes (a reset, a computed amount) unless the clerk is typing.
  useEffect(() => {
    if (!focused) setText(shown(value));
  }, [value, focused]);

  return (
    <Input
      id={id}
      value={text}
      status={status}
      disabled={disabled}
      inputMode="decimal"
      placeholder={placeholder ?? '如 12,345.60 或 3.5万'}
      suffix="元"
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        const r = text.trim() === '' ? null : parseYuan(text, label);
        if (r?.ok) setText(formatYuan(r.value));
      }}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        if (raw.trim() === '') return onChange(null);
        const r = parseYuan(raw, label);
        if (r.ok) onChange(r.value);
        else onChange(value ?? null, r.message);
      }}
    />
  );
}
