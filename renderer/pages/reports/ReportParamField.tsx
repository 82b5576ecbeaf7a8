// One export parameter of the report catalogue as a form control: the period (a month, and where
// the report allows it 上/下半月), the roster's filters, the day a report describes (截至日期), or
// the record a per-record form is for.
import { useEffect, useState } from 'react';
import { Form, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PERSON_ROLES, PERSON_STATUSES } from '../../../core/enums';
import { paramLabel, type ParamUse, type ReportParamKey } from '../../../core/reports/catalogue';
import { call } from '../../api/call';
import { DateInput } from '../../forms/DateInput';
import { MonthInput } from '../../forms/MonthInput';
import { RefSelect } from '../../forms/RefSelect';

export type Half = '' | '上' | '下';
/** What the form holds for every parameter; it survives switching between reports. */
export interface ParamValues {
  month: Dayjs | null;
  half: Half;
  role: string | null;
  townshipId: number | null;
  status: string | null;
  sessionId: number | null;
  contractId: number | null;
  payRunId: number | null;
  /** 截至日期: empty means the export day. */
  asOf: Dayjs | null;
}
export const NO_VALUES: ParamValues = {
  month: null,
  half: '',
  role: null,
  townshipId: null,
  status: null,
  sessionId: null,
  contractId: null,
  payRunId: null,
  asOf: null,
};

/** The parameter's value as report.export takes it, or null when not chosen. */
export function paramValue(key: ReportParamKey, use: ParamUse, v: ParamValues): string | number | null {
  if (key === 'asOf') return v.asOf ? v.asOf.format('YYYY-MM-DD') : null;
  if (key !== 'period') return v[key];
  if (!v.month) return null;
  return v.month.format('YYYY-MM') + (use.halves && v.half ? `-${v.half}` : '');
}

function PayRunPicker({ value, onChange }: { value: number | null; onChange: (v: number | null) => void }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    void call('payRun.list', { pageSize: 200 }).then((r) => {
      if (r.ok) setOptions(r.data.rows.map((p) => ({ value: p.id, label: `${p.title}（${p.period}，${p.status}）` })));
    });
  }, []);
  return (
    <Select
      style={{ width: 320 }}
      value={value}
      onChange={(v: number | null) => onChange(v ?? null)}
      allowClear
      placeholder="选择发放表"
      options={options}
      data-testid="report-payrun"
      notFoundContent="还没有劳务报酬发放表"
    />
  );
}

const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const numberOrNull = (v: number | number[] | null) => (typeof v === 'number' ? v : null);

interface Props {
  name: ReportParamKey;
  use: ParamUse;
  values: ParamValues;
  set: (patch: Partial<ParamValues>) => void;
}

function Control({ name, use, values, set }: Props) {
  switch (name) {
    case 'period':
      return (
        <Space>
          <MonthInput
            value={values.month ? values.month.format('YYYY-MM') : null}
            onChange={(m) => set({ month: m ? dayjs(`${m}-01`) : null })}
            placeholder="选择月份"
            testId="report-period"
          />
          {use.halves && (
            <Select
              style={{ width: 120 }}
              value={values.half}
              onChange={(v: Half) => set({ half: v })}
              options={[
                { value: '', label: '整月' },
                { value: '上', label: '上半月' },
                { value: '下', label: '下半月' },
              ]}
            />
          )}
        </Space>
      );
    case 'role':
      return (
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder="全部"
          value={values.role}
          onChange={(v: string | null) => set({ role: v ?? null })}
          options={choices(PERSON_ROLES)}
        />
      );
    case 'townshipId':
      return (
        <div style={{ width: 220 }}>
          <RefSelect
            source="township"
            value={values.townshipId}
            onChange={(v) => set({ townshipId: numberOrNull(v) })}
            placeholder="全部"
          />
        </div>
      );
    case 'status':
      return (
        <Select
          style={{ width: 120 }}
          allowClear
          placeholder="全部"
          value={values.status}
          onChange={(v: string | null) => set({ status: v ?? null })}
          options={choices(PERSON_STATUSES)}
        />
      );
    case 'asOf':
      return (
        <div style={{ width: 200 }}>
          <DateInput
            id="report-as-of"
            label="截至日期"
            understood={false}
            value={values.asOf ? values.asOf.format('YYYY-MM-DD') : null}
            onChange={(iso, error) => error === undefined && set({ asOf: iso ? dayjs(iso) : null })}
            placeholder="导出当天"
          />
        </div>
      );
    case 'payRunId':
      return <PayRunPicker value={values.payRunId} onChange={(v) => set({ payRunId: v })} />;
    case 'sessionId':
      return (
        <div style={{ width: 360 }}>
          <RefSelect
            id="report-session"
            source="training"
            value={values.sessionId}
            onChange={(v) => set({ sessionId: numberOrNull(v) })}
            placeholder="输入培训班名称搜索"
          />
        </div>
      );
    case 'contractId':
      return (
        <div style={{ width: 360 }}>
          <RefSelect
            id="report-contract"
            source="contract"
            value={values.contractId}
            onChange={(v) => set({ contractId: numberOrNull(v) })}
            placeholder="输入合同编号或名称搜索"
          />
        </div>
      );
  }
}

export function ReportParamField(props: Props) {
  const { name, use } = props;
  return (
    <Form.Item label={paramLabel(name) + (use.note ? `（${use.note}）` : '')} required={use.required}>
      <Control {...props} />
    </Form.Item>
  );
}
