// Dates are YYYY-MM-DD strings in the form and the API; the picker also reads what clerks type:
// 2018/3/5, 2018.3.5, 20180305.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD', 'YYYY-M-D'];

interface Props {
  id?: string;
  value: string | null | undefined;
  onChange: (iso: string | null) => void;
  status?: 'error';
  disabled?: boolean;
  placeholder?: string;
}

export function DateInput({ id, value, onChange, status, disabled, placeholder }: Props) {
  const parsed = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      id={id}
      className="full-width"
      value={parsed?.isValid() ? parsed : null}
      format={FORMATS}
      status={status}
      disabled={disabled}
      placeholder={placeholder ?? '年-月-日'}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
    />
  );
}
