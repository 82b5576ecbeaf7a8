// The lines of a pay run as a small grid: who, how many days or pieces, at what rate. The amount
// is computed exactly as the backend does (core payLineAmount); an empty rate means the person's
// own 劳务报酬标准. A block pasted from Excel (姓名, 天数/件数, 标准) fills lines from the focused
// cell and adds lines past the last (payLinePaste.ts); a cell it cannot read is marked until changed.
import { useState } from 'react';
import { Button, InputNumber, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { payLineAmount } from '../../../core/schemas/budgetPayRuns';
import { RefSelect } from '../../forms/RefSelect';
import { MoneyInput } from '../../forms/MoneyInput';
import { yuan } from '../../format/display';
import { useGridClipboard } from '../../grid/useGridClipboard';
import { PAY_LINE_COLUMNS, PASTE_PENDING, copiedLineCell, pasteLines } from './payLinePaste';

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
  const [pasteErrors, setPasteErrors] = useState<Map<string, string>>(new Map());
  const patch = (i: number, change: Partial<PayLine>, localError?: string) => {
    // A cell changed by hand is no longer the one that could not be read; the save waits for the rest.
    const left = new Map([...pasteErrors].filter(([k]) => !Object.keys(change).some((f) => k === `${i}:${f}`)));
    if (left.size !== pasteErrors.size) setPasteErrors(left);
    onChange(
      lines.map((l, k) => (k === i ? { ...l, ...change } : l)),
      localError ?? (left.size ? PASTE_PENDING : undefined),
    );
  };
  const cellError = (i: number, field: string) => pasteErrors.get(`${i}:${field}`) ?? errorAt(`lines.${i}.${field}`);
  const clip = useGridClipboard({
    columns: PAY_LINE_COLUMNS,
    rowCount: lines.length,
    canGrow: true,
    editable: true,
    read: (i, col) => copiedLineCell(lines[i], i, col),
    write: (cells) =>
      void pasteLines(lines, cells).then((r) => {
        const errors = new Map([...pasteErrors].filter(([k]) => !r.cleared.includes(k)));
        for (const [k, m] of r.errors) errors.set(k, m);
        setPasteErrors(errors);
        onChange(r.lines, errors.size ? PASTE_PENDING : undefined);
      }),
  });
  return (
    <div {...clip.handlers} data-testid="payrun-lines">
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={lines}
        locale={{ emptyText: '点击下方“添加人员”' }}
        columns={[
          {
            title: '序号',
            width: 56,
            render: (_, __, i) => <div {...clip.cellProps(i, 'seq')}>{i + 1}</div>,
          },
          {
            title: '姓名',
            render: (_, l, i) => (
              <div title={cellError(i, 'personId')} {...clip.cellProps(i, 'personId')}>
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
              <div {...clip.cellProps(i, 'quantity')}>
                <InputNumber
                  className="full-width"
                  min={0}
                  aria-label={`第${i + 1}行天数/件数`}
                  value={l.quantity}
                  status={cellError(i, 'quantity') ? 'error' : undefined}
                  onChange={(v) => patch(i, { quantity: v })}
                />
              </div>
            ),
          },
          {
            title: '标准（元）',
            width: 150,
            render: (_, l, i) => (
              <div {...clip.cellProps(i, 'rate')}>
                <MoneyInput
                  label={`第${i + 1}行标准`}
                  placeholder="按人员标准"
                  value={l.rate}
                  status={cellError(i, 'rate') ? 'error' : undefined}
                  onChange={(v, e) => patch(i, { rate: v }, e)}
                />
              </div>
            ),
          },
          {
            title: '金额（元）',
            width: 120,
            align: 'right',
            render: (_, l, i) => (
              <div {...clip.cellProps(i, 'amount')}>
                {l.quantity != null && l.rate != null ? (
                  yuan(payLineAmount(l.quantity, l.rate))
                ) : (
                  <span className="muted">按标准计算</span>
                )}
              </div>
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
                onClick={() => {
                  // Marks are by line number, which a removal shifts.
                  setPasteErrors(new Map());
                  onChange(lines.filter((_, k) => k !== i));
                }}
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
    </div>
  );
}
