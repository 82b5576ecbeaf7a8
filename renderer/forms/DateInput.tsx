// A date box that holds what the clerk typed and never rewrites it while they type: the form's value
// follows the text on every keystroke (core/dateEntry.ts parseDateEntry), so every save path —
// Enter, Tab, Ctrl+S, the 保存 button — sees the date on screen. Text that is not (yet) a date keeps
// the last value and reports a message, which stops the save. On leaving the box the text becomes
// `YYYY-MM-DD`; under it the date it understood (「2018年11月30日 星期五」). The calendar opens only
// from its button or Alt+↓, so it never covers the fields below while the clerk types; Esc closes
// it (and only it: the form's Esc is the next one), Enter closes it and moves on.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Calendar, Input, Popover } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { describeDate, parseDateEntry } from '../../core/dateEntry';

interface Props {
  id?: string;
  value: string | null | undefined;
  /** The ISO date, or null when empty; `error` when the text is not a date (the value is then the last good one). */
  onChange: (iso: string | null, error?: string) => void;
  status?: 'error';
  disabled?: boolean;
  placeholder?: string;
  /** Names the field in messages. */
  label?: string;
  /** Shows what the box understood under it (off in narrow filter bars). */
  understood?: boolean;
}

export function DateInput({ id, value, onChange, status, disabled, placeholder, label, understood = true }: Props) {
  const [text, setText] = useState(value ?? '');
  const [calendarOpen, setCalendarOpen] = useState(false);
  // The value this box last reported: any other value came from outside (a reset, a computed date)
  // and replaces the text; our own never does, so text that is not yet a date stays as typed.
  const reported = useRef(value ?? null);
  useEffect(() => {
    if ((value ?? null) !== reported.current) {
      reported.current = value ?? null;
      setText(value ?? '');
    }
  }, [value]);

  const entry = parseDateEntry(text, label);
  const take = (raw: string) => {
    setText(raw);
    const r = parseDateEntry(raw, label);
    if (r.kind === 'invalid') return onChange(value ?? null, r.message);
    reported.current = r.kind === 'ok' ? r.value : null;
    onChange(reported.current);
  };
  const picked = value ? dayjs(value, 'YYYY-MM-DD', true) : null;

  const calendar = (
    <div style={{ width: 300 }}>
      <Calendar
        fullscreen={false}
        value={picked?.isValid() ? picked : undefined}
        onSelect={(d, info) => {
          if (info.source !== 'date') return;
          take(d.format('YYYY-MM-DD'));
          setCalendarOpen(false);
        }}
      />
    </div>
  );

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'ArrowDown' && e.altKey && !disabled) {
      e.preventDefault();
      setCalendarOpen(true);
    } else if (calendarOpen && (e.key === 'Escape' || e.key === 'Enter')) {
      setCalendarOpen(false);
      if (e.key === 'Escape') {
        // This Esc was the calendar's: the form must not see it.
        e.preventDefault();
        e.stopPropagation();
      }
    }
  };

  return (
    <div className="full-width" data-testid={id ? `${id}-box` : undefined} onKeyDown={onKeyDown}>
      <Input
        id={id}
        value={text}
        status={status ?? (entry.kind === 'invalid' ? 'error' : undefined)}
        title={entry.kind === 'invalid' ? entry.message : undefined}
        disabled={disabled}
        autoComplete="off"
        placeholder={placeholder ?? '如 2018-11-30'}
        onBlur={() => {
          if (entry.kind === 'ok') setText(entry.value);
        }}
        onChange={(e) => take(e.target.value)}
        suffix={
          <Popover
            content={calendar}
            trigger="click"
            placement="bottomRight"
            rootClassName="date-calendar"
            open={calendarOpen && !disabled}
            onOpenChange={setCalendarOpen}
          >
            <Button
              type="text"
              size="small"
              tabIndex={-1}
              disabled={disabled}
              icon={<CalendarOutlined />}
              aria-label="打开日历"
              style={{ height: 20, width: 20, minWidth: 20 }}
            />
          </Popover>
        }
      />
      {understood && entry.kind === 'ok' && (
        <div
          data-testid={id ? `${id}-understood` : undefined}
          style={{ fontSize: 12, lineHeight: '20px', color: 'rgba(0,0,0,0.45)' }}
        >
          {describeDate(entry.value)}
        </div>
      )}
    </div>
  );
}
