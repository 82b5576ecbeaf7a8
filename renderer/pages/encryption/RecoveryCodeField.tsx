// Where a clerk types a 恢复码 (输入恢复码, a package or backup that asks for one): one field taking
// `1234 5678 …`, dashes or full-width digits, checked with the API's own field schema (format and
// check digits) before anything is sent, and the backend's message (a wrong code, waiting after
// several) shown at the field (recoveryCodeCheck.ts).
import { forwardRef } from 'react';
import { Form, Input, type InputRef } from 'antd';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  label?: string;
  onEnter?: () => void;
  disabled?: boolean;
}

export const RecoveryCodeField = forwardRef<InputRef, Props>(function RecoveryCodeField(
  { id, value, onChange, error, label = '恢复码', onEnter, disabled },
  ref,
) {
  return (
    <Form layout="vertical" component="div">
      <Form.Item
        label={label}
        htmlFor={id}
        validateStatus={error ? 'error' : undefined}
        help={error ? <span data-testid={`${id}-error`}>{error}</span> : undefined}
        extra="共8组，每组4位数字；可带空格或短横线"
      >
        <Input
          id={id}
          ref={ref}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          inputMode="numeric"
          placeholder="1234-5678-…"
          value={value}
          disabled={disabled}
          style={{ fontSize: 18, letterSpacing: 1 }}
          onChange={(e) => onChange(e.target.value)}
          onPressEnter={onEnter}
        />
      </Form.Item>
    </Form>
  );
});
