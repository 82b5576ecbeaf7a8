// 报送台账: units × periods (ledger.get) — for each unit and month the version received, when, on
// time or late against the deadline day, missing, refused or only a draft; filtered by unit and
// state; the 催报 list below; 导出Excel through ledger.export.
import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag, Tooltip } from 'antd';
import { Warning } from '../../format/Warning';
import { FileExcelOutlined } from '@ant-design/icons';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import { desktopSavePath, downloadFile } from '../../api/download';
import { toast } from '../../app/feedback';
import { MonthInput } from '../../forms/MonthInput';
import { PageHead } from '../PageHead';
import { LEDGER_STATES, type LedgerState } from '../../../core/schemas/intake';
import type { OutputOf } from '../../../core/api';
import { STATE_COLORS } from './intakeLabels';
import { RemindersCard } from './RemindersCard';
import { downloadReceived } from './downloadReceived';
import { localTime } from './months';
import { monthsBack, useLatestPeriod } from './useLatestPeriod';

type Ledger = OutputOf<'ledger.get'>;
type Cell = Ledger['cells'][number];

function CellView({ cell }: { cell: Cell | undefined }) {
  if (!cell) return <span className="muted">—</span>;
  const detail = [
    cell.version ? `第${cell.version}版${cell.versions > 1 ? `（共${cell.versions}版）` : ''}` : null,
    cell.receivedAt ? `收到 ${localTime(cell.receivedAt)}` : null,
    cell.daysLate > 0 ? `逾期${cell.daysLate}天` : null,
    cell.acceptNote ? `附说明接收：${cell.acceptNote}` : null,
    cell.refusal ? `拒收：${cell.refusal.reason}（${localTime(cell.refusal.at)}）` : null,
  ].filter(Boolean);
  return (
    <Tooltip title={detail.length ? detail.join('；') : undefined}>
      <div data-testid={`ledger-cell-${cell.unitCode}-${cell.period}`} data-state={cell.state}>
        <Tag color={STATE_COLORS[cell.state]} style={{ marginInlineEnd: 4 }}>
          {cell.state}
        </Tag>
        {cell.version && <span>v{cell.version}</span>}
        {cell.acceptNote && <Tag color="gold">附说明</Tag>}
        {cell.receivedAt && (
          <div className="muted" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {localTime(cell.receivedAt).slice(5)}
            {cell.fileId && (
              <Button
                type="link"
                size="small"
                style={{ padding: '0 0 0 4px', height: 'auto', fontSize: 12 }}
                onClick={() => void downloadReceived(cell.fileId!, `${cell.unitCode}-${cell.period}.xlsx`)}
              >
                下载
              </Button>
            )}
          </div>
        )}
      </div>
    </Tooltip>
  );
}

export function LedgerPage() {
  const [latest, , settled] = useLatestPeriod();
  return settled ? <LedgerView latest={latest} /> : <div className="page" />;
}

function LedgerView({ latest }: { latest: string }) {
  const [from, setFrom] = useState(monthsBack(latest, 5));
  const [to, setTo] = useState(latest);
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const [state, setState] = useState<LedgerState | undefined>();
  const [exporting, setExporting] = useState(false);
  const ledger = useRead('ledger.get', { from, to, ...(unitCode ? { unitCode } : {}), ...(state ? { state } : {}) });
  const data = ledger.data;

  const exportXlsx = async () => {
    const savePath = await desktopSavePath(`报送台账（${from}至${to}）.xlsx`, '导出报送台账');
    if (savePath === null) return;
    setExporting(true);
    const r = await call('ledger.export', { from, to, ...(savePath ? { savePath } : {}) });
    setExporting(false);
    if (!r.ok) return toast.error(r.error.message);
    if (r.data.base64) downloadFile(r.data.base64, r.data.fileName);
    toast.success(r.data.savedPath ? `已导出到 ${r.data.savedPath}` : `已导出：${r.data.fileName}`);
  };

  const cellOf = new Map((data?.cells ?? []).map((c) => [`${c.unitCode}|${c.period}`, c]));
  const shownUnits = (data?.units ?? []).filter((u) => data?.cells.some((c) => c.unitCode === u.code));

  return (
    <div className="page">
      <PageHead
        title="报送台账"
        extra={
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting}
            onClick={() => void exportXlsx()}
            data-testid="ledger-export"
          >
            导出Excel
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap data-testid="ledger-filters">
          <span>报告期</span>
          <MonthInput value={from} onChange={(m) => m && setFrom(m)} testId="ledger-from" />
          <span>至</span>
          <MonthInput value={to} onChange={(m) => m && setTo(m)} testId="ledger-to" />
          <Select
            allowClear
            placeholder="全部单位"
            style={{ width: 180 }}
            value={unitCode}
            onChange={setUnitCode}
            options={(data?.units ?? []).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            value={state}
            onChange={setState}
            options={LEDGER_STATES.map((s) => ({ value: s, label: s }))}
            data-testid="ledger-state"
          />
          {data && (
            <span className="muted">截止日：报告期次月{data.deadlineDay}日（可在“系统设置 → 单位信息”中修改）</span>
          )}
        </Space>
        {data && (
          <div style={{ marginTop: 8 }} data-testid="ledger-counts">
            {LEDGER_STATES.filter((s) => (data.counts[s] ?? 0) > 0).map((s) => (
              <Tag key={s} color={STATE_COLORS[s]}>
                {s} {data.counts[s]}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      {ledger.error && <Alert type="error" showIcon title={ledger.error} style={{ marginBottom: 12 }} />}
      {data && data.units.length === 0 && <Warning title="尚无下级单位：请先在“系统设置 → 下级单位”中添加。" />}
      {data && data.units.length > 0 && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey="code"
            data-testid="ledger-grid"
            pagination={false}
            dataSource={shownUnits}
            scroll={{ x: 180 + data.periods.length * 130, y: 420 }}
            columns={[
              {
                title: '单位',
                fixed: 'left',
                width: 180,
                render: (_v, u) => (
                  <span>
                    {u.name}
                    <span className="muted">（{u.code}）</span>
                  </span>
                ),
              },
              ...data.periods.map((p) => ({
                key: p.period,
                title: (
                  <Tooltip title={`截止 ${p.deadline}`}>
                    <span>{p.periodText}</span>
                  </Tooltip>
                ),
                width: 130,
                render: (_v: unknown, u: { code: string }) => <CellView cell={cellOf.get(`${u.code}|${p.period}`)} />,
              })),
            ]}
          />
        </Card>
      )}
      <RemindersCard initial={latest} />
    </div>
  );
}
