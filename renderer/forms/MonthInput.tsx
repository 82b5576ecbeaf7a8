// A month box (报告期): takes a typed 2026-12, 2026/12, 202612 or 2026年12月 (core/dateEntry.ts
// parseMonthEntry) and reports it on every keystroke without rewriting what is typed; on Enter or
// leaving the box it shows 「2026年12月」. A grid of months opens from its button for choosing by mouse.
import { useEffect, useRef, useState } from 'react';
import { Button, Input, Popover } from 'antd';
import { CalendarOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { parseMonthEntry } from '../../core/dateEntry';
import { formatPeriodCn } from '../../core/dates';

interface Props {
  /** `YYYY-MM` or null. */
  value: string | null;
  onChange: (month: string | null) => void;
  placeholder?: string;
  testId?: string;
}

const shown = (month: string | null) => (month ? formatPeriodCn(month) : '');

export function MonthInput({ value, onChange, placeholder = '如 2026-12', testId }: Props) {
  const [text, setText] = useState(shown(value));
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(() => Number((value ?? '').slice(0, 4)) || new Date().getFullYear());
  const reported = useRef(value);
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(shown(value));
    }
  }, [value]);

  const entry = parseMonthEntry(text, '报告期');
  const report = (month: string | null) => {
    reported.current = month;
    onChange(month);
  };
  const tidy = () => entry.kind === 'ok' && setText(shown(entry.value));

  const grid = (
    <div style={{ width: 216 }} data-testid={testId ? `${testId}-grid` : undefined}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Button
          size="small"
          type="text"
          icon={<LeftOutlined />}
          aria-label="上一年"
          onClick={() => setYear(year - 1)}
        />
        <span>{year}年</span>
        <Button
          size="small"
          type="text"
          icon={<RightOutlined />}
          aria-label="下一年"
          onClick={() => setYear(year + 1)}
        />
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 4 }}>
        {Array.from({ length: 12 }, (_, i) => {
          const month = `${year}-${String(i + 1).padStart(2, '0')}`;
          return (
            <Button
              key={month}
              size="small"
              type={month === value ? 'primary' : 'default'}
              onClick={() => {
                report(month);
                setText(shown(month));
                setOpen(false);
              }}
            >
              {i + 1}月
            </Button>
          );
        })}
      </div>
    </div>
  );

  return (
    <div style={{ width: 180 }}>
      <Input
        value={text}
        placeholder={placeholder}
        data-testid={testId}
        autoComplete="off"
        status={entry.kind === 'invalid' ? 'error' : undefined}
        title={entry.kind === 'invalid' ? entry.message : undefined}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          const r = parseMonthEntry(raw, '报告期');
          if (r.kind === 'ok') {
            report(r.value);
            setYear(Number(r.value.slice(0, 4)));
          } else report(null); // text that is not a month chooses none, so nothing exports for an old one
        }}
        onPressEnter={tidy}
        onBlur={tidy}
        suffix={
          <Popover content={grid} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
            <Button
              type="text"
              size="small"
              tabIndex={-1}
              icon={<CalendarOutlined />}
              aria-label="打开月份表"
              style={{ height: 20, width: 20, minWidth: 20 }}
            />
          </Popover>
        }
      />
    </div>
  );
}
