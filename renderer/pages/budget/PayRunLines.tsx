// The lines of a pay run as a small grid: who, how many days or pieces, at what rate. The amount
// is computed exactly as the backend does (core payLineAmount); an empty rate means the person's
// own 劳务报酬标准.
import { Button, InputNumber, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { payLineAmount } from '../../../core/schemas/budgetPayRuns';
import { RefSelect } from '../../forms/RefSelect';
import { MoneyInput } from '../../forms/MoneyInput';
import { yuan } from '../../format/display';

export interface PayLine {
  personId: number | null;
  quantity: number | null;
  rate: number | null;
  note?: string | null;
}

interface Props {
  lines: PayLine[];
  onChange: (lines: PayLine[], localError?: string) => void;
  errorAt: (path: string) => string | undefined;
}

export function PayRunLines({ lines, onChange, errorAt }: Props) {
  const patch = (i: number, change: Partial<PayLine>, localError?: string) =>
    onChange(
      lines.map((l, k) => (k === i ? { ...l, ...change } : l)),
      localError,
    );
  const cellError = (i: number, field: string) => errorAt(`lines.${i}.${field}`);
  return (
    <>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={lines}
        locale={{ emptyText: '点击下方“添加人员”' }}
        columns={[
          { title: '序号', width: 56, render: (_, __, i) => i + 1 },
          {
            title: '姓名',
            render: (_, l, i) => (
              <div title={cellError(i, 'personId')}>
                <RefSelect
                  source="person"
                  value={l.personId}
                  status={cellError(i, 'personId') ? 'error' : undefined}
                  onChange={(v) => patch(i, { personId: v as number | null })}
                />
              </div>
            ),
          },
          {
            title: '天数/件数',
            width: 120,
            render: (_, l, i) => (
              <InputNumber
                className="full-width"
                min={0}
                value={l.quantity}
                status={cellError(i, 'quantity') ? 'error' : undefined}
                onChange={(v) => patch(i, { quantity: v })}
              />
            ),
          },
          {
            title: '标准（元）',
            width: 150,
            render: (_, l, i) => (
              <MoneyInput
                label={`第${i + 1}行标准`}
                placeholder="按人员标准"
                value={l.rate}
                status={cellError(i, 'rate') ? 'error' : undefined}
                onChange={(v, e) => patch(i, { rate: v }, e)}
              />
            ),
          },
          {
            title: '金额（元）',
            width: 120,
            align: 'right',
            render: (_, l) =>
              l.quantity != null && l.rate != null ? (
                yuan(payLineAmount(l.quantity, l.rate))
              ) : (
                <span className="muted">按标准计算</span>
              ),
          },
          {
            title: '',
            width: 48,
            render: (_, __, i) => (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label="删除此行"
                onClick={() => onChange(lines.filter((_, k) => k !== i))}
              />
            ),
          },
        ]}
      />
      {lines.map((_, i) => {
        const msg = ['personId', 'quantity', 'rate'].map((f) => cellError(i, f)).find(Boolean);
        return msg ? (
          <div key={i} className="ant-form-item-explain-error">
            {msg}
          </div>
        ) : null;
      })}
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => onChange([...lines, { personId: null, quantity: null, rate: null }])}
      >
        添加人员
      </Button>
    </>
  );
}
